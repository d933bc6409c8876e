// One-time payment: one click = one transaction, the hash is stored until credited, failures
// are told in plain words and a hash is never called "not charged".
#include <doctest/doctest.h>

#include "core/derive.h"
#include "core/view_model_build.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

const char* kHost = "0x1111111111111111111111111111111111111111";
const char* kVault = "0x2222222222222222222222222222222222222222";
const std::string kHash = "0x" + std::string(64, 'a');

const Effect* find_http(const std::vector<Effect>& fx, const std::string& url_end) {
  for (const auto& e : fx) {
    if (e.kind == EffectKind::http && e.text.size() >= url_end.size() &&
        e.text.compare(e.text.size() - url_end.size(), url_end.size(), url_end) == 0) {
      return &e;
    }
  }
  return nullptr;
}

const Effect* find_kind(const std::vector<Effect>& fx, EffectKind kind, const std::string& name = "") {
  for (const auto& e : fx) {
    if (e.kind == kind && (name.empty() || e.name == name)) return &e;
  }
  return nullptr;
}

std::string config_body() {
  return json{{"chainId", 31337}, {"priceMicroUsdPerG", "10000"}, {"depositBonusBps", 1000},
              {"streamBonusBps", 2000}, {"minFirstDepositMicroUsd", "1000000"}, {"minStreamMicroUsdPerMonth", "1000000"},
              {"tokenAddress", kToken}, {"vaultAddress", kVault}, {"hostAddress", kHost}}
      .dump();
}

// Connected with a backend, 1,000 G$, config and an empty profile loaded.
struct Flow {
  State s = configured_state();
  std::vector<Effect> fx;

  explicit Flow(json stored = json::object()) {
    s.config.backend_url = "http://backend";
    Event start = Event::start(true);
    start.stored = std::move(stored);
    fx = reduce(s, start);
    fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({kAlice})));
    fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0x7a69"));
    std::vector<Effect> loads = fx;
    answer_balance(loads, 1000);
    if (const Effect* c = find_http(loads, "/config/values")) reduce(s, Event::http_answer(c->id, 200, config_body()));
    if (const Effect* p = find_http(loads, "/profile")) {
      reduce(s, Event::http_answer(p->id, 200, R"({"remainingUsd":"0","usedUsd":"0"})"));
    }
    fx = loads;
  }
  void answer_balance(const std::vector<Effect>& effects, uint64_t g) {
    for (const auto& e : effects) {
      if (e.kind == EffectKind::wallet && e.name == "eth_call") {
        reduce(s, Event::wallet_ok(e.id, word(g) /* tiny stand-in, replaced below */));
        s.wallet.balance_wei = uint128{g} * kWeiPerG;
      }
    }
  }
  std::vector<Effect> click(const char* id) { return fx = reduce(s, Event::click(id)); }
};

}  // namespace

TEST_CASE("connecting with a backend loads its config and the profile") {
  Flow f;
  CHECK(f.s.backend.config_loaded);
  CHECK(f.s.backend.host_address == kHost);
  CHECK(f.s.credits.known);
  CHECK(derive_state_name(f.s) == StateName::connected_empty);
}

TEST_CASE("a quote from the backend's price: credits, bonus and the minimum") {
  Flow f;
  reduce(f.s, Event::input("amount", "50"));  // 50 G$ × US$0.01 = US$0.50 < US$1 minimum
  ViewModel vm = build_view_model(f.s);
  CHECK(vm.state == StateName::quote_ready);
  bool minimum = false, pay_enabled = true;
  for (const auto& item : vm.items) {
    if (item.id == "minimum") minimum = true;
    if (item.id == "pay") pay_enabled = item.enabled;
  }
  CHECK(minimum);
  CHECK_FALSE(pay_enabled);
  CHECK(f.click("pay").empty());  // a disabled button pays nothing

  reduce(f.s, Event::input("amount", "100"));  // US$1.00 = 100 credits + 10 bonus
  vm = build_view_model(f.s);
  bool quoted = false;
  for (const auto& item : vm.items) {
    if (item.id == "quote") quoted = item.label == "100 G$ buys 100 credits + 10 bonus (≈ US$1.00)";
    if (item.id == "pay") CHECK(item.enabled);
  }
  CHECK(quoted);
}

