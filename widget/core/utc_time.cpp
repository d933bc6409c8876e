#include "utc_time.h"

#include <fmt/format.h>

namespace acw {
namespace {

bool read_digits(std::string_view text, size_t pos, size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

}  // namespace

// Howard Hinnant's algorithms (http://howardhinnant.github.io/date_algorithms.html).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilTime civil_from_ms(int64_t unix_ms) {
  const int64_t days = floor_div(unix_ms, 86'400'000);
  const int64_t in_day = unix_ms - days * 86'400'000;
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  CivilTime t;
  t.year = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (month <= 2));
  t.month = static_cast<int>(month);
  t.day = static_cast<int>(day);
  t.hour = static_cast<int>(in_day / 3'600'000);
  t.minute = static_cast<int>(in_day / 60'000 % 60);
  t.second = static_cast<int>(in_day / 1000 % 60);
  t.millis = static_cast<int>(in_day % 1000);
  return t;
}

std::optional<int64_t> parse_iso8601_ms(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  if (text.size() < 10 || !read_digits(text, 0, 4, year) || text[4] != '-' ||
      !read_digits(text, 5, 2, month) || text[7] != '-' || !read_digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    return std::nullopt;
  }
  if (text.size() > 10) {
    if (text.size() < 20 || text[10] != 'T' || !read_digits(text, 11, 2, hour) ||
        text[13] != ':' || !read_digits(text, 14, 2, minute) || text[16] != ':' ||
        !read_digits(text, 17, 2, second) || hour > 23 || minute > 59 || second > 59) {
      return std::nullopt;
    }
    size_t pos = 19;
    if (text[pos] == '.') {
      ++pos;
      size_t digits = 0;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (++digits > 3) return std::nullopt;
        millis = millis * 10 + (text[pos] - '0');
        ++pos;
      }
      if (digits == 0) return std::nullopt;
      for (size_t i = digits; i < 3; ++i) millis *= 10;
    }
    if (pos + 1 != text.size() || text[pos] != 'Z') return std::nullopt;
  }
  const int64_t days = days_from_civil(year, static_cast<unsigned>(month),
                                       static_cast<unsigned>(day));
  return ((days * 24 + hour) * 60 + minute) * 60000 + int64_t{second} * 1000 + millis;
}

std::string iso8601_seconds(int64_t unix_ms) {
  const CivilTime t = civil_from_ms(unix_ms);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.hour,
                     t.minute, t.second);
}

std::string iso8601_ms(int64_t unix_ms) {
  const CivilTime t = civil_from_ms(unix_ms);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", t.year, t.month, t.day, t.hour,
                     t.minute, t.second, t.millis);
}

}  // namespace acw
