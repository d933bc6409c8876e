// Wall-clock time as Unix milliseconds and its ISO 8601 / RFC 3339 text (always UTC, "Z").
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace acw::backend {

using Clock = std::function<int64_t()>;  // returns Unix time in milliseconds

int64_t system_now_ms();

// "2024-05-01T12:34:56.789Z"
std::string iso8601_ms(int64_t unix_ms);

// Accepts "YYYY-MM-DD" (midnight UTC), "YYYY-MM-DDTHH:MM:SSZ" and
// "YYYY-MM-DDTHH:MM:SS.fffZ" (1 to 3 fraction digits). Only UTC ("Z"); years 1970..9999.
// nullopt for anything else, including impossible dates (2023-02-30).
std::optional<int64_t> parse_iso8601_ms(std::string_view text);

}  // namespace acw::backend
