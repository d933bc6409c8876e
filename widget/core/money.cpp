#include "money.h"

#include <algorithm>

namespace acw {
namespace {

constexpr uint128 kBpsDenominator = 10'000;
// uint128 holds at most 39 decimal digits; this bound keeps format_units' strings small
// even for absurd `decimals` (uint256 amounts never need more than 77).
constexpr int kMaxFormatDecimals = 77;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Hex digit value, or -1. Locale-free on purpose (std::isxdigit depends on the C locale).
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// floor(a * b / c) without intermediate overflow, for 0 < c < 2^64: with a = q*c + r and
// b = p*c + s, a*b/c = q*p*c + q*s + r*p + r*s/c, where r*s < c^2 fits. Every term is at
// most the result, so an overflowing term means the result itself does not fit.
std::optional<uint128> mul_div_floor(uint128 a, uint128 b, uint128 c) {
  const uint128 q = a / c, r = a % c, p = b / c, s = b % c;
  std::optional<uint128> qp = checked_mul(q, p);
  std::optional<uint128> t1 = qp ? checked_mul(*qp, c) : std::nullopt;
  std::optional<uint128> t2 = checked_mul(q, s);
  std::optional<uint128> t3 = checked_mul(r, p);
  if (!t1 || !t2 || !t3) return std::nullopt;
  std::optional<uint128> sum = checked_add(*t1, *t2);
  if (sum) sum = checked_add(*sum, *t3);
  if (sum) sum = checked_add(*sum, r * s / c);
  return sum;
}

// Inserts `sep` every three digits from the right: "1234567" -> "1,234,567".
std::string group_thousands(const std::string& digits, char sep) {
  if (sep == 0) return digits;
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(sep);
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

std::optional<uint128> parse_decimal(std::string_view text) {
  if (text.empty()) return std::nullopt;
  uint128 value = 0;
  for (char c : text) {
    if (!is_digit(c)) return std::nullopt;
    const uint128 digit = static_cast<uint128>(c - '0');
    if (value > (kUint128Max - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

std::string to_decimal(uint128 value) {
  if (value == 0) return "0";
  std::string out;
  while (value != 0) {
    out.push_back(static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::optional<uint128> parse_hex_quantity(std::string_view text) {
  if (text.size() < 3 || text.size() > 2 + 64 || text[0] != '0' || text[1] != 'x') {
    return std::nullopt;
  }
  uint128 value = 0;
  for (char c : text.substr(2)) {
    const int digit = hex_value(c);
    if (digit < 0) return std::nullopt;
    if (value >> 124 != 0) return std::nullopt;  // shifting in 4 more bits would overflow
    value = (value << 4) | static_cast<uint128>(digit);
  }
  return value;
}

std::string to_hex_quantity(uint128 value) {
  static const char kHex[] = "0123456789abcdef";
  std::string digits;
  do {
    digits.push_back(kHex[static_cast<int>(value & 0xf)]);
    value >>= 4;
  } while (value != 0);
  std::reverse(digits.begin(), digits.end());
  return "0x" + digits;
}

std::optional<uint128> checked_mul(uint128 a, uint128 b) {
  if (a != 0 && b > kUint128Max / a) return std::nullopt;
  return a * b;
}

std::optional<uint128> checked_add(uint128 a, uint128 b) {
  if (b > kUint128Max - a) return std::nullopt;
  return a + b;
}

std::string format_units(uint128 value, int decimals, int max_fraction, char decimal_sep,
                         char group_sep) {
  const size_t dec = static_cast<size_t>(std::clamp(decimals, 0, kMaxFormatDecimals));
  const size_t keep = std::min(static_cast<size_t>(std::max(max_fraction, 0)), dec);

  // Left-pad so there is at least one integer digit, then split.
  std::string digits = to_decimal(value);
  if (digits.size() <= dec) digits.insert(0, dec + 1 - digits.size(), '0');
  const std::string int_part = digits.substr(0, digits.size() - dec);
  // Flooring = dropping the digits after `keep`; then trailing zeros say nothing.
  std::string fraction = digits.substr(digits.size() - dec, keep);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();

  std::string out = group_thousands(int_part, group_sep);
  if (!fraction.empty()) {
    out.push_back(decimal_sep);
    out += fraction;
  }
  return out;
}

std::optional<uint128> principal_micro_usd(uint128 wei, uint128 price_micro_usd_per_g) {
  return mul_div_floor(wei, price_micro_usd_per_g, kWeiPerG);
}

std::optional<uint128> bonus_micro_usd(uint128 principal, uint32_t bps) {
  return mul_div_floor(principal, bps, kBpsDenominator);
}

uint128 flow_rate_per_second(uint128 monthly_wei) { return monthly_wei / kSecondsPerMonth; }

}  // namespace acw
