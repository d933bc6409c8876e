// The precedence of SPEC.md §1 (docs/states.md): one test per rule, and the tie-breaks.
#include <doctest/doctest.h>

#include "core/derive.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

// Connected on the right chain with a known balance and a priced backend.
State ready() {
  State s = configured_state();
  s.wallet.phase = WalletPhase::connected;
  s.wallet.account = kAlice;
  s.wallet.chain_id = kChain;
  s.wallet.balance_wei = uint128{1000} * 1'000'000'000'000'000'000ULL;  // 1000 G$
  s.backend.health = BackendHealth::ok;
  s.backend.price_micro_usd_per_g = 100;  // 1 G$ = US$0.0001
  s.backend.min_first_deposit_micro_usd = 0;
  return s;
}

}  // namespace

TEST_CASE("state names round-trip and are exactly the 17 of the spec") {
  CHECK(kAllStateNames.size() == 17);
  for (StateName n : kAllStateNames) CHECK(state_name_from_string(to_string(n)) == n);
  CHECK_FALSE(state_name_from_string("Disconnected"));
  CHECK_FALSE(state_name_from_string(""));
  CHECK(to_string(StateName::insufficient_g_balance) == "insufficient_g_balance");
}

TEST_CASE("1. no account is disconnected, whatever else is set") {
  State s = ready();
  s.payment.phase = PaymentPhase::on_chain;
  s.backend.health = BackendHealth::unavailable;
  for (auto phase : {WalletPhase::starting, WalletPhase::no_wallet, WalletPhase::disconnected,
                     WalletPhase::connecting}) {
    s.wallet.phase = phase;
    CHECK(derive_state_name(s) == StateName::disconnected);
  }
}

TEST_CASE("2. wrong chain beats a payment in flight") {
  State s = ready();
  s.wallet.chain_id = 1;
  s.payment.phase = PaymentPhase::on_chain;
  CHECK(derive_state_name(s) == StateName::unsupported_chain);
}

TEST_CASE("3. payments in flight or just finished beat the backend and the view") {
  State s = ready();
  s.backend.health = BackendHealth::unavailable;
  s.view = View::usage;
  s.payment.phase = PaymentPhase::awaiting_wallet;
  CHECK(derive_state_name(s) == StateName::payment_pending);
  s.payment.phase = PaymentPhase::on_chain;
  CHECK(derive_state_name(s) == StateName::payment_pending);
  s.payment.phase = PaymentPhase::crediting;
  CHECK(derive_state_name(s) == StateName::payment_pending);  // a pending payment stays pending
  s.payment.phase = PaymentPhase::failed;
  CHECK(derive_state_name(s) == StateName::payment_failed);
  s.payment.phase = PaymentPhase::confirmed;
  CHECK(derive_state_name(s) == StateName::payment_confirmed);
}

TEST_CASE("4. backend unavailable beats every view") {
  State s = ready();
  s.backend.health = BackendHealth::unavailable;
  for (View v : {View::buy, View::stream, View::usage, View::api_key, View::history}) {
    s.view = v;
    CHECK(derive_state_name(s) == StateName::backend_unavailable);
  }
}

TEST_CASE("5a. stream view") {
  State s = ready();
  s.view = View::stream;
  CHECK(derive_state_name(s) == StateName::streaming_setup);
  s.stream.phase = StreamPhase::active;
  CHECK(derive_state_name(s) == StateName::streaming_active);
  s.stream.phase = StreamPhase::paused;
  CHECK(derive_state_name(s) == StateName::streaming_paused);
  s.stream.phase = StreamPhase::stopped;
  CHECK(derive_state_name(s) == StateName::streaming_stopped);
  s.stream.editing = true;  // "Change rate" / "Start again" opens the setup form
  CHECK(derive_state_name(s) == StateName::streaming_setup);
}

TEST_CASE("5b. usage view") {
  State s = ready();
  s.view = View::usage;
  CHECK(derive_state_name(s) == StateName::usage_empty);
  s.usage.count = 3;
  CHECK(derive_state_name(s) == StateName::usage_active);
}

TEST_CASE("5c. buy view: an entered amount first, then credits") {
  State s = ready();
  CHECK(derive_state_name(s) == StateName::connected_empty);

  s.credits.known = true;
  s.credits.remaining_micro_usd = 50'000;
  CHECK(derive_state_name(s) == StateName::has_credits);

  s.credits.used_micro_usd = 10;
  s.credits.remaining_micro_usd = 0;
  CHECK(derive_state_name(s) == StateName::insufficient_ai_credits);
  s.backend.min_credit_micro_usd = 100;
  s.credits.remaining_micro_usd = 100;  // at or below the backend's minimum
  CHECK(derive_state_name(s) == StateName::insufficient_ai_credits);

  s.purchase.amount_text = "10";  // a top-up is quote_ready on the Buy view
  CHECK(derive_state_name(s) == StateName::quote_ready);
  s.purchase.amount_text = "1000.000000000000000001";  // 1 wei more than the balance
  CHECK(derive_state_name(s) == StateName::insufficient_g_balance);
  s.purchase.amount_text = "abc";  // invalid text: the underlying state, with the message
  CHECK(derive_state_name(s) == StateName::insufficient_ai_credits);
}

TEST_CASE("5c. a minimum above the balance is insufficient_g_balance") {
  State s = ready();
  s.backend.min_first_deposit_micro_usd = 1'000'000;  // US$1 = 10,000 G$ at US$0.0001
  s.purchase.amount_text = "1";
  CHECK(derive_state_name(s) == StateName::insufficient_g_balance);
  s.wallet.balance_wei = uint128{20'000} * 1'000'000'000'000'000'000ULL;
  CHECK(derive_state_name(s) == StateName::quote_ready);  // below the minimum, but payable in range
}

TEST_CASE("5e. the History view keeps the balance states, whatever its own load does") {
  State s = ready();
  s.view = View::history;
  CHECK(derive_state_name(s) == StateName::connected_empty);
  s.credits.known = true;
  s.credits.remaining_micro_usd = 1;
  CHECK(derive_state_name(s) == StateName::has_credits);
  s.history.failure = "the service answered 500";
  CHECK(derive_state_name(s) == StateName::has_credits);
  s.credits.used_micro_usd = 5;
  s.credits.remaining_micro_usd = 0;
  CHECK(derive_state_name(s) == StateName::insufficient_ai_credits);
}

TEST_CASE("5d. the API key view shows the balance states") {
  State s = ready();
  s.view = View::api_key;
  CHECK(derive_state_name(s) == StateName::connected_empty);
  s.credits.known = true;
  s.credits.remaining_micro_usd = 1;
  CHECK(derive_state_name(s) == StateName::has_credits);
}
