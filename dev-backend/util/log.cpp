#include "util/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

#include "util/time.h"

namespace acw::backend {
namespace {

std::mutex g_mutex;
std::atomic<bool> g_quiet{false};

void write(const char* level, const std::string& message) {
  const std::string stamp = iso8601_ms(system_now_ms());
  std::lock_guard<std::mutex> lock(g_mutex);
  std::fprintf(stderr, "%s %s %s\n", stamp.c_str(), level, message.c_str());
  std::fflush(stderr);
}

}  // namespace

void log_info(const std::string& message) {
  if (!g_quiet) write("info ", message);
}
void log_warn(const std::string& message) {
  if (!g_quiet) write("warn ", message);
}
void log_error(const std::string& message) { write("error", message); }
void set_log_quiet(bool quiet) { g_quiet = quiet; }

}  // namespace acw::backend
