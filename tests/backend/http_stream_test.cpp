// Streams over real HTTP against the fake node: record a flow transaction, credit rate x N on
// POST /v1/accounts/:account/stream-credits, an update closes the old rate's interval, a
// delete ends the stream, a liquidation ends it with endReason "liquidated", concurrent
// stream-credits requests credit once, the profile's stream fields.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include <httplib.h>

#include "http_harness.h"
#include "test_support.h"

using namespace acw::backend;
using acw::json;
using acw::uint128;
using test::Harness;

namespace {

const std::string kAccount = test::kAnvilAddress0;  // credited (userData)
const std::string kSender = test::kAnvilAddress1;   // the flow's sender
const std::string kLiquidator = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
constexpr uint128 kRate = 385'802'469'135'802;  // floor(1,000 G$ / 2,592,000 s)
constexpr uint128 kPrice = 10'000;
constexpr int64_t kT0 = 1'800'000'000;  // block time of the createFlow

std::string dec(uint128 v) { return acw::to_decimal(v); }
std::string iso(int64_t seconds) { return iso8601_ms(seconds * 1000); }

// principal = floor(wei * price / 1e18), bonus = floor(principal * 2000 / 10,000)
uint128 principal_of(uint128 wei) { return wei * kPrice / acw::kWeiPerG; }
uint128 bonus_of(uint128 wei) { return principal_of(wei) * 2000 / 10'000; }

// A flow transaction: the vault's StreamUpdated in `block`, mined at `time`.
void flow_tx(test::ChainState& chain, int tx, uint64_t block, int64_t time, uint128 rate,
             std::vector<json> extra_logs = {}) {
  std::vector<json> logs = std::move(extra_logs);
  logs.push_back(test::stream_updated_log(test::kVault, test::tx_hash(tx),
                                          static_cast<int>(logs.size()) + 3,
                                          static_cast<int64_t>(block), kAccount, kSender, rate,
                                          kPrice));
  chain.add_receipt(test::receipt(test::tx_hash(tx), 1, logs));
  chain.mine(block, time);
}

std::string credits_path(const std::string& account = kAccount) {
  return "/v1/accounts/" + account + "/stream-credits";
}

}  // namespace

TEST_CASE("http streams: create -> rate x N -> update closes the old rate -> delete ends") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"));

  // No stream yet: the profile's stream object, complete.
  auto [ps0, none] = h.get("/v1/accounts/" + kAccount + "/profile");
  REQUIRE(ps0 == 200);
  CHECK(none.at("stream") == json{{"status", "none"},
                                  {"flowRateWeiPerSecond", "0"},
                                  {"startedAt", nullptr},
                                  {"endedAt", nullptr},
                                  {"endReason", nullptr},
                                  {"sender", nullptr}});

