#include "core/money.h"

#include <doctest/doctest.h>

#include <string>

using acw::uint128;

namespace {

// doctest cannot print uint128; compare through decimal strings so failures are readable.
std::string dec(uint128 v) { return acw::to_decimal(v); }
std::string dec(const std::optional<uint128>& v) { return v ? acw::to_decimal(*v) : "nullopt"; }

uint128 pow10(int n) {
  uint128 v = 1;
  while (n-- > 0) v *= 10;
  return v;
}

const std::string kMaxDec = "340282366920938463463374607431768211455";  // 2^128 - 1

}  // namespace

TEST_CASE("to_decimal / parse_decimal round trip and limits") {
  CHECK(dec(0) == "0");
  CHECK(dec(7) == "7");
  CHECK(dec(pow10(18)) == "1000000000000000000");
  CHECK(dec(acw::kUint128Max) == kMaxDec);

  CHECK(dec(acw::parse_decimal("0")) == "0");
  CHECK(dec(acw::parse_decimal("000123")) == "123");  // leading zeros accepted
  CHECK(dec(acw::parse_decimal(kMaxDec)) == kMaxDec);
  CHECK(dec(acw::parse_decimal("340282366920938463463374607431768211456")) == "nullopt");
  CHECK(dec(acw::parse_decimal(std::string(40, '9'))) == "nullopt");
  CHECK(dec(acw::parse_decimal("00000000000000000000000000000000000000000001")) == "1");

  for (const char* bad : {"", " 1", "1 ", "+1", "-1", "1.0", "1e3", "0x10", "abc"}) {
    CAPTURE(bad);
    CHECK_FALSE(acw::parse_decimal(bad).has_value());
  }
}

TEST_CASE("hex quantities") {
  CHECK(acw::to_hex_quantity(0) == "0x0");
  CHECK(acw::to_hex_quantity(26) == "0x1a");
  CHECK(acw::to_hex_quantity(acw::kUint128Max) == "0x" + std::string(32, 'f'));

  CHECK(dec(acw::parse_hex_quantity("0x0")) == "0");
  CHECK(dec(acw::parse_hex_quantity("0x1a")) == "26");
  CHECK(dec(acw::parse_hex_quantity("0xABcd")) == "43981");
  CHECK(dec(acw::parse_hex_quantity("0x" + std::string(32, 'f'))) == kMaxDec);
  // A full 32-byte ABI word with leading zeros.
  CHECK(dec(acw::parse_hex_quantity("0x" + std::string(32, '0') + std::string(32, 'F'))) ==
        kMaxDec);
  CHECK(dec(acw::parse_hex_quantity("0x" + std::string(63, '0') + "1")) == "1");

  // 2^128 does not fit; 65 digits is not a word; malformed shapes.
  CHECK_FALSE(acw::parse_hex_quantity("0x1" + std::string(32, '0')).has_value());
  CHECK_FALSE(acw::parse_hex_quantity("0x" + std::string(65, '0')).has_value());
  for (const char* bad : {"", "0x", "0X1", "1a", "x1", "0xg", "0x 1", " 0x1", "0x-1"}) {
    CAPTURE(bad);
    CHECK_FALSE(acw::parse_hex_quantity(bad).has_value());
  }
}

TEST_CASE("checked arithmetic") {
  CHECK(dec(acw::checked_add(acw::kUint128Max - 1, 1)) == kMaxDec);
  CHECK(dec(acw::checked_add(acw::kUint128Max, 1)) == "nullopt");
  CHECK(dec(acw::checked_mul(acw::kUint128Max, 1)) == kMaxDec);
  CHECK(dec(acw::checked_mul(acw::kUint128Max, 0)) == "0");
  CHECK(dec(acw::checked_mul(0, acw::kUint128Max)) == "0");
  CHECK(dec(acw::checked_mul(uint128{1} << 64, uint128{1} << 63)) ==
        "170141183460469231731687303715884105728");
  CHECK(dec(acw::checked_mul(uint128{1} << 64, uint128{1} << 64)) == "nullopt");
}

