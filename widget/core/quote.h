// What the typed amount buys: parsed wei, credits and bonus from the backend's price, and the
// checks against the minimum and the G$ balance. Pure function of State.
#pragma once
#include <optional>

#include "amount_input.h"
#include "state.h"

namespace acw {

struct BuyQuote {
  bool entered = false;   // something other than spaces was typed
  AmountParse amount;     // the parse of what was typed
  bool priced = false;    // the backend's price is known
  uint128 principal_micro_usd = 0;
  uint128 bonus_micro_usd = 0;
  bool below_minimum = false;    // first deposit under the backend's minimum
  bool exceeds_balance = false;  // amount (or the minimum) is more than the G$ balance
  std::optional<uint128> minimum_wei;  // smallest amount that meets the minimum (rounded up)
};

char decimal_separator(const std::string& locale);
BuyQuote buy_quote(const State& state);

// Why "Buy credits" cannot pay now. The reducer pays only at `none`; the view shows the reason.
enum class PayBlock {
  none,
  busy,             // a payment is in flight or not yet dismissed
  no_backend,       // no credits service configured
  backend_loading,  // its configuration has not arrived yet
  backend_down,     // it is unavailable
  mismatch,         // its setup disagrees with the widget's: never pay
  no_amount,
  invalid_amount,
  below_minimum,
  exceeds_balance,
  balance_unknown,
};
PayBlock pay_block(const State& state);

// The stream setup form: monthly amount → rate, credits a month, the buffer, the checks.
struct StreamCheck {
  uint128 rate = 0;                  // wei per second from the monthly amount (0 = none typed)
  uint128 monthly_principal = 0;     // micro-USD a month
  uint128 monthly_bonus = 0;
  bool below_minimum = false;
  std::optional<uint128> buffer_wei; // what the protocol locks, once read for this rate
  bool exceeds_balance = false;      // the buffer alone is more than the balance
  bool ready = false;                // "Start stream" may be clicked
};
StreamCheck stream_check(const State& s);

}  // namespace acw