  // createFlow, recorded by the widget.
  flow_tx(chain, 1, 11, kT0, kRate);
  auto [rs, created] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(1)}});
  REQUIRE(rs == 200);
  CHECK(created.at("status") == "credited");
  CHECK(created.at("account") == kAccount);
  CHECK(created.at("newlyCredited") == 0);
  CHECK(created.at("events").empty());
  REQUIRE(created.at("streamEvents").size() == 1);
  const json ev = created.at("streamEvents").at(0);
  CHECK(ev.at("id") == test::tx_hash(1) + ":3");
  CHECK(ev.at("kind") == "created");
  CHECK(ev.at("sender") == kSender);
  CHECK(ev.at("account") == kAccount);
  CHECK(ev.at("flowRateWeiPerSecond") == dec(kRate));
  CHECK(ev.at("blockTime") == iso(kT0));
  CHECK(ev.at("liquidator").is_null());
  const json profile = created.at("profile");
  CHECK(profile.at("stream") == json{{"status", "active"},
                                     {"flowRateWeiPerSecond", dec(kRate)},
                                     {"startedAt", iso(kT0)},
                                     {"endedAt", nullptr},
                                     {"endReason", nullptr},
                                     {"sender", kSender}});
  CHECK(profile.at("streamFlowRateWeiPerSecond") == dec(kRate));
  CHECK(profile.at("totalGDStreamedWei") == "0");
  CHECK(profile.at("lastStreamCreditAt") == iso(kT0));

  // N = 1000 block seconds later: exactly rate x N, principal + bonus.
  chain.mine(12, kT0 + 1000);
  h.now += 5000;
  auto [cs, credited] = h.post(credits_path(), json::object());
  REQUIRE(cs == 200);
  CHECK(credited.at("status") == "credited");
  CHECK(credited.at("newlyCredited") == 1);
  CHECK(credited.at("blockNumber") == 12);
  CHECK(credited.at("blockTime") == iso(kT0 + 1000));
  REQUIRE(credited.at("events").size() == 1);
  const json entry = credited.at("events").at(0);
  const uint128 wei1 = kRate * 1000;
  CHECK(entry.at("source") == "streamCron");
  CHECK(entry.at("gdAmountWei") == dec(wei1));
  CHECK(entry.at("principalUsd") == dec(principal_of(wei1)));  // 3858
  CHECK(entry.at("bonusUsd") == dec(bonus_of(wei1)));          // 771
  CHECK(entry.at("totalCreditUsd") == dec(principal_of(wei1) + bonus_of(wei1)));
  CHECK(entry.at("payer") == kSender);
  CHECK(entry.at("txHash").is_null());
  CHECK(entry.at("logIndex").is_null());
  CHECK(entry.at("blockNumber") == 12);
  CHECK(entry.at("periodStart") == iso(kT0));
  CHECK(entry.at("periodEnd") == iso(kT0 + 1000));
  CHECK(entry.at("fundingStatus") == "funded");
  CHECK(credited.at("profile").at("totalGDStreamedWei") == dec(wei1));
  CHECK(credited.at("profile").at("lastStreamCreditAt") == iso(kT0 + 1000));
  CHECK(credited.at("profile").at("remainingUsd") == dec(principal_of(wei1) + bonus_of(wei1)));

  // Again at the same block time: nothing new (no body at all works too).
  auto again = h.client().Post(credits_path().c_str(), "", "text/plain");
  REQUIRE(again);
  REQUIRE(again->status == 200);
  const json again_body = *acw::parse_json(again->body).value;
  CHECK(again_body.at("status") == "unchanged");
  CHECK(again_body.at("newlyCredited") == 0);
  CHECK(again_body.at("profile").at("totalGDStreamedWei") == dec(wei1));

  // updateFlow to 3x at kT0 + 1400, recorded: its event closes [kT0 + 1000, kT0 + 1400) at
  // the old rate (a streamUpdate entry with the event's id).
  flow_tx(chain, 2, 13, kT0 + 1400, kRate * 3);
  auto [us, updated] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(2)}});
  REQUIRE(us == 200);
  CHECK(updated.at("newlyCredited") == 1);
  CHECK(updated.at("streamEvents").at(0).at("kind") == "updated");
  REQUIRE(updated.at("events").size() == 1);
  const json closing = updated.at("events").at(0);
  CHECK(closing.at("id") == test::tx_hash(2) + ":3");
  CHECK(closing.at("source") == "streamUpdate");
  CHECK(closing.at("gdAmountWei") == dec(kRate * 400));
  CHECK(closing.at("txHash") == test::tx_hash(2));
  CHECK(closing.at("logIndex") == 3);
  CHECK(closing.at("periodStart") == iso(kT0 + 1000));
  CHECK(closing.at("periodEnd") == iso(kT0 + 1400));
  CHECK(updated.at("profile").at("streamFlowRateWeiPerSecond") == dec(kRate * 3));
  // Recording it again: the same entry, nothing new.
  auto [us2, updated2] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(2)}});
  CHECK(us2 == 200);
  CHECK(updated2.at("newlyCredited") == 0);
  CHECK(updated2.at("events") == updated.at("events"));

  // 200 s at the new rate.
  chain.mine(14, kT0 + 1600);
  auto [cs2, credited2] = h.post(credits_path(), json::object());
  REQUIRE(cs2 == 200);
  CHECK(credited2.at("events").at(0).at("gdAmountWei") == dec(kRate * 3 * 200));

  // deleteFlow at kT0 + 1900: closes the last interval, the stream ends (user).
  flow_tx(chain, 3, 15, kT0 + 1900, 0);
  auto [ds, deleted] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(3)}});
  REQUIRE(ds == 200);
  CHECK(deleted.at("streamEvents").at(0).at("kind") == "deleted");
  CHECK(deleted.at("events").at(0).at("gdAmountWei") == dec(kRate * 3 * 300));
  const json end_profile = deleted.at("profile");
  CHECK(end_profile.at("stream") == json{{"status", "ended"},
                                         {"flowRateWeiPerSecond", dec(kRate * 3)},
                                         {"startedAt", iso(kT0)},
                                         {"endedAt", iso(kT0 + 1900)},
                                         {"endReason", "user"},
                                         {"sender", kSender}});
  CHECK(end_profile.at("streamFlowRateWeiPerSecond") == "0");
  CHECK(end_profile.at("lastStreamCreditAt") == iso(kT0 + 1900));

  // Time goes on: an ended stream earns nothing.
  chain.mine(16, kT0 + 5000);
  auto [cs3, credited3] = h.post(credits_path(), json::object());
  CHECK(cs3 == 200);
  CHECK(credited3.at("newlyCredited") == 0);

  const uint128 total_wei = kRate * 1400 + kRate * 3 * 500;
  auto [ps, final_profile] = h.get("/v1/accounts/" + kAccount + "/profile");
  CHECK(final_profile.at("totalGDStreamedWei") == dec(total_wei));
  CHECK(final_profile.at("totalGdDepositedWei") == "0");
  CHECK(final_profile.at("totalPrincipalUsd") == dec(principal_of(total_wei)));
  CHECK(final_profile.at("totalBonusUsd") == dec(bonus_of(total_wei)));

  // The history: two streamUpdate and two streamCron entries, newest first.
  auto [hs, history] = h.get("/v1/accounts/" + kAccount + "/credit-history");
  REQUIRE(hs == 200);
  CHECK(history.at("total") == 4);
  CHECK(h.get("/v1/accounts/" + kAccount + "/credit-history?source=streamUpdate")
            .second.at("total") == 2);
  CHECK(h.get("/v1/accounts/" + kAccount + "/credit-history?source=streamCron")
            .second.at("total") == 2);
  CHECK(h.get("/v1/accounts/" + kSender + "/credit-history").second.at("total") == 0);
}

