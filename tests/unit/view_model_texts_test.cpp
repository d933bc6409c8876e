// The rules every visible text follows, over every state and its variants in both locales:
// no settlement units or protocol terms (SPEC.md §1), nothing shown twice (SPEC.md §6).
#include <doctest/doctest.h>

#include <functional>
#include <set>
#include <utility>

#include "core/derive.h"
#include "core/strings.h"
#include "core/view_model_build.h"
#include "core/visible_text.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

constexpr uint64_t kG = 1'000'000'000'000'000'000ULL;

// Connected on the right chain with the backend's configuration loaded.
State ready_state() {
  State s = connected_state(kChain, 0);
  s.config.backend_url = "http://127.0.0.1:8787";
  s.wallet.balance_wei = uint128(10'000) * kG;
  s.backend.health = BackendHealth::ok;
  s.backend.config_loaded = true;
  s.backend.price_micro_usd_per_g = 100;
  s.backend.deposit_bonus_bps = 1000;
  s.backend.stream_bonus_bps = 2000;
  s.backend.min_first_deposit_micro_usd = 1'000'000;
  s.backend.min_stream_micro_usd_per_month = 1'000'000;
  s.backend.host_address = "0x" + std::string(40, '1');
  s.backend.vault_address = "0x" + std::string(40, '2');
  s.backend.forwarder_address = "0x" + std::string(40, '3');
  return s;
}

const std::string kHash = "0x" + std::string(64, 'a');

// The Stream view with `monthly` G$ a month typed and its deposit read.
void stream_typed(State& s, uint64_t monthly, uint128 deposit_wei) {
  s.view = View::stream;
  s.purchase.monthly_amount_text = std::to_string(monthly);
  s.stream.setup_rate = uint128(monthly) * kG / 2'592'000;
  s.stream.setup_buffer_wei = deposit_wei;
}

// Each state name with the variants the storybook shows (and a few more), built from facets.
std::vector<std::pair<std::string, std::function<void(State&)>>> variants() {
  return {
      {"disconnected", [](State& s) { s.wallet = WalletFacet{}; s.wallet.phase = WalletPhase::disconnected; }},
      {"disconnected, connecting", [](State& s) { s.wallet = WalletFacet{}; s.wallet.phase = WalletPhase::connecting; }},
      {"disconnected, no wallet", [](State& s) { s.wallet = WalletFacet{}; s.wallet.phase = WalletPhase::no_wallet; }},
      {"disconnected, config error", [](State& s) {
         s.wallet = WalletFacet{};
         s.wallet.phase = WalletPhase::disconnected;
         s.config_error = "token-address is missing";
       }},
      {"unsupported_chain", [](State& s) { s.wallet.chain_id = 1; }},
      {"unsupported_chain, no chain name", [](State& s) { s.wallet.chain_id = 1; s.config.chain_name.clear(); }},
      {"unsupported_chain, switching", [](State& s) { s.wallet.chain_id = 1; s.wallet.switching_chain = true; }},
      {"connected_empty", [](State&) {}},
      {"connected_empty, balance loading", [](State& s) { s.wallet.balance_wei.reset(); s.wallet.balance_loading = true; }},
      {"connected_empty, balance failed", [](State& s) { s.wallet.balance_wei.reset(); }},
      {"connected_empty, backend loading", [](State& s) { s.backend.config_loaded = false; s.purchase.amount_text = "100"; }},
      {"quote_ready", [](State& s) { s.purchase.amount_text = "200"; }},
      {"quote_ready, bad text", [](State& s) { s.purchase.amount_text = "1,000"; }},
      {"insufficient_g_balance", [](State& s) { s.purchase.amount_text = "20000"; }},
      {"insufficient_g_balance, minimum", [](State& s) {
         s.wallet.balance_wei = uint128(50) * kG;
         s.purchase.amount_text = "60";
       }},
      {"quote_ready, below minimum", [](State& s) { s.purchase.amount_text = "10"; }},
      {"quote_ready, mismatch", [](State& s) {
         s.purchase.amount_text = "200";
         s.backend.config_loaded = false;
         s.backend.mismatch = "The credits service works on chain 1, but this widget is set up for chain 31337.";
         s.notice = Notice{NoticeKind::error, s.backend.mismatch};
       }},
      {"payment_pending, in wallet", [](State& s) { s.payment.phase = PaymentPhase::awaiting_wallet; }},
      {"payment_pending, on chain", [](State& s) { s.payment.phase = PaymentPhase::on_chain; s.payment.tx_hash = kHash; }},
      {"payment_pending, retrying", [](State& s) {
         s.payment.phase = PaymentPhase::crediting;
         s.payment.tx_hash = kHash;
         s.payment.backend_retrying = true;
       }},
      {"payment_pending, stream change", [](State& s) {
         s.payment.phase = PaymentPhase::on_chain;
         s.payment.kind = TxKind::stream_create;
         s.payment.flow_rate = 385'802'469'135'802ULL;
         s.payment.tx_hash = kHash;
       }},
      {"payment_confirmed", [](State& s) {
         s.payment.phase = PaymentPhase::confirmed;
         s.payment.tx_hash = kHash;
         s.payment.credited_micro_usd = 22'000'000;
         s.wallet.balance_loading = true;
       }},
      {"payment_failed, rejected", [](State& s) {
         s.payment.phase = PaymentPhase::failed;
         s.payment.failure = strings_for(s.config.locale).pay_rejected;
       }},
      {"payment_failed, reverted", [](State& s) {
         s.payment.phase = PaymentPhase::failed;
         s.payment.tx_hash = kHash;
         s.payment.failure = text(strings_for(s.config.locale).pay_reverted, "0xaaaa…aaaa");
       }},
      {"backend_unavailable", [](State& s) {
         s.backend.health = BackendHealth::unavailable;
         s.notice = Notice{NoticeKind::error, text(strings_for(s.config.locale).backend_error_detail, "HTTP 503")};
       }},
      {"backend_unavailable, no detail", [](State& s) { s.backend.health = BackendHealth::unavailable; }},
      {"has_credits", [](State& s) {
         s.credits = {true, 1'000'000, 0};
         s.api_key.loaded = true;
       }},
      {"has_credits, key and stream", [](State& s) {
         s.credits = {true, 1'000'000, 20'000};
         s.usage.count = 3;
         s.stream.phase = StreamPhase::active;
         s.stream.flow_rate_wei_per_second = 385'802'469'135'802ULL;
         s.api_key.keys = {ApiKeyMeta{"1", "gd_live_ab12", "2026-01-02T10:00:00Z", false}};
       }},
      {"has_credits, api key view", [](State& s) {
         s.credits = {true, 1'000'000, 0};
         s.view = View::api_key;
         s.api_key.keys = {ApiKeyMeta{"1", "gd_live_ab12", "2026-01-02T10:00:00Z", false}};
       }},
      {"has_credits, new key", [](State& s) {
         s.credits = {true, 1'000'000, 0};
         s.view = View::api_key;
         s.api_key.new_token = "gd_live_" + std::string(64, 'b');
       }},
      {"has_credits, signing", [](State& s) {
         s.credits = {true, 1'000'000, 0};
         s.view = View::api_key;
         s.api_key.task = KeyTask::creating;
       }},
      {"insufficient_ai_credits", [](State& s) { s.credits = {true, 0, 10}; }},
      {"usage_empty", [](State& s) { s.credits = {true, 1'000'000, 0}; s.view = View::usage; }},
      {"usage_active", [](State& s) {
         s.credits = {true, 1'000'000, 40'000};
         s.view = View::usage;
         s.usage.count = 2;
         s.usage.recent = {UsageEntry{"2", "2026-01-02T10:05:00Z", "gpt-4o-mini", 20'000},
                           UsageEntry{"1", "2026-01-02T10:00:00Z", "gpt-4o", 20'000}};
       }},
      {"streaming_setup", [](State& s) { s.view = View::stream; }},
      {"streaming_setup, quoted with deposit", [](State& s) { stream_typed(s, 1000, uint128(1389) * kG / 10); }},
      {"streaming_setup, deposit loading", [](State& s) {
         s.view = View::stream;
         s.purchase.monthly_amount_text = "1000";
       }},
      {"streaming_setup, deposit above balance", [](State& s) {
         s.wallet.balance_wei = uint128(100) * kG;
         stream_typed(s, 1000, uint128(1389) * kG / 10);
       }},
      {"streaming_setup, below minimum", [](State& s) { stream_typed(s, 5, kG); }},
      {"streaming_active", [](State& s) {
         s.view = View::stream;
         s.stream.phase = StreamPhase::active;
         s.stream.flow_rate_wei_per_second = 385'802'469'135'802ULL;
         s.stream.streamed_wei = uint128(12) * kG;
       }},
      {"streaming_active, running low", [](State& s) {
         s.view = View::stream;
         s.wallet.balance_wei = uint128(10) * kG;
         s.stream.phase = StreamPhase::active;
         s.stream.flow_rate_wei_per_second = 385'802'469'135'802ULL;
       }},
      {"streaming_paused", [](State& s) {
         s.view = View::stream;
         s.stream.phase = StreamPhase::paused;
         s.stream.flow_rate_wei_per_second = 385'802'469'135'802ULL;
       }},
      {"streaming_stopped", [](State& s) { s.view = View::stream; s.stream.phase = StreamPhase::stopped; }},
      {"streaming_stopped, liquidated", [](State& s) {
         s.view = View::stream;
         s.stream.phase = StreamPhase::stopped;
         s.stream.end_reason = "liquidated";
       }},
  };
}

// Every variant's view model, in both locales.
template <typename Check>
void for_every_view(Check check) {
  std::set<StateName> reached;
  for (const char* locale : {"en", "es"}) {
    for (const auto& [name, make] : variants()) {
      State s = ready_state();
      s.config.locale = locale;
      make(s);
      const ViewModel vm = build_view_model(s);
      reached.insert(vm.state);
      check(std::string(locale) + " " + name, vm);
    }
  }
  CHECK(reached.size() == std::size(kAllStateNames));  // every state is walked
}

}  // namespace

TEST_CASE("no visible text of any state speaks of settlement units or protocol terms") {
  for_every_view([](const std::string& where, const ViewModel& vm) {
    CAPTURE(where);
    for (const std::string& t : visible_texts(vm)) {
      CAPTURE(t);
      CHECK(settlement_term(t) == "");
    }
  });
}

TEST_CASE("no state shows the same text twice") {
  for_every_view([](const std::string& where, const ViewModel& vm) {
    CAPTURE(where);
    CHECK(repeated_text(vm) == "");
  });
}

TEST_CASE("the text rules find what they are meant to find") {
  CHECK(settlement_term("Flow rate: 10000000000000000 wei per second") == "wei");
  CHECK(settlement_term("The protocol locks 5 G$") == "protocol");
  CHECK(settlement_term("Caudal: 5 por segundo") == "caudal");
  CHECK(settlement_term("Needs a SuperToken") == "supertoken");
  CHECK(settlement_term("Streaming 500 G$ a month; weight 3") == "");
  ViewModel vm;
  vm.items.push_back(ViewItem{"a", "Service unavailable."});
  ViewItem pay{"pay", "Buy credits", Role::button};
  pay.hint = "Service unavailable.";
  vm.items.push_back(pay);
  CHECK(repeated_text(vm) == "Service unavailable.");
}
