// One-line log messages to stderr, serialised across threads. Never pass secrets here
// (API keys, signatures, nonces' signatures): callers log ids and prefixes only.
#pragma once
#include <string>

namespace acw::backend {

void log_info(const std::string& message);
void log_warn(const std::string& message);
void log_error(const std::string& message);
void set_log_quiet(bool quiet);  // tests silence info and warn lines; errors always print

}  // namespace acw::backend