TEST_CASE("http streams: a stream-credits request applies an unrecorded update first") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"));
  flow_tx(chain, 1, 11, kT0, kRate);
  REQUIRE(h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(1)}}).first == 200);
  // An update at kT0 + 300 the widget never recorded, then the head at kT0 + 1000.
  flow_tx(chain, 2, 12, kT0 + 300, kRate * 2);
  chain.mine(13, kT0 + 1000);
  auto [cs, credited] = h.post(credits_path(), json::object());
  REQUIRE(cs == 200);
  // [kT0, kT0 + 300) at the old rate (streamUpdate, by the event), [kT0 + 300, kT0 + 1000) at
  // the new one (streamCron).
  auto [hs, history] = h.get("/v1/accounts/" + kAccount + "/credit-history");
  REQUIRE(history.at("total") == 2);
  CHECK(history.at("items").at(1).at("source") == "streamUpdate");
  CHECK(history.at("items").at(1).at("gdAmountWei") == dec(kRate * 300));
  CHECK(history.at("items").at(0).at("source") == "streamCron");
  CHECK(history.at("items").at(0).at("gdAmountWei") == dec(kRate * 2 * 700));
  CHECK(credited.at("profile").at("totalGDStreamedWei") == dec(kRate * 300 + kRate * 2 * 700));

  // A delete recorded before anything else saw it works the same way.
  flow_tx(chain, 3, 14, kT0 + 1100, 0);
  auto [ds, deleted] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(3)}});
  REQUIRE(ds == 200);
  CHECK(deleted.at("events").at(0).at("gdAmountWei") == dec(kRate * 2 * 100));
  CHECK(deleted.at("profile").at("stream").at("status") == "ended");
}

