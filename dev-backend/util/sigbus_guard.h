// SIGBUS from a memory-mapped file: SQLite maps the database's "-shm" file (the WAL index),
// and when that file is truncated (or its storage fails) while the backend runs, the next
// read of the mapping raises SIGBUS, which would end the process without a word. The guard
// turns it into a clear message on stderr (the file the faulting address belongs to, from
// /proc/self/maps, and what to do) and exit code kSigbusExitCode.
#pragma once
#include <string>

namespace acw::backend {

inline constexpr int kSigbusExitCode = 3;

// Installs the SIGBUS handler; `database_path` goes into the message. Call once, early.
void install_sigbus_guard(const std::string& database_path);

}  // namespace acw::backend
