// Credit math (SPEC.md §2) on top of the core's exact money functions.
#pragma once
#include <cstdint>

#include "chain/vault_abi.h"
#include "core/wire.h"
#include "store/records.h"

namespace acw::backend {

struct CreditQuote {
  acw::uint128 principal_usd = 0;  // floor(wei * price / 1e18), micro-USD
  acw::uint128 bonus_usd = 0;      // floor(principal * bps / 10,000)
  acw::uint128 total_usd = 0;      // principal + bonus
};

// Fails only when a result does not fit in 128 bits.
acw::Parsed<CreditQuote> quote_credits(acw::uint128 wei, acw::uint128 price_micro_usd_per_g,
                                       uint32_t bonus_bps);

// The credit entry for one Deposited log: principal from the event's own amount and price,
// the deposit bonus from the backend's configuration.
acw::Parsed<CreditEntry> credit_for_deposit(const Deposit& deposit, uint32_t deposit_bonus_bps,
                                            int64_t now_ms);

// A stream's running sums at one price (see StreamRecord).
struct StreamSegment {
  acw::uint128 wei = 0;
  acw::uint128 principal_usd = 0;
  acw::uint128 bonus_usd = 0;
};

// The credit for `wei` more streamed at `price`: principal = floor((segment.wei + wei) * price
// / 1e18) - segment.principal, bonus likewise from floor(principal sum * bps / 10,000). So a
// stream credited in many pieces gets exactly what one credit of the whole would give.
// `after` receives the new sums. Fails only on overflow.
acw::Parsed<CreditQuote> stream_increment(const StreamSegment& segment, acw::uint128 wei,
                                          acw::uint128 price_micro_usd_per_g, uint32_t bonus_bps,
                                          StreamSegment& after);

// rate * seconds, or nullopt on overflow (seconds <= 0 gives 0).
std::optional<acw::uint128> streamed_wei(acw::uint128 rate_wei_per_second, int64_t seconds);

// Credits as a decimal string: micro-USD / 10,000, exact (up to 4 decimals, zeros trimmed).
std::string credits_text(acw::uint128 micro_usd);

}  // namespace acw::backend