TEST_CASE("http streams: concurrent stream-credits requests credit once") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"));
  flow_tx(chain, 1, 11, kT0, kRate);
  REQUIRE(h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(1)}}).first == 200);
  chain.mine(12, kT0 + 777);

  constexpr int kThreads = 8;
  std::atomic<int> ok{0}, newly{0};
  std::vector<std::thread> threads;
  const int port = h.port();
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(std::chrono::seconds(10));
      for (int round = 0; round < 3; ++round) {
        auto res = client.Post(credits_path().c_str(), "{}", "application/json");
        if (!res || res->status != 200) continue;
        ++ok;
        newly += acw::parse_json(res->body).value->at("newlyCredited").get<int>();
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(ok == kThreads * 3);
  CHECK(newly == 1);
  auto [hs, history] = h.get("/v1/accounts/" + kAccount + "/credit-history");
  CHECK(history.at("total") == 1);
  CHECK(history.at("items").at(0).at("gdAmountWei") == dec(kRate * 777));
}

TEST_CASE("http streams: a liquidation ends the stream at its block time, endReason liquidated") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"), test::scanner_config(3600));
  flow_tx(chain, 1, 11, kT0, kRate);
  REQUIRE(h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(1)}}).first == 200);

  // The backend's own loop (cron: at least 3600 block seconds) credits 5000 s by itself.
  chain.mine(12, kT0 + 5000);
  Scanner::Report report = h.scanner().scan_once();
  REQUIRE(report.ok);
  CHECK(report.stream_credits == 1);
  CHECK(h.get("/v1/accounts/" + kAccount + "/profile").second.at("totalGDStreamedWei") ==
        dec(kRate * 5000));
  chain.mine(13, kT0 + 6000);
  CHECK(h.scanner().scan_once().stream_credits == 0);  // 1000 s < 3600 s

  // A third party deletes the insolvent sender's flow: the token's AgreementLiquidatedV2 and
  // the vault's StreamUpdated(…, 0) in one transaction, at kT0 + 21000.
  flow_tx(chain, 2, 14, kT0 + 21000, 0,
          {test::liquidated_log(test::kToken, test::tx_hash(2), 1, 14, test::kCfa, kLiquidator,
                                kSender, test::kVault)});
  // Recorded after the head moved on: accrual still ends at the liquidation's block time.
  chain.mine(15, kT0 + 30000);
  auto [rs, recorded] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(2)}});
  REQUIRE(rs == 200);
  const json ev = recorded.at("streamEvents").at(0);
  CHECK(ev.at("kind") == "liquidated");
  CHECK(ev.at("liquidator") == kLiquidator);
  CHECK(recorded.at("events").at(0).at("gdAmountWei") == dec(kRate * 16000));
  CHECK(recorded.at("profile").at("stream") == json{{"status", "ended"},
                                                    {"flowRateWeiPerSecond", dec(kRate)},
                                                    {"startedAt", iso(kT0)},
                                                    {"endedAt", iso(kT0 + 21000)},
                                                    {"endReason", "liquidated"},
                                                    {"sender", kSender}});
  CHECK(h.post(credits_path(), json::object()).second.at("newlyCredited") == 0);
  CHECK(h.get("/v1/accounts/" + kAccount + "/profile").second.at("totalGDStreamedWei") ==
        dec(kRate * 21000));
}

TEST_CASE("http streams: bad requests, an unreachable node, a transaction with nothing") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"));
  CHECK(h.post("/v1/accounts/0x12/stream-credits", json::object()).first == 400);
  CHECK(h.post(credits_path(), {{"force", true}}).first == 400);
  CHECK(h.post_raw(credits_path(), "[]").first == 400);
  CHECK(h.get(credits_path()).first == 405);
  // No stream: 200, nothing credited.
  chain.mine(3, kT0);
  auto [ns, nothing] = h.post(credits_path(), json::object());
  CHECK(ns == 200);
  CHECK(nothing.at("newlyCredited") == 0);
  CHECK(nothing.at("profile").at("stream").at("status") == "none");
  chain.down = true;
  auto [ds, down] = h.post(credits_path(), json::object());
  CHECK(ds == 502);
  CHECK(down.at("error").is_string());
  chain.down = false;
  // A StreamUpdated of another contract is not a stream of the vault.
  chain.add_receipt(test::receipt(
      test::tx_hash(9), 1,
      {test::stream_updated_log(test::kOtherContract, test::tx_hash(9), 0, 3, kAccount, kSender,
                                kRate, kPrice)}));
  auto [us, unrelated] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(9)}});
  CHECK(us == 422);
  CHECK(unrelated.at("status") == "no_deposit");
}