TEST_CASE("more than the balance is insufficient_g_balance and cannot pay") {
  Flow f;
  reduce(f.s, Event::input("amount", "1000.01"));
  CHECK(derive_state_name(f.s) == StateName::insufficient_g_balance);
  CHECK(f.click("pay").empty());
}

TEST_CASE("pay: one transaction to the host, hash stored, receipt, credit, confirmed") {
  Flow f;
  reduce(f.s, Event::input("amount", "100"));
  f.click("pay");
  REQUIRE(last_wallet(f.fx));
  const Effect send = *last_wallet(f.fx);
  CHECK(send.name == "eth_sendTransaction");
  CHECK(send.payload[0]["to"] == kHost);
  CHECK(send.payload[0]["from"] == kAlice);
  CHECK(send.payload[0]["data"].get<std::string>().rfind("0x6ad3ca7d", 0) == 0);
  CHECK(derive_state_name(f.s) == StateName::payment_pending);
  CHECK(f.click("pay").empty());  // double click: still one transaction

  auto fx = reduce(f.s, Event::wallet_ok(send.id, kHash));
  const Effect* store = find_kind(fx, EffectKind::store);
  REQUIRE(store);
  CHECK(store->name == std::string("acw.pending.") + kAlice + ".31337");
  CHECK(store->payload.get<std::string>().find(kHash) != std::string::npos);
  const Effect* poll = last_wallet(fx);
  REQUIRE(poll);
  CHECK(poll->name == "eth_getTransactionReceipt");

  fx = reduce(f.s, Event::wallet_ok(poll->id, nullptr));  // not mined yet
  const Effect* timer = find_kind(fx, EffectKind::timer);
  REQUIRE(timer);
  fx = reduce(f.s, Event::wallet_ok(timer->id, nullptr));
  poll = last_wallet(fx);
  REQUIRE(poll);
  fx = reduce(f.s, Event::wallet_ok(poll->id, json{{"status", "0x1"}, {"transactionHash", kHash}}));
  const Effect* record = find_http(fx, "/v1/celo/events/record");
  REQUIRE(record);
  CHECK(record->name == "POST");
  CHECK(record->payload["txHash"] == kHash);
  CHECK(derive_state_name(f.s) == StateName::payment_pending);

  fx = reduce(f.s, Event::http_answer(record->id, 200,
                                      R"({"status":"credited","events":[{"totalCreditUsd":"1100000","txHash":"x"}]})"));
  CHECK(derive_state_name(f.s) == StateName::payment_confirmed);
  const Effect* forget = find_kind(fx, EffectKind::store);
  REQUIRE(forget);
  CHECK(forget->payload.is_null());
  const Effect* success = find_kind(fx, EffectKind::emit, "pay-success");
  REQUIRE(success);
  CHECK(success->payload["txHash"] == kHash);
  CHECK(success->payload["credits"] == "110");
  CHECK(success->payload["chainId"] == "0x7a69");
  CHECK(find_http(fx, "/profile"));  // the new balance is loaded

  SUBCASE("Done") { reduce(f.s, Event::click("done")); }
  SUBCASE("Next: get your API key") {
    reduce(f.s, Event::click("nav.api_key"));
    CHECK(f.s.view == View::api_key);
  }
  CHECK(f.s.payment.phase == PaymentPhase::none);
  CHECK(derive_state_name(f.s) != StateName::payment_confirmed);
}

