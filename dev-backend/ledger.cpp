#include "ledger.h"

#include <algorithm>

namespace acw::backend {

acw::Parsed<CreditQuote> quote_credits(acw::uint128 wei, acw::uint128 price, uint32_t bonus_bps) {
  using P = acw::Parsed<CreditQuote>;
  auto principal = acw::principal_micro_usd(wei, price);
  if (!principal) return P::fail("amount is too large");
  auto bonus = acw::bonus_micro_usd(*principal, bonus_bps);
  if (!bonus) return P::fail("amount is too large");
  auto total = acw::checked_add(*principal, *bonus);
  if (!total) return P::fail("amount is too large");
  return P::good(CreditQuote{*principal, *bonus, *total});
}

acw::Parsed<CreditEntry> credit_for_deposit(const Deposit& d, uint32_t deposit_bonus_bps,
                                            int64_t now_ms) {
  using P = acw::Parsed<CreditEntry>;
  auto quote = quote_credits(d.amount_wei, d.price_micro_usd_per_g, deposit_bonus_bps);
  if (!quote.ok()) return P::fail("deposit " + d.id() + ": " + quote.error);
  CreditEntry e;
  e.id = d.id();
  e.account = d.account;
  e.payer = d.payer;
  e.source = "deposit";
  e.funding_status = "funded";  // verified on chain before it gets here
  e.gd_amount_wei = d.amount_wei;
  e.price_micro_usd_per_g = d.price_micro_usd_per_g;
  e.principal_usd = quote.value->principal_usd;
  e.bonus_usd = quote.value->bonus_usd;
  e.total_credit_usd = quote.value->total_usd;
  e.tx_hash = d.tx_hash;
  e.log_index = static_cast<int64_t>(d.log_index);
  e.block_number = static_cast<int64_t>(d.block_number);
  e.created_at_ms = now_ms;
  return P::good(std::move(e));
}

acw::Parsed<CreditQuote> stream_increment(const StreamSegment& segment, acw::uint128 wei,
                                          acw::uint128 price, uint32_t bonus_bps,
                                          StreamSegment& after) {
  using P = acw::Parsed<CreditQuote>;
  auto total_wei = acw::checked_add(segment.wei, wei);
  if (!total_wei) return P::fail("streamed amount is too large");
  auto total = quote_credits(*total_wei, price, bonus_bps);
  if (!total.ok()) return P::fail(total.error);
  // The sums never shrink (a lower bonus bps after a restart pays no bonus until it catches up).
  const acw::uint128 principal = std::max(total.value->principal_usd, segment.principal_usd);
  const acw::uint128 bonus = std::max(total.value->bonus_usd, segment.bonus_usd);
  CreditQuote step;
  step.principal_usd = principal - segment.principal_usd;
  step.bonus_usd = bonus - segment.bonus_usd;
  step.total_usd = step.principal_usd + step.bonus_usd;  // <= total, which fits
  after = StreamSegment{*total_wei, principal, bonus};
  return P::good(step);
}

std::optional<acw::uint128> streamed_wei(acw::uint128 rate, int64_t seconds) {
  if (seconds <= 0) return acw::uint128{0};
  return acw::checked_mul(rate, static_cast<acw::uint128>(seconds));
}

std::string credits_text(acw::uint128 micro_usd) {
  return acw::format_units(micro_usd, 4, 4, '.', 0);  // 1 credit = 10,000 micro-USD
}

}  // namespace acw::backend
