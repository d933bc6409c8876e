// Streams below HTTP: decoding the vault's StreamUpdated and the token's AgreementLiquidatedV2,
// the exact interval math, applying events once and in order, interval credits that never pay
// the same seconds twice, the scanner (chunks, block times, liquidation, cron), the v1 -> v2
// database migration.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <atomic>
#include <thread>
#include <vector>

#include "chain/scanner.h"
#include "chain/stream_abi.h"
#include "ledger.h"
#include "store/store.h"
#include "streaming.h"
#include "test_support.h"

using namespace acw::backend;
using acw::uint128;

namespace {

const std::string kAlice = test::kAnvilAddress0;  // the credited account
const std::string kBob = test::kAnvilAddress1;    // the flow sender
const std::string kCarol = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";  // a liquidator
constexpr uint128 kRate = 385'802'469'135'802;  // floor(1,000 G$ / 2,592,000 s)
constexpr uint128 kPrice = 10'000;              // micro-USD per G$
constexpr uint32_t kBps = 2000;

// Expected credit of `wei` at kPrice and kBps, computed independently of the ledger.
struct Expected {
  uint128 principal, bonus, total;
};
Expected expected(uint128 wei, uint128 price = kPrice, uint32_t bps = kBps) {
  const uint128 principal = wei * price / acw::kWeiPerG;  // small test values: no overflow
  const uint128 bonus = principal * bps / 10'000;
  return {principal, bonus, principal + bonus};
}

StreamEventRecord event(int tx, int log_index, int64_t block, int64_t time, uint128 rate,
                        const std::string& account = kAlice, const std::string& sender = kBob,
                        uint128 price = kPrice) {
  StreamLog log;
  log.at = LogPosition{test::tx_hash(tx), static_cast<uint64_t>(log_index),
                       static_cast<uint64_t>(block)};
  log.account = account;
  log.sender = sender;
  log.flow_rate_wei_per_second = rate;
  log.price_micro_usd_per_g = price;
  return stream_event_record(log, time, std::nullopt);
}

struct OpenStore {
  test::TempDir dir;
  Store store;
  OpenStore() {
    std::string error;
    REQUIRE(store.open(dir.file("db.sqlite"), error));
  }
};

uint128 streamed_total(Store& store, const std::string& account) {
  return store.totals(account)->streamed_wei;
}

}  // namespace

