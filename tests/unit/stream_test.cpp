// Streams through the CFAv1Forwarder: setup → start → change rate → pause → resume → stop,
// the flow read from the chain on connect, and the four streaming states.
#include <doctest/doctest.h>

#include "core/abi.h"
#include "core/derive.h"
#include "core/quote.h"
#include "core/view_model_build.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

const char* kHost = "0x1111111111111111111111111111111111111111";
const char* kVault = "0x2222222222222222222222222222222222222222";
const char* kForwarder = "0xcfa132e353cb4e398080b9700609bb008eceb125";
const std::string kHash = "0x" + std::string(64, 'b');

std::string config_body() {
  return json{{"chainId", 31337}, {"priceMicroUsdPerG", "10000"}, {"depositBonusBps", 1000},
              {"streamBonusBps", 2000}, {"minFirstDepositMicroUsd", "1000000"}, {"minStreamMicroUsdPerMonth", "1000000"},
              {"tokenAddress", kToken}, {"vaultAddress", kVault}, {"hostAddress", kHost}, {"forwarderAddress", kForwarder}}
      .dump();
}

std::string flow_info(uint64_t updated, uint64_t rate, uint64_t deposit) {
  return "0x" + word(updated).substr(2) + word(rate).substr(2) + word(deposit).substr(2) + word(0).substr(2);
}

const Effect* find(const std::vector<Effect>& fx, EffectKind kind, const std::string& name_or_url_part = "") {
  for (const auto& e : fx) {
    if (e.kind != kind) continue;
    if (name_or_url_part.empty() || e.name == name_or_url_part || e.text.find(name_or_url_part) != std::string::npos) return &e;
  }
  return nullptr;
}

// The eth_call to the forwarder whose calldata starts with `selector`.
const Effect* forwarder_call(const std::vector<Effect>& fx, const std::string& selector) {
  for (const auto& e : fx) {
    if (e.kind == EffectKind::wallet && e.name == "eth_call" && e.payload[0]["to"] == kForwarder &&
        e.payload[0]["data"].get<std::string>().rfind(selector, 0) == 0) {
      return &e;
    }
  }
  return nullptr;
}

struct StreamFlow {
  State s = configured_state();
  std::vector<Effect> fx;