TEST_CASE("format_units") {
  const uint128 g = pow10(18);

  SUBCASE("examples from the header") {
    CHECK(acw::format_units(15 * pow10(17), 18, 2, '.', ',') == "1.5");
    CHECK(acw::format_units(12345 * g, 18, 2, '.', ',') == "12,345");
  }
  SUBCASE("zero") {
    CHECK(acw::format_units(0, 18, 2, '.', ',') == "0");
    CHECK(acw::format_units(0, 0, 0, '.', ',') == "0");
  }
  SUBCASE("floors, never rounds up") {
    CHECK(acw::format_units(2 * g - 1, 18, 2, '.', ',') == "1.99");
    CHECK(acw::format_units(2 * g - 1, 18, 0, '.', ',') == "1");
    CHECK(acw::format_units(1, 18, 2, '.', ',') == "0");  // 1 wei shows as 0, not 0.01
    CHECK(acw::format_units(1, 18, 18, '.', ',') == "0.000000000000000001");
    CHECK(acw::format_units(999, 4, 2, '.', ',') == "0.09");
  }
  SUBCASE("trims trailing fraction zeros") {
    CHECK(acw::format_units(11 * pow10(17), 18, 4, '.', ',') == "1.1");
    CHECK(acw::format_units(g, 18, 18, '.', ',') == "1");
    CHECK(acw::format_units(g + 5 * pow10(15), 18, 2, '.', ',') == "1");  // 1.005 -> 1.00 -> 1
  }
  SUBCASE("grouping") {
    CHECK(acw::format_units(1234567, 0, 0, '.', ',') == "1,234,567");
    CHECK(acw::format_units(123456, 0, 0, '.', ',') == "123,456");
    CHECK(acw::format_units(999, 0, 0, '.', ',') == "999");
    CHECK(acw::format_units(1000, 0, 0, '.', ',') == "1,000");
    CHECK(acw::format_units(1234567, 0, 0, '.', 0) == "1234567");
    // Spanish style: ',' decimal, '.' grouping.
    CHECK(acw::format_units(12345 * g + 5 * pow10(17), 18, 2, ',', '.') == "12.345,5");
  }
  SUBCASE("credits from micro-USD: 4 implied decimals, 2 shown") {
    CHECK(acw::format_units(1234567, 4, 2, '.', ',') == "123.45");
    CHECK(acw::format_units(10'000, 4, 2, '.', ',') == "1");
  }
  SUBCASE("near 2^128-1") {
    CHECK(acw::format_units(acw::kUint128Max, 18, 2, '.', ',') ==
          "340,282,366,920,938,463,463.37");
    CHECK(acw::format_units(acw::kUint128Max, 18, 18, '.', 0) ==
          "340282366920938463463.374607431768211455");
    CHECK(acw::format_units(acw::kUint128Max, 0, 0, '.', ',') ==
          "340,282,366,920,938,463,463,374,607,431,768,211,455");
    CHECK(acw::format_units(acw::kUint128Max, 39, 39, '.', 0) ==
          "0.340282366920938463463374607431768211455");
    CHECK(acw::format_units(acw::kUint128Max, 40, 3, '.', 0) == "0.034");
  }
  SUBCASE("out-of-range arguments are clamped, not trusted") {
    CHECK(acw::format_units(1234, -5, 2, '.', ',') == "1,234");
    CHECK(acw::format_units(15, 1, -1, '.', ',') == "1");
    CHECK(acw::format_units(15, 1, 1000, '.', ',') == "1.5");
    CHECK(acw::format_units(acw::kUint128Max, 1 << 30, 1 << 30, '.', ',') ==
          "0." + std::string(77 - 39, '0') + kMaxDec);
  }
}

TEST_CASE("principal_micro_usd (SPEC §2)") {
  const uint128 g = pow10(18);
  // 1 G$ at 100 micro-USD per G$ (US$0.0001).
  CHECK(dec(acw::principal_micro_usd(g, 100)) == "100");
  // 10,000 G$ at that price = US$1 = 1,000,000 micro-USD = 100 credits.
  CHECK(dec(acw::principal_micro_usd(10'000 * g, 100)) == "1000000");
  // Floors: 0.015 G$ * 100 = 1.5 -> 1; 1 wei -> 0.
  CHECK(dec(acw::principal_micro_usd(15 * pow10(15), 100)) == "1");
  CHECK(dec(acw::principal_micro_usd(1, 100)) == "0");
  CHECK(dec(acw::principal_micro_usd(g - 1, 1)) == "0");
  CHECK(dec(acw::principal_micro_usd(0, 123456)) == "0");
  CHECK(dec(acw::principal_micro_usd(g, 0)) == "0");
  // The whole supply (~2.2e30 wei) at US$1 per G$.
  CHECK(dec(acw::principal_micro_usd(22 * pow10(29), 1'000'000)) == "2200000000000000000");

  SUBCASE("exact even when wei * price exceeds 128 bits") {
    CHECK(dec(acw::principal_micro_usd(uint128{1} << 127, 1000)) == "170141183460469231731687");
    CHECK(dec(acw::principal_micro_usd(acw::kUint128Max, 1)) == "340282366920938463463");
    CHECK(dec(acw::principal_micro_usd(acw::kUint128Max, g)) == kMaxDec);
    CHECK(dec(acw::principal_micro_usd(g - 1, acw::kUint128Max)) ==
          dec(acw::kUint128Max - acw::kUint128Max / g - 1));
  }
  SUBCASE("nullopt when the result does not fit") {
    CHECK(dec(acw::principal_micro_usd(acw::kUint128Max, g + 1)) == "nullopt");
    CHECK(dec(acw::principal_micro_usd(acw::kUint128Max, acw::kUint128Max)) == "nullopt");
    CHECK(dec(acw::principal_micro_usd(2 * g, acw::kUint128Max)) == "nullopt");
  }
}

TEST_CASE("bonus_micro_usd (SPEC §2)") {
  CHECK(dec(acw::bonus_micro_usd(1'000'000, 1000)) == "100000");  // deposit bonus 10 %
  CHECK(dec(acw::bonus_micro_usd(1'000'000, 2000)) == "200000");  // stream bonus 20 %
  CHECK(dec(acw::bonus_micro_usd(999, 1000)) == "99");             // 99.9 floors
  CHECK(dec(acw::bonus_micro_usd(9, 1000)) == "0");
  CHECK(dec(acw::bonus_micro_usd(1'000'000, 0)) == "0");  // unverified accounts
  CHECK(dec(acw::bonus_micro_usd(acw::kUint128Max, 10'000)) == kMaxDec);
  CHECK(dec(acw::bonus_micro_usd(acw::kUint128Max, 5'000)) == dec(acw::kUint128Max / 2));
  CHECK(dec(acw::bonus_micro_usd(acw::kUint128Max, 10'001)) == "nullopt");
  CHECK(dec(acw::bonus_micro_usd(acw::kUint128Max, UINT32_MAX)) == "nullopt");
}

TEST_CASE("flow_rate_per_second (SPEC §2: 30-day month)") {
  CHECK(dec(acw::flow_rate_per_second(2'592'000)) == "1");
  CHECK(dec(acw::flow_rate_per_second(2'592'000 - 1)) == "0");
  CHECK(dec(acw::flow_rate_per_second(0)) == "0");
  // 1,000 G$ per month.
  CHECK(dec(acw::flow_rate_per_second(1000 * pow10(18))) == "385802469135802");
  CHECK(dec(acw::flow_rate_per_second(acw::kUint128Max)) == "131281777361473172632474771385713");
}
