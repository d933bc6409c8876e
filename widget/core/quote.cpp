#include "quote.h"

#include "strings.h"

namespace acw {

char decimal_separator(const std::string& locale) { return strings_for(locale).decimal_sep; }

namespace {

uint128 setup_rate(const State& s) {
  AmountParse monthly = parse_amount_input(s.purchase.monthly_amount_text, decimal_separator(s.config.locale));
  return monthly.wei ? flow_rate_per_second(*monthly.wei) : 0;
}

// ceil(min_micro_usd * 1e18 / price): the least wei whose principal reaches the minimum.
std::optional<uint128> minimum_wei_for(uint128 min_micro_usd, uint128 price) {
  if (price == 0) return std::nullopt;
  auto scaled = checked_mul(min_micro_usd, kWeiPerG);
  if (!scaled) return std::nullopt;
  return *scaled / price + (*scaled % price != 0 ? 1 : 0);
}

bool is_first_deposit(const State& s) { return !s.credits.known || (s.credits.remaining_micro_usd == 0 && s.credits.used_micro_usd == 0); }

}  // namespace

BuyQuote buy_quote(const State& s) {
  BuyQuote q;
  q.amount = parse_amount_input(s.purchase.amount_text, decimal_separator(s.config.locale));
  q.entered = q.amount.error != AmountError::empty;
  if (!q.amount.wei) return q;
  const uint128 wei = *q.amount.wei;

  if (s.backend.price_micro_usd_per_g) {
    const uint128 price = *s.backend.price_micro_usd_per_g;
    auto principal = principal_micro_usd(wei, price);
    auto bonus = principal ? bonus_micro_usd(*principal, s.backend.deposit_bonus_bps) : std::nullopt;
    if (principal && bonus) {
      q.priced = true;
      q.principal_micro_usd = *principal;
      q.bonus_micro_usd = *bonus;
    }
    if (is_first_deposit(s) && s.backend.min_first_deposit_micro_usd > 0) {
      q.minimum_wei = minimum_wei_for(s.backend.min_first_deposit_micro_usd, price);
      q.below_minimum = q.priced && q.principal_micro_usd < s.backend.min_first_deposit_micro_usd;
    }
  }
  if (s.wallet.balance_wei) {
    const uint128 balance = *s.wallet.balance_wei;
    q.exceeds_balance = wei > balance || (q.below_minimum && q.minimum_wei && *q.minimum_wei > balance);
  }
  return q;
}

PayBlock pay_block(const State& s) {
  if (s.payment.phase != PaymentPhase::none) return PayBlock::busy;
  if (s.config.backend_url.empty()) return PayBlock::no_backend;
  if (s.backend.health == BackendHealth::unavailable) return PayBlock::backend_down;
  if (!s.backend.mismatch.empty()) return PayBlock::mismatch;
  if (!s.backend.config_loaded) return PayBlock::backend_loading;
  const BuyQuote q = buy_quote(s);
  if (!q.entered) return PayBlock::no_amount;
  if (!q.amount.wei || *q.amount.wei == 0) return PayBlock::invalid_amount;
  if (!s.wallet.balance_wei) return PayBlock::balance_unknown;
  if (q.exceeds_balance) return PayBlock::exceeds_balance;
  if (q.below_minimum || !q.priced) return PayBlock::below_minimum;
  return PayBlock::none;
}

StreamCheck stream_check(const State& s) {
  StreamCheck c;
  c.rate = setup_rate(s);
  if (c.rate == 0) return c;
  const uint128 monthly_wei = c.rate * kSecondsPerMonth;
  if (s.backend.price_micro_usd_per_g) {
    c.monthly_principal = principal_micro_usd(monthly_wei, *s.backend.price_micro_usd_per_g).value_or(0);
    c.monthly_bonus = bonus_micro_usd(c.monthly_principal, s.backend.stream_bonus_bps).value_or(0);
    c.below_minimum = c.monthly_principal < s.backend.min_stream_micro_usd_per_month;
  }
  if (s.stream.setup_rate == c.rate && s.stream.setup_buffer_wei) c.buffer_wei = *s.stream.setup_buffer_wei;
  if (s.wallet.balance_wei && c.buffer_wei) c.exceeds_balance = *c.buffer_wei >= *s.wallet.balance_wei;
  c.ready = s.backend.config_loaded && !s.backend.forwarder_address.empty() && c.buffer_wei &&
            !c.below_minimum && !c.exceeds_balance && s.payment.phase == PaymentPhase::none;
  return c;
}

}  // namespace acw
