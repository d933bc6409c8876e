// One-line log messages to stderr, serialised across threads. Never pass secrets here
// (API keys, signatures, nonces' signatures): callers log ids and prefixes only. As a last
// guard every line is passed through redact_secrets() before it is written.
#pragma once
#include <string>
#include <string_view>

namespace acw::backend {

void log_info(const std::string& message);
void log_warn(const std::string& message);
void log_error(const std::string& message);
void set_log_quiet(bool quiet);

// The text with API key and read session tokens ("gd_live_…" -> "gd_live_[redacted]",
// "gd_read_…" likewise) and hex runs longer
// than 64 digits (signatures: 130; a transaction hash's 64 stay) replaced.
std::string redact_secrets(std::string_view text);  // tests silence info and warn lines; errors always print

}  // namespace acw::backend