TEST_CASE("rejected in the wallet: payment_failed, Try again, pay-error, nothing stored") {
  Flow f;
  reduce(f.s, Event::input("amount", "100"));
  f.click("pay");
  auto fx = reduce(f.s, Event::wallet_error(last_wallet(f.fx)->id, 4001, "User denied"));
  CHECK(derive_state_name(f.s) == StateName::payment_failed);
  CHECK(f.s.payment.failure.find("declined") != std::string::npos);
  CHECK(find_kind(fx, EffectKind::emit, "pay-error"));
  CHECK_FALSE(find_kind(fx, EffectKind::store));
  reduce(f.s, Event::click("try_again"));
  CHECK(derive_state_name(f.s) == StateName::quote_ready);  // the amount is kept
  f.click("pay");
  CHECK(last_wallet(f.fx)->name == "eth_sendTransaction");
}

TEST_CASE("a reverted receipt fails with the hash in the message and forgets it") {
  Flow f;
  reduce(f.s, Event::input("amount", "100"));
  f.click("pay");
  auto fx = reduce(f.s, Event::wallet_ok(last_wallet(f.fx)->id, kHash));
  fx = reduce(f.s, Event::wallet_ok(last_wallet(fx)->id, json{{"status", "0x0"}}));
  CHECK(derive_state_name(f.s) == StateName::payment_failed);
  CHECK(f.s.payment.failure.find(kHash) != std::string::npos);
  ViewModel vm = build_view_model(f.s);
  bool check_again = false;
  for (const auto& item : vm.items) {
    check_again |= item.id == "check_again";
    CHECK(item.label.find("not charged") == std::string::npos);
  }
  CHECK(check_again);  // a hash exists: offer "check again", never "try again"
}

TEST_CASE("backend down while crediting: stays pending and retries, never failed") {
  Flow f;
  reduce(f.s, Event::input("amount", "100"));
  f.click("pay");
  auto fx = reduce(f.s, Event::wallet_ok(last_wallet(f.fx)->id, kHash));
  fx = reduce(f.s, Event::wallet_ok(last_wallet(fx)->id, json{{"status", "0x1"}}));
  const Effect* record = find_http(fx, "/v1/celo/events/record");
  fx = reduce(f.s, Event::wallet_error(record->id, -1, "network error"));
  CHECK(derive_state_name(f.s) == StateName::payment_pending);
  CHECK(f.s.payment.backend_retrying);
  const Effect* timer = find_kind(fx, EffectKind::timer);
  REQUIRE(timer);
  fx = reduce(f.s, Event::wallet_ok(timer->id, nullptr));
  record = find_http(fx, "/v1/celo/events/record");
  REQUIRE(record);
  fx = reduce(f.s, Event::http_answer(record->id, 503, R"({"error":"down"})"));
  CHECK(derive_state_name(f.s) == StateName::payment_pending);
  fx = reduce(f.s, Event::wallet_ok(find_kind(fx, EffectKind::timer)->id, nullptr));
  record = find_http(fx, "/v1/celo/events/record");
  reduce(f.s, Event::http_answer(record->id, 200, R"({"status":"credited","events":[{"totalCreditUsd":"5"}]})"));
  CHECK(derive_state_name(f.s) == StateName::payment_confirmed);
}

TEST_CASE("a reload resumes a stored payment for the same account and chain") {
  json stored = {{std::string("acw.pending.") + kAlice + ".31337", json{{"txHash", kHash}, {"amountWei", "5"}}.dump()},
                 {"acw.pending.garbage", "{"}};
  Flow f(stored);
  CHECK(derive_state_name(f.s) == StateName::payment_pending);
  CHECK(f.s.payment.tx_hash == kHash);
  const Effect* poll = nullptr;
  for (const auto& e : f.fx) {
    if (e.kind == EffectKind::wallet && e.name == "eth_getTransactionReceipt") poll = &e;
  }
  REQUIRE(poll);
  CHECK(poll->payload[0] == kHash);
}

