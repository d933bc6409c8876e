// Calendar arithmetic on Unix milliseconds and their ISO 8601 texts, always UTC ("Z"). Shared
// by the widget (History's period filter, its local times) and the backend (query parameters,
// stored times). A local time is UTC plus the page's offset: no time-zone database.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace acw {

struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
};

// Days from 1970-01-01 to a civil date and back (proleptic Gregorian, any year).
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);
CivilTime civil_from_ms(int64_t unix_ms);

// Accepts "YYYY-MM-DD" (midnight UTC), "YYYY-MM-DDTHH:MM:SSZ" and
// "YYYY-MM-DDTHH:MM:SS.fffZ" (1 to 3 fraction digits). Only UTC ("Z"); years 1970..9999.
// nullopt for anything else, including impossible dates (2023-02-30).
std::optional<int64_t> parse_iso8601_ms(std::string_view text);

// "2024-05-01T12:34:56.789Z" and, without the fraction, "2024-05-01T12:34:56Z".
std::string iso8601_ms(int64_t unix_ms);
std::string iso8601_seconds(int64_t unix_ms);

}  // namespace acw
