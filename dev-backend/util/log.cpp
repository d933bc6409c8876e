#include "util/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

#include "util/time.h"

namespace acw::backend {
namespace {

std::mutex g_mutex;
std::atomic<bool> g_quiet{false};

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_alnum(char c) {
  return is_hex_digit(c) || (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z');
}

void write(const char* level, const std::string& message) {
  const std::string stamp = iso8601_ms(system_now_ms());
  const std::string text = redact_secrets(message);
  std::lock_guard<std::mutex> lock(g_mutex);
  std::fprintf(stderr, "%s %s %s\n", stamp.c_str(), level, text.c_str());
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

std::string redact_secrets(std::string_view text) {
  constexpr std::string_view kTokenPrefixes[] = {"gd_live_", "gd_read_"};  // keys, sessions
  constexpr size_t kLongestPlainHex = 64;
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    bool token = false;
    for (std::string_view prefix : kTokenPrefixes) {
      if (text.substr(i, prefix.size()) != prefix) continue;
      size_t end = i + prefix.size();
      while (end < text.size() && is_alnum(text[end])) ++end;
      out += prefix;
      out += "[redacted]";
      i = end;
      token = true;
      break;
    }
    if (token) continue;
    if (is_hex_digit(text[i])) {
      size_t end = i;
      while (end < text.size() && is_hex_digit(text[end])) ++end;
      if (end - i > kLongestPlainHex) {
        out += "[redacted]";
      } else {
        out.append(text.substr(i, end - i));
      }
      i = end;
      continue;
    }
    out += text[i++];
  }
  return out;
}

}  // namespace acw::backend