TEST_CASE("the wallet switches account while the payment is being signed: the hash is kept") {
  Flow f;
  reduce(f.s, Event::input("amount", "100"));
  f.click("pay");
  const int send_id = last_wallet(f.fx)->id;
  reduce(f.s, Event::accounts_changed(json::array({kBob})));
  CHECK(derive_state_name(f.s) != StateName::payment_pending);  // Bob sees his own state
  auto fx = reduce(f.s, Event::wallet_ok(send_id, kHash));
  const Effect* store = find_kind(fx, EffectKind::store);
  REQUIRE(store);
  CHECK(store->name == std::string("acw.pending.") + kAlice + ".31337");
  CHECK(f.s.stored_pending.count(std::string("acw.pending.") + kAlice + ".31337") == 1);
}

TEST_CASE("the backend unreachable on load: backend_unavailable, Retry, pay disabled") {
  State s = configured_state();
  s.config.backend_url = "http://backend";
  auto fx = reduce(s, Event::start(true));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({kAlice})));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0x7a69"));
  reduce(s, Event::http_answer(find_http(fx, "/config/values")->id, 500, R"({"error":"boom"})"));
  CHECK(derive_state_name(s) == StateName::backend_unavailable);
  reduce(s, Event::wallet_error(find_http(fx, "/profile")->id, -1, "timeout"));
  ViewModel vm = build_view_model(s);
  for (const auto& item : vm.items) {
    if (item.id == "pay") CHECK_FALSE(item.enabled);
  }
  fx = reduce(s, Event::click("retry_backend"));
  const Effect* again = find_http(fx, "/config/values");
  REQUIRE(again);
  reduce(s, Event::http_answer(again->id, 200, config_body()));
  reduce(s, Event::http_answer(find_http(fx, "/profile")->id, 200, R"({"remainingUsd":"10000","usedUsd":"0"})"));
  CHECK(derive_state_name(s) == StateName::has_credits);
}

TEST_CASE("a backend on another chain or token: payments are off, with the reason") {
  State s = configured_state();
  s.config.backend_url = "http://backend";
  auto fx = reduce(s, Event::start(true));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({kAlice})));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0x7a69"));
  json other = json::parse(config_body());
  other["chainId"] = 42220;
  reduce(s, Event::http_answer(find_http(fx, "/config/values")->id, 200, other.dump()));
  CHECK_FALSE(s.backend.mismatch.empty());
  s.wallet.balance_wei = uint128{1000} * kWeiPerG;
  reduce(s, Event::input("amount", "100"));
  CHECK(reduce(s, Event::click("pay")).empty());
}

TEST_CASE("malformed backend bodies make the backend unavailable, not a crash") {
  for (const char* body : {"", "{", "[]", R"({"remainingUsd":5,"usedUsd":"0"})", R"({"remainingUsd":"-1","usedUsd":"0"})",
                           R"({"remainingUsd":"1e3","usedUsd":"0"})"}) {
    CAPTURE(body);
    State s = configured_state();
    s.config.backend_url = "http://backend";
    auto fx = reduce(s, Event::start(true));
    fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({kAlice})));
    fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0x7a69"));
    reduce(s, Event::http_answer(find_http(fx, "/profile")->id, 200, body));
    CHECK(derive_state_name(s) == StateName::backend_unavailable);
  }
}