  explicit StreamFlow(uint64_t chain_rate = 0, json stored = json::object(), std::string profile_stream = "none") {
    s.config.backend_url = "http://backend";
    Event start = Event::start(true);
    start.stored = std::move(stored);
    start.now_ms = 1'000'000'000'000;
    fx = reduce(s, start);
    fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({kAlice})));
    fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0x7a69"));
    const std::vector<Effect> loads = fx;
    for (const auto& e : loads) {
      if (e.kind == EffectKind::wallet && e.name == "eth_call") {
        reduce(s, Event::wallet_ok(e.id, word(0)));
        s.wallet.balance_wei = uint128{10'000} * kWeiPerG;
      }
    }
    json profile = {{"remainingUsd", "0"}, {"usedUsd", "0"}, {"totalGDStreamedWei", "0"},
                    {"stream", {{"status", profile_stream}, {"endReason", profile_stream == "ended" ? "liquidated" : ""}}}};
    reduce(s, Event::http_answer(find(loads, EffectKind::http, "/profile")->id, 200, profile.dump()));
    auto cfg = reduce(s, Event::http_answer(find(loads, EffectKind::http, "/config/values")->id, 200, config_body()));
    const Effect* read = forwarder_call(cfg, "0x2860fd93");
    REQUIRE(read);
    CHECK(read->payload[0]["data"] == encode_get_flow_info(kToken, kAlice, kVault));
    reduce(s, Event::wallet_ok(read->id, flow_info(999, chain_rate, chain_rate * 14'400)));
  }
  std::vector<Effect> click(const char* id) { return fx = reduce(s, Event::click(id)); }
  // Sends the transaction of the last wallet effect through receipt and record.
  std::vector<Effect> confirm_tx() {
    const Effect send = *last_wallet(fx);
    REQUIRE(send.name == "eth_sendTransaction");
    auto next = reduce(s, Event::wallet_ok(send.id, kHash));
    next = reduce(s, Event::wallet_ok(last_wallet(next)->id, json{{"status", "0x1"}}));
    const Effect* record = find(next, EffectKind::http, "/v1/celo/events/record");
    REQUIRE(record);
    return fx = reduce(s, Event::http_answer(record->id, 200, R"({"status":"credited","events":[]})"));
  }
};

}  // namespace

TEST_CASE("no flow on chain: the Stream tab opens the setup") {
  StreamFlow f;
  f.click("mode.stream");
  CHECK(derive_state_name(f.s) == StateName::streaming_setup);
}

TEST_CASE("a flow found on chain at connect is streaming_active, whatever this tab thought") {
  StreamFlow f(385'802'469'135'802);  // 1,000 G$ a month
  f.click("mode.stream");
  CHECK(derive_state_name(f.s) == StateName::streaming_active);
  CHECK(f.s.stream.flow_rate_wei_per_second == 385'802'469'135'802);
}

TEST_CASE("a stream the backend saw end, with no flow: streaming_stopped with the reason") {
  StreamFlow f(0, json::object(), "ended");
  f.click("mode.stream");
  CHECK(derive_state_name(f.s) == StateName::streaming_stopped);
  ViewModel vm = build_view_model(f.s);
  bool says_why = false;
  for (const auto& item : vm.items) says_why |= item.id == "stream_status" && item.label.find("ran out") != std::string::npos;
  CHECK(says_why);
}

TEST_CASE("setup: monthly amount → rate, buffer read from the forwarder, then start = createFlow") {
  StreamFlow f;
  f.click("mode.stream");
  auto fx = reduce(f.s, Event::input("monthly_amount", "2592"));  // 2,592 G$ a month = 1e15 wei/s
  const Effect* buffer = forwarder_call(fx, "0x09f0b495");
  REQUIRE(buffer);
  CHECK(buffer->payload[0]["data"] == encode_get_buffer_amount(kToken, 1'000'000'000'000'000));
  CHECK_FALSE(stream_check(f.s).ready);  // not before the buffer is known
  CHECK(f.click("start_stream").empty());
  reduce(f.s, Event::wallet_ok(buffer->id, word(14'400'000'000'000'000'000ULL)));
  const StreamCheck check = stream_check(f.s);
  CHECK(check.rate == 1'000'000'000'000'000);
  CHECK(check.monthly_principal == 25'920'000);  // US$25.92
  CHECK(check.monthly_bonus == 5'184'000);       // 20 %
  CHECK(check.ready);

  f.click("start_stream");
  const Effect* send = last_wallet(f.fx);
  REQUIRE(send);
  CHECK(send->name == "eth_sendTransaction");
  CHECK(send->payload[0]["to"] == kForwarder);
  CHECK(send->payload[0]["data"] == encode_create_flow(kToken, kAlice, kVault, 1'000'000'000'000'000, kAlice));
  CHECK(derive_state_name(f.s) == StateName::payment_pending);

  auto done = f.confirm_tx();
  CHECK(derive_state_name(f.s) == StateName::streaming_active);
  const Effect* change = find(done, EffectKind::emit, "stream-change");
  REQUIRE(change);
  CHECK(change->payload["state"] == "active");
  CHECK(change->payload["flowRateWeiPerSecond"] == "1000000000000000");
}

TEST_CASE("below the monthly minimum, or a buffer above the balance, cannot start") {
  StreamFlow f;
  f.click("mode.stream");
  auto fx = reduce(f.s, Event::input("monthly_amount", "50"));  // US$0.50 a month
  reduce(f.s, Event::wallet_ok(forwarder_call(fx, "0x09f0b495")->id, word(1)));
  CHECK(stream_check(f.s).below_minimum);
  CHECK_FALSE(stream_check(f.s).ready);
  fx = reduce(f.s, Event::input("monthly_amount", "5000"));
  f.s.wallet.balance_wei = uint128{10} * kWeiPerG;
  reduce(f.s, Event::wallet_ok(forwarder_call(fx, "0x09f0b495")->id, word(15'000'000'000'000'000'000ULL)));
  CHECK(stream_check(f.s).exceeds_balance);
  CHECK_FALSE(stream_check(f.s).ready);
}

TEST_CASE("pause remembers the rate (deleteFlow), resume creates it again, stop forgets it") {
  StreamFlow f(1'000);
  f.click("mode.stream");
  f.click("pause_stream");
  CHECK(last_wallet(f.fx)->payload[0]["data"] == encode_delete_flow(kToken, kAlice, kVault, kAlice));
  auto fx = f.confirm_tx();
  CHECK(derive_state_name(f.s) == StateName::streaming_paused);
  const Effect* stored = find(fx, EffectKind::store, std::string("acw.paused.") + kAlice + ".31337");
  REQUIRE(stored);
  CHECK(stored->name == std::string("acw.paused.") + kAlice + ".31337");
  CHECK(stored->payload == "1000");

  f.click("resume_stream");
  CHECK(last_wallet(f.fx)->payload[0]["data"] == encode_create_flow(kToken, kAlice, kVault, 1'000, kAlice));
  f.confirm_tx();
  CHECK(derive_state_name(f.s) == StateName::streaming_active);

  f.click("stop_stream");
  f.confirm_tx();
  CHECK(derive_state_name(f.s) == StateName::streaming_stopped);
  CHECK(f.s.stream.end_reason == "user");
  f.click("start_again");
  CHECK(derive_state_name(f.s) == StateName::streaming_setup);
}

TEST_CASE("a paused stream is found again after a reload (rate from storage, no flow on chain)") {
  StreamFlow f(0, json{{std::string("acw.paused.") + kAlice + ".31337", "777"}});
  f.click("mode.stream");
  CHECK(derive_state_name(f.s) == StateName::streaming_paused);
  CHECK(f.s.stream.flow_rate_wei_per_second == 777);
}

TEST_CASE("change rate = updateFlow with the new rate") {
  StreamFlow f(1'000);
  f.click("mode.stream");
  auto fx = f.click("change_rate");
  CHECK(derive_state_name(f.s) == StateName::streaming_setup);
  CHECK(f.s.purchase.monthly_amount_text == "0.000000002592");  // 1,000 wei/s × 30 days
  reduce(f.s, Event::wallet_ok(forwarder_call(fx, "0x09f0b495")->id, word(1)));
  fx = reduce(f.s, Event::input("monthly_amount", "5184"));
  reduce(f.s, Event::wallet_ok(forwarder_call(fx, "0x09f0b495")->id, word(1)));
  f.click("start_stream");
  CHECK(last_wallet(f.fx)->payload[0]["data"] ==
        encode_update_flow(kToken, kAlice, kVault, 2'000'000'000'000'000, kAlice));
  f.confirm_tx();
  CHECK(f.s.stream.flow_rate_wei_per_second == 2'000'000'000'000'000);
}

TEST_CASE("rejecting a stream change in the wallet: failed, nothing stored, the stream unchanged") {
  StreamFlow f(1'000);
  f.click("mode.stream");
  f.click("pause_stream");
  auto fx = reduce(f.s, Event::wallet_error(last_wallet(f.fx)->id, 4001, "no"));
  CHECK(derive_state_name(f.s) == StateName::payment_failed);
  CHECK_FALSE(find(fx, EffectKind::store));
  CHECK_FALSE(find(fx, EffectKind::emit, "pay-error"));
  reduce(f.s, Event::click("try_again"));
  CHECK(derive_state_name(f.s) == StateName::streaming_active);
}

TEST_CASE("the active view ticks with the clock and warns when the balance is about to run out") {
  StreamFlow f(1'000'000'000'000'000);  // 1e15 wei/s; balance 10,000 G$ lasts ~115 days
  f.click("mode.stream");
  auto label_of = [&](const std::string& id) {
    for (const auto& item : build_view_model(f.s).items) {
      if (item.id == id) return item.label;
    }
    return std::string();
  };
  const std::string before = label_of("stream_accrued");
  reduce(f.s, Event::tick(1'000'000'100'000));  // 100 s later
  CHECK(label_of("stream_accrued") != before);
  CHECK(label_of("stream_runway").find("lasts") != std::string::npos);
  f.s.wallet.balance_wei = uint128{3'000} * 1'000'000'000'000'000ULL;  // 3,000 s left
  f.s.stream.balance_read_at = f.s.now_s;
  CHECK(label_of("stream_runway").find("runs out in") != std::string::npos);
  CHECK(build_view_model(f.s).wants_ticker);
}

TEST_CASE("a flow gone from chain (liquidated elsewhere) ends as stopped") {
  StreamFlow f(1'000);
  f.click("mode.stream");
  f.s.in_flight.clear();
  // The next read finds no flow.
  State& s = f.s;
  s.in_flight[900] = InFlight{Purpose::read_flow, s.epoch};
  auto fx = reduce(s, Event::wallet_ok(900, flow_info(0, 0, 0)));
  CHECK(derive_state_name(s) == StateName::streaming_stopped);
  CHECK(find(fx, EffectKind::http, "/profile"));  // the backend says why
}

TEST_CASE("a monthly amount shows as typed, though the rate was floored") {
  StreamFlow f(192'901'234'567'901);  // floor(500 G$ / 2,592,000 s)
  f.click("mode.stream");
  bool shown = false;
  for (const auto& item : build_view_model(f.s).items) {
    if (item.id == "stream_status") shown = item.label == "Streaming 500 G$ a month";
  }
  CHECK(shown);
}