TEST_CASE("StreamUpdated and AgreementLiquidatedV2 logs decode; topics and flow id match the chain") {
  // Values from the real chain (anvil + Superfluid 1.15.2): see chain/lib/pay.mjs and the
  // CFA's flow id keccak256(abi.encode(sender, receiver)).
  CHECK(stream_updated_topic() ==
        "0xff54253f8f88b3014381cf9deaeb63c9d8ce89673190edc9ade405f07a48feec");
  CHECK(agreement_liquidated_v2_topic() ==
        "0xb8381a3ce157650e06186e3e8f4dd4dc29236f2688b6eed1893d0a60d7c6386f");
  CHECK(cfa_flow_id("0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
                    "0xa82ff9afd8f496c3d6ac40e2a0f282e47488cfc9") ==
        "0x0b734ba6fc599c96fc0e55634453874955d2a7d51efc6b49ea7056ef5bba9458");

  const acw::json log = test::stream_updated_log(test::kVault, test::tx_hash(1), 5, 40, kAlice,
                                                 kBob, kRate, kPrice);
  DecodedStreamLog d = decode_stream_log(log, test::kVault, test::kToken);
  REQUIRE(d.kind == StreamLogKind::stream);
  CHECK(d.stream.account == kAlice);
  CHECK(d.stream.sender == kBob);
  CHECK(d.stream.flow_rate_wei_per_second == kRate);
  CHECK(d.stream.price_micro_usd_per_g == kPrice);
  CHECK(d.stream.at.id() == test::tx_hash(1) + ":5");
  CHECK(d.stream.at.block_number == 40);

  // From another contract, or a Deposited log: not a stream event.
  CHECK(decode_stream_log(test::stream_updated_log(test::kOtherContract, test::tx_hash(1), 5, 40,
                                                   kAlice, kBob, kRate, kPrice),
                          test::kVault, test::kToken)
            .kind == StreamLogKind::other);
  CHECK(decode_stream_log(test::deposited_log(test::kVault, test::tx_hash(1), 0, 1, kAlice, kAlice,
                                              1, kPrice),
                          test::kVault, test::kToken)
            .kind == StreamLogKind::other);
  acw::json removed = log;
  removed["removed"] = true;
  CHECK(decode_stream_log(removed, test::kVault, test::kToken).kind == StreamLogKind::other);
  // A negative int96 (sign-extended) or a short data field is malformed.
  acw::json negative = log;
  negative["data"] = "0x" + std::string(64, 'f') + acw::abi_word_uint(kPrice);
  CHECK(decode_stream_log(negative, test::kVault, test::kToken).kind == StreamLogKind::malformed);
  acw::json shorter = log;
  shorter["data"] = "0x" + acw::abi_word_uint(kRate);
  CHECK(decode_stream_log(shorter, test::kVault, test::kToken).kind == StreamLogKind::malformed);
  acw::json no_index = log;
  no_index.erase("logIndex");
  CHECK(decode_stream_log(no_index, test::kVault, test::kToken).kind == StreamLogKind::malformed);

  const acw::json liq = test::liquidated_log(test::kToken, test::tx_hash(2), 1, 41, test::kCfa,
                                             kCarol, kBob, test::kVault);
  DecodedStreamLog l = decode_stream_log(liq, test::kVault, test::kToken);
  REQUIRE(l.kind == StreamLogKind::liquidation);
  CHECK(l.liquidation.agreement_class == test::kCfa);
  CHECK(l.liquidation.liquidator == kCarol);
  CHECK(l.liquidation.target == kBob);
  CHECK(l.liquidation.agreement_id == cfa_flow_id(kBob, test::kVault));
  // The same event from the vault is not the token's.
  CHECK(decode_stream_log(test::liquidated_log(test::kVault, test::tx_hash(2), 1, 41, test::kCfa,
                                               kCarol, kBob, test::kVault),
                          test::kVault, test::kToken)
            .kind == StreamLogKind::other);
}

TEST_CASE("a liquidation is an AgreementLiquidatedV2 of this flow in the same transaction") {
  const StreamContracts contracts{test::kVault, test::kToken, test::kCfa};
  const acw::json end = test::stream_updated_log(test::kVault, test::tx_hash(2), 8, 41, kAlice,
                                                 kBob, 0, kPrice);
  auto liquidator = [&](const acw::json& liq, const acw::json& stream_log) {
    ExtractedStreamLogs e = extract_stream_logs(acw::json::array({liq, stream_log}), contracts);
    REQUIRE(e.streams.size() == 1);
    return liquidator_of(e.streams.at(0), e.liquidations, contracts);
  };
  auto liq = [&](int tx, const std::string& agreement, const std::string& target,
                 const std::string& receiver) {
    return test::liquidated_log(test::kToken, test::tx_hash(tx), 1, 41, agreement, kCarol, target,
                                receiver);
  };
  CHECK(liquidator(liq(2, test::kCfa, kBob, test::kVault), end) == std::optional(kCarol));
  // Another transaction, another agreement class, another sender, another receiver: no.
  CHECK_FALSE(liquidator(liq(3, test::kCfa, kBob, test::kVault), end));
  CHECK_FALSE(liquidator(liq(2, test::kOtherContract, kBob, test::kVault), end));
  CHECK_FALSE(liquidator(liq(2, test::kCfa, kCarol, test::kVault), end));
  CHECK_FALSE(liquidator(liq(2, test::kCfa, kBob, test::kOtherContract), end));
  // A rate above 0 is never an end.
  CHECK_FALSE(liquidator(liq(2, test::kCfa, kBob, test::kVault),
                         test::stream_updated_log(test::kVault, test::tx_hash(2), 8, 41, kAlice,
                                                  kBob, kRate, kPrice)));
}

