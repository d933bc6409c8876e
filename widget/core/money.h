// Exact integer money math: G$ wei, micro-USD and credits. No floating point anywhere.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace acw {

using uint128 = unsigned __int128;

// Largest value a decimal money string may hold (2^128 - 1).
constexpr uint128 kUint128Max = ~uint128{0};
constexpr int kGDecimals = 18;  // G$ has 18 decimals
constexpr uint128 kSecondsPerMonth = 2'592'000;  // a 30-day month (SPEC §2), for stream rates
constexpr uint128 kWeiPerG = 1'000'000'000'000'000'000ULL;  // 10^kGDecimals
constexpr uint128 kMicroUsdPerCredit = 10'000;  // 1 credit = US$0.01 = 10,000 micro-USD

// Strict unsigned decimal ("0", "123"): digits only, no sign, no spaces, no leading '+'.
// Leading zeros are accepted. nullopt when empty, non-digit or above 2^128-1.
std::optional<uint128> parse_decimal(std::string_view text);
std::string to_decimal(uint128 value);

// Ethereum hex quantity "0x1a" / "0x0" or a 32-byte ABI word "0x000..01" (1..64 hex digits
// after a lower-case "0x", digits in either case). nullopt when malformed or the value
// exceeds 2^128-1.
std::optional<uint128> parse_hex_quantity(std::string_view text);
std::string to_hex_quantity(uint128 value);  // "0x0", "0x1a"

// Checked arithmetic: nullopt on overflow.
std::optional<uint128> checked_mul(uint128 a, uint128 b);
std::optional<uint128> checked_add(uint128 a, uint128 b);

// Fixed-point display of an integer with `decimals` implied decimals, floored to
// `max_fraction` digits, trailing fraction zeros trimmed, grouping every 3 digits with
// `group_sep` (0 = none), `decimal_sep` between integer and fraction.
// format_units(1500000000000000000, 18, 2, '.', ',') == "1.5"; (12345 * 10^18) -> "12,345".
// A non-zero value below the last shown digit floors to "0". `decimals` is clamped to 0..77
// and `max_fraction` to 0..decimals.
std::string format_units(uint128 value, int decimals, int max_fraction, char decimal_sep,
                         char group_sep);

// SPEC.md §2: principal_microUsd = floor(wei * priceMicroUsdPerG / 1e18). Exact: the
// intermediate product may exceed 128 bits; nullopt only when the result does not fit.
std::optional<uint128> principal_micro_usd(uint128 wei, uint128 price_micro_usd_per_g);
// bonus = floor(principal * bps / 10,000). nullopt only when the result does not fit.
std::optional<uint128> bonus_micro_usd(uint128 principal, uint32_t bps);
// Stream flow rate: floor(monthly_wei / 2,592,000) wei per second.
uint128 flow_rate_per_second(uint128 monthly_wei);

}  // namespace acw
