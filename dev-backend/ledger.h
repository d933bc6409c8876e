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

// Credits as a decimal string: micro-USD / 10,000, exact (up to 4 decimals, zeros trimmed).
std::string credits_text(acw::uint128 micro_usd);

}  // namespace acw::backend