TEST_CASE("payment_confirmed never shows the G$ balance from before the payment") {
  Flow f;
  CHECK(f.s.wallet.balance_wei == uint128{1000} * kWeiPerG);
  reduce(f.s, Event::input("amount", "100"));
  f.click("pay");
  auto fx = reduce(f.s, Event::wallet_ok(last_wallet(f.fx)->id, kHash));
  fx = reduce(f.s, Event::wallet_ok(last_wallet(fx)->id, json{{"status", "0x1"}, {"transactionHash", kHash}}));
  // A balance read sent before the credit arrived answers with what it saw then.
  f.click("refresh_stream");
  const Effect* early = last_wallet(f.fx);
  REQUIRE(early);
  CHECK(early->name == "eth_call");
  fx = reduce(f.s, Event::http_answer(find_http(fx, "/v1/celo/events/record")->id, 200,
                                      R"({"status":"credited","events":[{"totalCreditUsd":"1100000","txHash":"x"}]})"));
  REQUIRE(derive_state_name(f.s) == StateName::payment_confirmed);
  auto balance_label = [&] {
    for (const auto& item : build_view_model(f.s).items) {
      if (item.id == "balance") return item.label;
    }
    return std::string("(none)");
  };
  CHECK(balance_label() == "Updating…");  // the first frame of payment_confirmed
  // The early read answers with the old figure: still not shown, and the balance is read again.
  fx = reduce(f.s, Event::wallet_ok(early->id, word(0)));
  CHECK(balance_label() == "Updating…");
  const Effect* again = last_wallet(fx);
  REQUIRE(again);
  CHECK(again->name == "eth_call");
  reduce(f.s, Event::wallet_ok(again->id, "0x000000000000000000000000000000000000000000000030ca024f987b900000"));
  CHECK(balance_label() == "900 G$");
}

TEST_CASE("a quote that cannot be paid does not look like a success") {
  Flow f;
  auto quote_look = [&] {
    for (const auto& item : build_view_model(f.s).items) {
      if (item.id == "quote") return item.look;
    }
    return Look::body;
  };
  reduce(f.s, Event::input("amount", "100"));
  CHECK(quote_look() == Look::success);
  reduce(f.s, Event::input("amount", "2000"));  // more than the 1,000 G$ balance
  CHECK(derive_state_name(f.s) == StateName::insufficient_g_balance);
  CHECK(quote_look() == Look::warning);
  reduce(f.s, Event::input("amount", "50"));  // below the US$1 minimum
  CHECK(quote_look() == Look::warning);
}

TEST_CASE("a backend waiting for confirmations: the chain step says how far, then credited") {
  Flow f;
  reduce(f.s, Event::input("amount", "100"));
  f.click("pay");
  auto fx = reduce(f.s, Event::wallet_ok(last_wallet(f.fx)->id, kHash));
  fx = reduce(f.s, Event::wallet_ok(last_wallet(fx)->id, json{{"status", "0x1"}}));
  const Effect* record = find_http(fx, "/v1/celo/events/record");
  REQUIRE(record);
  fx = reduce(f.s, Event::http_answer(record->id, 202,
                                      R"({"status":"pending","txHash":"x","confirmations":1,"requiredConfirmations":3})"));
  CHECK(derive_state_name(f.s) == StateName::payment_pending);
  CHECK_FALSE(f.s.payment.backend_retrying);  // not a failure: no "retrying" warning
  const ViewModel waiting = build_view_model(f.s);
  const ViewItem* step = find_item(waiting, "step.chain");
  REQUIRE(step);
  CHECK(step->label == "• Confirming on chain (1 of 3 blocks)");
  CHECK_FALSE(find_item(build_view_model(f.s), "pay_retrying"));
  // A pending answer without depth (the receipt is gone for now): the plain step, retried.
  fx = reduce(f.s, Event::wallet_ok(find_kind(fx, EffectKind::timer)->id, nullptr));
  record = find_http(fx, "/v1/celo/events/record");
  REQUIRE(record);
  fx = reduce(f.s, Event::http_answer(record->id, 202, R"({"status":"pending","txHash":"x"})"));
  CHECK(find_item(build_view_model(f.s), "step.chain")->label == "✓ Confirming on chain");
  fx = reduce(f.s, Event::wallet_ok(find_kind(fx, EffectKind::timer)->id, nullptr));
  record = find_http(fx, "/v1/celo/events/record");
  reduce(f.s, Event::http_answer(record->id, 200, R"({"status":"credited","events":[{"totalCreditUsd":"5"}]})"));
  CHECK(derive_state_name(f.s) == StateName::payment_confirmed);
}
