#include "util/sigbus_guard.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>

namespace acw::backend {
namespace {

// Filled before the handler is installed; the handler only reads them.
char g_database[1024];
char g_maps[64 * 1024];  // /proc/self/maps, read in the handler (no allocation there)

void put(const char* text) {
  size_t left = std::strlen(text);
  while (left > 0) {
    const ssize_t n = write(STDERR_FILENO, text, left);
    if (n <= 0) return;
    text += n;
    left -= static_cast<size_t>(n);
  }
}

uint64_t parse_hex(const char*& p) {
  uint64_t value = 0;
  for (;; ++p) {
    const char c = *p;
    if (c >= '0' && c <= '9') value = value * 16 + static_cast<uint64_t>(c - '0');
    else if (c >= 'a' && c <= 'f') value = value * 16 + static_cast<uint64_t>(c - 'a' + 10);
    else return value;
  }
}

// Writes the path of the mapping that holds `address` (nothing when it is not found). Lines
// of /proc/self/maps: "start-end perms offset dev inode   path".
void put_mapping_of(uint64_t address) {
  const int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  size_t size = 0;
  ssize_t n = 0;
  while (size < sizeof(g_maps) - 1 &&
         (n = read(fd, g_maps + size, sizeof(g_maps) - 1 - size)) > 0) {
    size += static_cast<size_t>(n);
  }
  close(fd);
  g_maps[size] = '\0';
  for (char* line = g_maps; *line != '\0';) {
    char* end = std::strchr(line, '\n');
    if (end != nullptr) *end = '\0';
    const char* p = line;
    const uint64_t start = parse_hex(p);
    const uint64_t stop = *p == '-' ? parse_hex(++p) : 0;
    if (address >= start && address < stop) {
      const char* path = std::strchr(line, '/');
      if (path != nullptr) {
        put(" (");
        put(path);
        put(")");
      }
      return;
    }
    if (end == nullptr) return;
    line = end + 1;
  }
}

void on_sigbus(int, siginfo_t* info, void*) {
  put("acw-dev-backend: fatal: SIGBUS reading a memory-mapped file");
  put_mapping_of(reinterpret_cast<uint64_t>(info->si_addr));
  put(". SQLite maps the database's shared-memory file ");
  put(g_database);
  put("-shm: it was truncated, replaced or made unusable while the backend ran, or its disk "
      "failed. Stopping; nothing answered 200 is lost (the data is in the database and its "
      "-wal file). Leave the -shm file alone (SQLite rebuilds it) and start the backend again.\n");
  _exit(kSigbusExitCode);
}

}  // namespace

void install_sigbus_guard(const std::string& database_path) {
  const size_t n = database_path.size() < sizeof(g_database) - 1 ? database_path.size()
                                                                 : sizeof(g_database) - 1;
  std::memcpy(g_database, database_path.data(), n);
  g_database[n] = '\0';
  struct sigaction action {};
  action.sa_sigaction = on_sigbus;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  sigaction(SIGBUS, &action, nullptr);
}

}  // namespace acw::backend