TEST_CASE("stream increments: many small credits add up to one big credit, exactly") {
  StreamSegment segment;
  uint128 principal = 0, bonus = 0;
  for (int second = 0; second < 1000; ++second) {
    StreamSegment after;
    auto step = stream_increment(segment, kRate, kPrice, kBps, after);
    REQUIRE(step.ok());
    principal += step.value->principal_usd;
    bonus += step.value->bonus_usd;
    CHECK(step.value->total_usd == step.value->principal_usd + step.value->bonus_usd);
    segment = after;
  }
  const Expected whole = expected(kRate * 1000);
  CHECK(principal == whole.principal);  // 3858, though each second alone floors to 0
  CHECK(bonus == whole.bonus);
  CHECK(segment.wei == kRate * 1000);
  CHECK(streamed_wei(kRate, 0) == uint128{0});
  CHECK(streamed_wei(kRate, -5) == uint128{0});
  CHECK_FALSE(streamed_wei(acw::kUint128Max, 2));
}

TEST_CASE("store: create, credit rate x N, never the same seconds twice, update, delete") {
  OpenStore s;
  Store& store = s.store;
  const int64_t t0 = 1'800'000'000;

  auto created = store.apply_stream_event(event(1, 3, 11, t0, kRate), kBps, 1);
  REQUIRE(created);
  CHECK(created->applied);
  CHECK(created->event.kind == "created");
  CHECK_FALSE(created->credit);
  auto streams = *store.streams_of(kAlice);
  REQUIRE(streams.size() == 1);
  CHECK(streams[0].status == "active");
  CHECK(streams[0].sender == kBob);
  CHECK(streams[0].started_at_s == t0);
  CHECK(streams[0].credited_until_s == t0);

  // The same event again (scanner and record route both saw it): applied once.
  auto again = store.apply_stream_event(event(1, 3, 11, t0, kRate), kBps, 2);
  REQUIRE(again);
  CHECK_FALSE(again->applied);
  CHECK(again->event.kind == "created");
  CHECK(store.streams_of(kAlice)->size() == 1);

  // N = 1000 s later: exactly rate x N.
  auto credits = store.credit_streams(kAlice, t0 + 1000, 12, 1, kBps, 3);
  REQUIRE(credits);
  REQUIRE(credits->size() == 1);
  const CreditEntry& c = credits->at(0).entry;
  const Expected e1 = expected(kRate * 1000);
  CHECK(c.source == "streamCron");
  CHECK(c.gd_amount_wei == kRate * 1000);
  CHECK(c.principal_usd == e1.principal);
  CHECK(c.bonus_usd == e1.bonus);
  CHECK(c.total_credit_usd == e1.total);
  CHECK(c.period_from_s == t0);
  CHECK(c.period_to_s == t0 + 1000);
  CHECK(c.account == kAlice);
  CHECK(c.payer == kBob);
  CHECK(c.tx_hash.empty());
  CHECK(c.block_number == 12);
  // The same time again, or an earlier one: nothing.
  CHECK(store.credit_streams(kAlice, t0 + 1000, 12, 1, kBps, 4)->empty());
  CHECK(store.credit_streams(kAlice, t0 + 500, 12, 1, kBps, 4)->empty());
  // Below the minimum elapsed time (the cron's), nothing; other accounts, nothing.
  CHECK(store.credit_streams(std::nullopt, t0 + 1030, 13, 60, kBps, 4)->empty());
  CHECK(store.credit_streams(kBob, t0 + 2000, 13, 1, kBps, 4)->empty());

  // An update at t0 + 1500 closes [t0 + 1000, t0 + 1500) at the old rate.
  auto updated = store.apply_stream_event(event(2, 4, 14, t0 + 1500, kRate * 3), kBps, 5);
  REQUIRE(updated);
  CHECK(updated->event.kind == "updated");
  REQUIRE(updated->credit);
  CHECK(updated->credit->entry.id == test::tx_hash(2) + ":4");
  CHECK(updated->credit->entry.source == "streamUpdate");
  CHECK(updated->credit->entry.gd_amount_wei == kRate * 500);
  CHECK(updated->credit->entry.tx_hash == test::tx_hash(2));
  CHECK(updated->credit->entry.log_index == 4);
  CHECK(updated->credit->entry.period_from_s == t0 + 1000);
  CHECK(updated->credit->entry.period_to_s == t0 + 1500);
  CHECK(store.streams_of(kAlice)->at(0).flow_rate_wei_per_second == kRate * 3);

  // The new rate from then on; the sums stay exact across credits.
  credits = store.credit_streams(kAlice, t0 + 1700, 15, 1, kBps, 6);
  REQUIRE(credits->size() == 1);
  CHECK(credits->at(0).entry.gd_amount_wei == kRate * 3 * 200);

  // Delete at t0 + 2000: closes the last interval, the stream ends (user).
  auto deleted = store.apply_stream_event(event(3, 2, 16, t0 + 2000, 0), kBps, 7);
  REQUIRE(deleted);
  CHECK(deleted->event.kind == "deleted");
  REQUIRE(deleted->credit);
  CHECK(deleted->credit->entry.gd_amount_wei == kRate * 3 * 300);
  const StreamRecord ended = store.streams_of(kAlice)->at(0);
  CHECK(ended.status == "ended");
  CHECK(ended.end_reason == std::optional<std::string>("user"));
  CHECK(ended.ended_at_s == t0 + 2000);
  CHECK(ended.credited_until_s == t0 + 2000);
  CHECK(ended.flow_rate_wei_per_second == kRate * 3);  // the last rate is kept
  CHECK(store.credit_streams(kAlice, t0 + 9000, 17, 1, kBps, 8)->empty());

  const uint128 total_wei = kRate * 1500 + kRate * 3 * 500;
  CHECK(streamed_total(store, kAlice) == total_wei);
  CHECK(store.totals(kAlice)->deposited_wei == 0);
  // One price throughout: the principal of all pieces is the principal of the whole.
  CHECK(store.totals(kAlice)->principal_usd == expected(total_wei).principal);
  CHECK(store.totals(kAlice)->bonus_usd == expected(total_wei).bonus);

  // A new flow of the same sender is a new stream; an end with no active stream is ignored.
  auto ignored = store.apply_stream_event(event(4, 0, 18, t0 + 3000, 0), kBps, 9);
  REQUIRE(ignored);
  CHECK(ignored->event.kind == "ignored");
  CHECK(ignored->applied);
  auto restarted = store.apply_stream_event(event(5, 0, 19, t0 + 4000, kRate), kBps, 10);
  CHECK(restarted->event.kind == "created");
  auto all = *store.streams_of(kAlice);
  REQUIRE(all.size() == 2);
  CHECK(all[0].status == "active");
  CHECK(all[0].started_at_s == t0 + 4000);
  CHECK(all[1].status == "ended");
  auto events = *store.stream_events_of_tx(test::tx_hash(3));
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == "deleted");
  CHECK(events[0].block_time_s == t0 + 2000);
}

