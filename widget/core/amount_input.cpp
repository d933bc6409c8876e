#include "amount_input.h"

#include <algorithm>

namespace acw {
namespace {

constexpr size_t kMaxFractionDigits = static_cast<size_t>(kGDecimals);

// Locale-free classification: std::isdigit/isspace depend on the C locale and are
// undefined for the negative chars that UTF-8 bytes become.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool all_digits(std::string_view s) { return std::all_of(s.begin(), s.end(), is_digit); }
bool has_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), is_digit); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// The characters a valid amount is made of (spaces only count inside, as grouping).
bool is_amount_char(char c) { return is_digit(c) || c == '.' || c == ',' || c == ' '; }

// "1e3", "2.5E-4": digits (and separators), e/E, an optional sign, digits. Recognised only
// so the message can say "no exponents" instead of "not a number".
bool looks_like_exponent(std::string_view text) {
  const size_t e = text.find_first_of("eE");
  if (e == std::string_view::npos) return false;
  const std::string_view mantissa = text.substr(0, e);
  std::string_view exponent = text.substr(e + 1);
  if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) exponent.remove_prefix(1);
  const bool mantissa_ok = has_digit(mantissa) &&
      std::all_of(mantissa.begin(), mantissa.end(),
                  [](char c) { return is_digit(c) || c == '.' || c == ','; });
  return mantissa_ok && !exponent.empty() && all_digits(exponent);
}

// True when `text` reads as thousands grouped with `group` ("1,000", "12,345,678.5",
// "1 000"): a first group of 1-3 digits not starting with 0, then one or more groups of
// `group` + exactly 3 digits, then optionally `decimal_sep` + digits. When `group` is the
// decimal separator itself, two groups are needed ("1.000.000"), since "1.000" is a decimal.
bool looks_grouped(std::string_view text, char group, char decimal_sep) {
  std::string_view int_part = text;
  if (group != decimal_sep) {
    const size_t d = text.find(decimal_sep);
    if (d != std::string_view::npos) {
      if (!all_digits(text.substr(d + 1))) return false;
      int_part = text.substr(0, d);
    }
  }
  const size_t first = int_part.find(group);
  if (first == std::string_view::npos || first == 0 || first > 3 || int_part[0] == '0' ||
      !all_digits(int_part.substr(0, first))) {
    return false;
  }
  const std::string_view groups = int_part.substr(first);  // (group ddd)+
  const size_t min_size = group == decimal_sep ? 8 : 4;
  if (groups.size() < min_size || groups.size() % 4 != 0) return false;
  for (size_t i = 0; i < groups.size(); i += 4) {
    if (groups[i] != group || !all_digits(groups.substr(i + 1, 3))) return false;
  }
  return true;
}

AmountParse fail(AmountError error) { return AmountParse{std::nullopt, error}; }

// `int_part` and `fraction` are digit strings (either may be empty); fraction <= 18 digits.
AmountParse to_wei(std::string_view int_part, std::string_view fraction) {
  std::string fraction_wei(fraction);
  fraction_wei.append(kMaxFractionDigits - fraction.size(), '0');
  const std::optional<uint128> whole = int_part.empty() ? uint128{0} : parse_decimal(int_part);
  const std::optional<uint128> part = parse_decimal(fraction_wei);
  std::optional<uint128> wei = whole ? checked_mul(*whole, kWeiPerG) : std::nullopt;
  if (wei && part) wei = checked_add(*wei, *part);
  if (!wei) return fail(AmountError::too_large);
  return AmountParse{wei, AmountError::none};
}

}  // namespace

AmountParse parse_amount_input(std::string_view raw, char decimal_sep) {
  if (decimal_sep != ',') decimal_sep = '.';
  const char other_sep = decimal_sep == '.' ? ',' : '.';
  const std::string_view text = trim(raw);

  if (text.empty()) return fail(AmountError::empty);
  if (text[0] == '-') {
    return fail(has_digit(text) ? AmountError::negative : AmountError::not_a_number);
  }
  if (!std::all_of(text.begin(), text.end(), is_amount_char)) {
    return fail(looks_like_exponent(text) ? AmountError::exponent : AmountError::not_a_number);
  }
  if (!has_digit(text)) return fail(AmountError::not_a_number);  // ".", ",", ".."

  // Grouping is refused, never guessed, whichever character was used for it.
  for (char group : {other_sep, ' ', decimal_sep}) {
    if (looks_grouped(text, group, decimal_sep)) return fail(AmountError::grouping_separator);
  }
  if (text.find(' ') != std::string_view::npos) return fail(AmountError::not_a_number);

  const auto decimal_count = std::count(text.begin(), text.end(), decimal_sep);
  const auto other_count = std::count(text.begin(), text.end(), other_sep);
  if (decimal_count + other_count > 1) return fail(AmountError::multiple_separators);
  if (other_count == 1) return fail(AmountError::wrong_decimal_separator);

  const size_t sep = text.find(decimal_sep);
  if (sep == std::string_view::npos) return to_wei(text, {});
  const std::string_view fraction = text.substr(sep + 1);
  if (fraction.size() > kMaxFractionDigits) return fail(AmountError::too_many_decimals);
  return to_wei(text.substr(0, sep), fraction);
}

}  // namespace acw
