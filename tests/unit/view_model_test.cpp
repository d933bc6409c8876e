// What each state shows: stable ids, no duplicate ids, nothing empty, disabled buttons say why.
#include <doctest/doctest.h>

#include <set>

#include "core/derive.h"
#include "core/view_model_build.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

TEST_CASE("disconnected shows Connect; without a wallet, guidance instead") {
  State s = configured_state();
  reduce(s, Event::start(true));
  ViewModel vm = build_view_model(s);
  REQUIRE(find_item(vm, "connect"));
  CHECK(find_item(vm, "connect")->enabled);
  CHECK(find_item(vm, "connect")->role == Role::button);

  State none = configured_state();
  reduce(none, Event::start(false));
  vm = build_view_model(none);
  CHECK_FALSE(find_item(vm, "connect"));
  REQUIRE(find_item(vm, "no_wallet"));
  CHECK(find_item(vm, "no_wallet")->label.find("MetaMask") != std::string::npos);
}

TEST_CASE("connected_empty shows the balance with grouping and the amount input") {
  State s = connected_state(kChain, 0);
  s.wallet.balance_wei = uint128{1234} * 1'000'000'000'000'000'000ULL + 500'000'000'000'000'000ULL;
  ViewModel vm = build_view_model(s);
  CHECK(vm.state == StateName::connected_empty);
  REQUIRE(find_item(vm, "balance"));
  CHECK(find_item(vm, "balance")->label == "1,234.5 G$");
  REQUIRE(find_item(vm, "amount"));
  CHECK(find_item(vm, "amount")->role == Role::input);
  REQUIRE(find_item(vm, "pay"));
  CHECK_FALSE(find_item(vm, "pay")->enabled);
  CHECK_FALSE(find_item(vm, "pay")->hint.empty());  // the reason is shown, not hover-only
  CHECK(find_item(vm, "mode.once")->selected);
}

TEST_CASE("bad amount text gives one clear message and no crash") {
  State s = connected_state();
  for (const char* text : {"1,000", "abc", "1e3", "-1", "1234567890123456789012345678901234567890",
                           "0.0000000000000000001", "1.2.3"}) {
    CAPTURE(text);
    reduce(s, Event::input("amount", text));
    ViewModel vm = build_view_model(s);
    REQUIRE(find_item(vm, "amount_error"));
    CHECK_FALSE(find_item(vm, "amount_error")->label.empty());
    CHECK_FALSE(find_item(vm, "pay")->enabled);
  }
}

TEST_CASE("amount fields have an accessible name, a number pad and the item that explains them") {
  State s = connected_state();
  s.backend.health = BackendHealth::ok;
  s.backend.price_micro_usd_per_g = 100;  // priced: a valid amount gets its quote line
  ViewModel vm = build_view_model(s);
  REQUIRE(find_item(vm, "amount"));
  CHECK(find_item(vm, "amount")->name == "Amount to pay, in G$");
  CHECK(find_item(vm, "amount")->hint == "Amount in G$, e.g. 100");
  CHECK(find_item(vm, "amount")->numeric);
  CHECK(find_item(vm, "amount")->described_by.empty());  // nothing typed: nothing to explain

  reduce(s, Event::input("amount", "abc"));
  vm = build_view_model(s);
  CHECK(find_item(vm, "amount")->described_by == "amount_error");
  REQUIRE(find_item(vm, "amount_error"));

  reduce(s, Event::input("amount", "100"));
  vm = build_view_model(s);
  CHECK_FALSE(find_item(vm, "amount_error"));
  REQUIRE(find_item(vm, "quote"));
  CHECK(find_item(vm, "amount")->described_by == "quote");

  // The stream form's field likewise.
  reduce(s, Event::click("mode.stream"));
  vm = build_view_model(s);
  REQUIRE(find_item(vm, "monthly_amount"));
  CHECK(find_item(vm, "monthly_amount")->name == "Amount to stream per month, in G$");
  CHECK(find_item(vm, "monthly_amount")->numeric);
  reduce(s, Event::input("monthly_amount", "1.2.3"));
  vm = build_view_model(s);
  CHECK(find_item(vm, "monthly_amount")->described_by == "amount_error");
}

TEST_CASE("unsupported_chain offers the switch with the configured name") {
  State s = connected_state(42220);
  ViewModel vm = build_view_model(s);
  REQUIRE(find_item(vm, "switch_chain"));
  CHECK(find_item(vm, "switch_chain")->label == "Switch to Anvil (local)");
}

TEST_CASE("every state has a view: ids unique, labels present") {
  // A state for each name, reached through the facets.
  for (StateName name : kAllStateNames) {
    CAPTURE(std::string(to_string(name)));
    State s = connected_state();
    s.backend.health = BackendHealth::ok;
    s.backend.price_micro_usd_per_g = 100;
    switch (name) {
      case StateName::disconnected: s.wallet.phase = WalletPhase::disconnected; break;
      case StateName::unsupported_chain: s.wallet.chain_id = 1; break;
      case StateName::connected_empty: break;
      case StateName::quote_ready: s.purchase.amount_text = "0.000000000000000001"; break;
      case StateName::insufficient_g_balance: s.purchase.amount_text = "5000"; break;
      case StateName::payment_pending: s.payment.phase = PaymentPhase::on_chain; s.payment.tx_hash = "0x" + std::string(64, 'a'); break;
      case StateName::payment_confirmed: s.payment.phase = PaymentPhase::confirmed; break;
      case StateName::payment_failed: s.payment.phase = PaymentPhase::failed; break;
      case StateName::backend_unavailable: s.backend.health = BackendHealth::unavailable; break;
      case StateName::has_credits: s.credits = {true, 1'000'000, 0}; break;
      case StateName::usage_empty: s.view = View::usage; break;
      case StateName::usage_active: s.view = View::usage; s.usage.count = 4; break;
      case StateName::insufficient_ai_credits: s.credits = {true, 0, 10}; break;
      case StateName::streaming_setup: s.view = View::stream; break;
      case StateName::streaming_active: s.view = View::stream; s.stream.phase = StreamPhase::active; break;
      case StateName::streaming_paused: s.view = View::stream; s.stream.phase = StreamPhase::paused; break;
      case StateName::streaming_stopped: s.view = View::stream; s.stream.phase = StreamPhase::stopped; break;
    }
    ViewModel vm = build_view_model(s);
    CHECK(vm.state == name);
    std::set<std::string> ids;
    for (const auto& item : vm.items) {
      CHECK(ids.insert(item.id).second);
      if (item.role != Role::input) CHECK_FALSE(item.label.empty());
    }
  }
}