TEST_CASE("store: liquidation ends accrual at its block time; a moved flow; a price change") {
  OpenStore s;
  Store& store = s.store;
  const int64_t t0 = 1'800'000'000;
  REQUIRE(store.apply_stream_event(event(1, 0, 11, t0, kRate), kBps, 1));
  StreamEventRecord liq = event(2, 7, 20, t0 + 21000, 0);
  liq.liquidator = kCarol;
  auto liquidated = store.apply_stream_event(liq, kBps, 2);
  REQUIRE(liquidated);
  CHECK(liquidated->event.kind == "liquidated");
  CHECK(liquidated->event.liquidator == std::optional(kCarol));
  CHECK(liquidated->credit->entry.gd_amount_wei == kRate * 21000);
  const StreamRecord r = store.streams_of(kAlice)->at(0);
  CHECK(r.end_reason == std::optional<std::string>("liquidated"));
  CHECK(r.ended_at_s == t0 + 21000);
  CHECK(store.credit_streams(kAlice, t0 + 99999, 30, 1, kBps, 3)->empty());
  CHECK(streamed_total(store, kAlice) == kRate * 21000);

  // Carol streams for Alice, then updates her flow to credit Bob: Alice's stream ends at the
  // update (its interval credited to Alice), Bob's starts there.
  REQUIRE(store.apply_stream_event(event(3, 0, 31, t0 + 30000, kRate, kAlice, kCarol), kBps, 4));
  auto moved =
      store.apply_stream_event(event(4, 0, 32, t0 + 30100, kRate * 2, kBob, kCarol), kBps, 5);
  REQUIRE(moved);
  CHECK(moved->event.kind == "moved");
  CHECK(moved->credit->entry.account == kAlice);
  CHECK(moved->credit->entry.gd_amount_wei == kRate * 100);
  CHECK(store.streams_of(kAlice)->at(0).status == "ended");
  CHECK(store.streams_of(kBob)->at(0).status == "active");
  CHECK(store.streams_of(kBob)->at(0).started_at_s == t0 + 30100);

  // A new price in an update: the sums restart, each segment floored on its own.
  REQUIRE(store.apply_stream_event(event(5, 0, 33, t0 + 30200, kRate * 2, kBob, kCarol, 20'000),
                                   kBps, 6));
  auto credits = store.credit_streams(kBob, t0 + 30300, 34, 1, kBps, 7);
  REQUIRE(credits->size() == 1);
  CHECK(credits->at(0).entry.price_micro_usd_per_g == 20'000);
  CHECK(credits->at(0).entry.principal_usd == expected(kRate * 2 * 100, 20'000).principal);
}

TEST_CASE("store: concurrent interval credits pay each second once") {
  OpenStore s;
  Store& store = s.store;
  const int64_t t0 = 1'800'000'000;
  REQUIRE(store.apply_stream_event(event(1, 0, 11, t0, kRate), kBps, 1));
  std::atomic<int> credited{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      // Half credit up to t0 + 600, half up to t0 + 1000: at most two credits in total.
      auto c = store.credit_streams(kAlice, t0 + (i % 2 == 0 ? 600 : 1000), 12, 1, kBps, 2);
      if (c) credited += static_cast<int>(c->size());
    });
  }
  for (auto& t : threads) t.join();
  CHECK(credited >= 1);
  CHECK(credited <= 2);
  CHECK(streamed_total(store, kAlice) == kRate * 1000);
  CHECK(store.streams_of(kAlice)->at(0).credited_until_s == t0 + 1000);
}

TEST_CASE("scanner: stream events in chain order over chunks, block times, liquidation, cron") {
  test::TempDir dir;
  Store store;
  std::string error;
  REQUIRE(store.open(dir.file("db.sqlite"), error));
  test::ChainState chain;
  const int64_t t0 = 1'800'000'000;
  // create (block 5), update (block 9), liquidation (block 14: the token's V2 log first).
  chain.block_times = {{5, t0}, {9, t0 + 400}, {14, t0 + 1000}, {20, t0 + 5000}};
  chain.add_receipt(test::receipt(
      test::tx_hash(1), 1,
      {test::stream_updated_log(test::kVault, test::tx_hash(1), 2, 5, kAlice, kBob, kRate, kPrice)}));
  chain.add_receipt(test::receipt(
      test::tx_hash(2), 1,
      {test::stream_updated_log(test::kOtherContract, test::tx_hash(2), 0, 9, kAlice, kBob, 1,
                                kPrice),
       test::stream_updated_log(test::kVault, test::tx_hash(2), 1, 9, kAlice, kBob, kRate * 2,
                                kPrice)}));
  chain.add_receipt(test::receipt(
      test::tx_hash(3), 1,
      {test::liquidated_log(test::kToken, test::tx_hash(3), 1, 14, test::kCfa, kCarol, kBob,
                            test::kVault),
       test::stream_updated_log(test::kVault, test::tx_hash(3), 6, 14, kAlice, kBob, 0, kPrice)}));
  chain.head = 12;
  test::FakeRpc rpc(chain);
  Scanner scanner(rpc, store, test::scanner_config(300, kBps, 4), [] { return int64_t{7}; });

  // Up to block 12 (time base + 12): create and update applied; the cron credits
  // [t0 + 400, head time) because more than 300 s passed.
  Scanner::Report report = scanner.scan_once();
  REQUIRE(report.ok);
  CHECK(report.stream_events_applied == 2);
  CHECK(report.head.number == 12);
  CHECK(report.next_block == 13);
  StreamRecord r = store.streams_of(kAlice)->at(0);
  CHECK(r.flow_rate_wei_per_second == kRate * 2);
  CHECK(streamed_total(store, kAlice) == kRate * 400);  // the update closed [t0, t0 + 400)
  CHECK(report.stream_credits == 0);  // head time (base + 12) is before t0: nothing accrued

  chain.mine(13, t0 + 800);
  report = scanner.scan_once();
  CHECK(report.stream_credits == 1);  // 400 s >= 300 s
  CHECK(streamed_total(store, kAlice) == kRate * 400 + kRate * 2 * 400);
  chain.mine(20, t0 + 5000);
  report = scanner.scan_once();
  REQUIRE(report.ok);
  CHECK(report.stream_events_applied == 1);
  r = store.streams_of(kAlice)->at(0);
  CHECK(r.status == "ended");
  CHECK(r.end_reason == std::optional<std::string>("liquidated"));
  CHECK(r.ended_at_s == t0 + 1000);
  CHECK(report.stream_credits == 0);  // the ended stream accrues nothing after its end
  CHECK(streamed_total(store, kAlice) == kRate * 400 + kRate * 2 * 600);

  // A rescan from the start changes nothing.
  REQUIRE(store.set_meta(kScannerNextBlockKey, "0"));
  report = scanner.scan_once();
  CHECK(report.ok);
  CHECK(report.stream_events_applied == 0);
  CHECK(streamed_total(store, kAlice) == kRate * 400 + kRate * 2 * 600);

  // The node down while a new log waits: an error, nothing applied; the next scan applies it.
  chain.add_receipt(test::receipt(
      test::tx_hash(4), 1,
      {test::stream_updated_log(test::kVault, test::tx_hash(4), 0, 21, kAlice, kBob, kRate,
                                kPrice)}));
  chain.head = 21;
  chain.block_times[21] = t0 + 6000;
  chain.down = true;
  CHECK_FALSE(scanner.scan_once().ok);
  chain.down = false;
  report = scanner.scan_once();
  CHECK(report.ok);
  CHECK(report.stream_events_applied == 1);
  CHECK(store.streams_of(kAlice)->at(0).status == "active");
}

TEST_CASE("a version 1 database gains the stream columns and rescans its logs") {
  test::TempDir dir;
  const std::string path = dir.file("v1.sqlite");
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    const char* v1 =
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('schema_version', '1'), ('scanner.next_block', '99');"
        "CREATE TABLE credits (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
        " account TEXT NOT NULL, payer TEXT NOT NULL, source TEXT NOT NULL,"
        " funding_status TEXT NOT NULL, gd_amount_wei TEXT NOT NULL,"
        " price_micro_usd_per_g TEXT NOT NULL, principal_usd TEXT NOT NULL,"
        " bonus_usd TEXT NOT NULL, total_credit_usd TEXT NOT NULL, tx_hash TEXT NOT NULL,"
        " log_index INTEGER NOT NULL, block_number INTEGER NOT NULL,"
        " created_at_ms INTEGER NOT NULL);"
        "INSERT INTO credits (id, account, payer, source, funding_status, gd_amount_wei,"
        " price_micro_usd_per_g, principal_usd, bonus_usd, total_credit_usd, tx_hash, log_index,"
        " block_number, created_at_ms) VALUES ('x:1', 'a', 'p', 'deposit',"
        " 'funded', '5', '10000', '7', '0', '7', 'x', 1, 1, 1);";
    REQUIRE(sqlite3_exec(raw, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
  }
  Store store;
  std::string error;
  REQUIRE_MESSAGE(store.open(path, error), error);
  CHECK(store.meta("schema_version") == std::optional<std::string>("3"));
  CHECK_FALSE(store.meta(kScannerNextBlockKey));  // rescanned from the deploy block
  CHECK(store.find_credit("x:1"));
  CHECK(store.apply_stream_event(event(1, 0, 11, 100, kRate), kBps, 1));
  CHECK(store.credit_streams(kAlice, 200, 12, 1, kBps, 2)->size() == 1);
  // Opening it again does not migrate twice.
  REQUIRE(store.set_meta(kScannerNextBlockKey, "5"));
  Store again;
  REQUIRE(again.open(path, error));
  CHECK(again.meta(kScannerNextBlockKey) == std::optional<std::string>("5"));
}
