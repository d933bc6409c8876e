// UTC calendar arithmetic: ISO 8601 texts to Unix milliseconds and back, the dates around
// leap days and year ends, and what is refused.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "core/utc_time.h"

using namespace acw;

TEST_CASE("ISO 8601 times: parsed to Unix milliseconds, refused when not UTC or impossible") {
  CHECK(parse_iso8601_ms("1970-01-01") == std::optional<int64_t>(0));
  CHECK(parse_iso8601_ms("2024-05-01T12:00:00Z") == std::optional<int64_t>(1714564800000));
  CHECK(parse_iso8601_ms("2024-05-01T12:00:00.5Z") == std::optional<int64_t>(1714564800500));
  CHECK(parse_iso8601_ms("2024-02-29").has_value());
  for (const char* bad : {"", "2024", "2024-13-01", "2023-02-29", "2024-05-01T12:00:00",
                          "2024-05-01T24:00:00Z", "2024-05-01T12:00:00+02:00",
                          "2024-05-01T12:00:00.1234Z", "2024-05-01T12:00:00.Z", "1969-12-31",
                          "2024-05-01 12:00:00Z", "２０２４-05-01"}) {
    CHECK_MESSAGE(!parse_iso8601_ms(bad), bad);
  }
}

TEST_CASE("ISO 8601 times: written back from Unix milliseconds") {
  CHECK(iso8601_ms(1714564800123) == "2024-05-01T12:00:00.123Z");
  CHECK(iso8601_seconds(1714564800123) == "2024-05-01T12:00:00Z");
  CHECK(iso8601_seconds(0) == "1970-01-01T00:00:00Z");
  CHECK(iso8601_seconds(-1) == "1969-12-31T23:59:59Z");  // before the epoch: the day before
  CHECK(iso8601_seconds(951782400000) == "2000-02-29T00:00:00Z");
  CHECK(iso8601_seconds(253402300799000) == "9999-12-31T23:59:59Z");
}

TEST_CASE("civil dates: every day from 1970 to 2100 goes there and back") {
  int64_t expected = 0;
  for (int year = 1970; year < 2100; ++year) {
    for (unsigned month = 1; month <= 12; ++month) {
      for (unsigned day = 1; day <= 31; ++day) {
        const std::string text = fmt::format("{:04}-{:02}-{:02}", year, month, day);
        const auto ms = parse_iso8601_ms(text);
        if (!ms) continue;  // 30 February and the like
        REQUIRE_MESSAGE(*ms == expected * 86'400'000, text);
        const CivilTime t = civil_from_ms(*ms + 86'399'999);
        REQUIRE(t.year == year);
        REQUIRE(t.month == static_cast<int>(month));
        REQUIRE(t.day == static_cast<int>(day));
        CHECK((t.hour == 23 && t.minute == 59 && t.second == 59 && t.millis == 999));
        ++expected;
      }
    }
  }
  CHECK(expected == days_from_civil(2100, 1, 1));
}
