// SHA-256 for API key storage, and a constant-time comparison of digests.
#pragma once
#include <string>
#include <string_view>

namespace acw::backend {

std::string sha256_hex(std::string_view data);  // 64 lower-case hex digits

// Compares two strings in time that depends only on their lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace acw::backend
