// Log fields and Deposited log decoding, the vault reader's cache, and the log scanner.
#include <doctest/doctest.h>

#include "chain/log_fields.h"
#include "chain/scanner.h"
#include "chain/vault_abi.h"
#include "chain/vault_reader.h"
#include "crediting.h"
#include "store/store.h"
#include "test_support.h"

using namespace acw::backend;
using acw::uint128;

namespace {

const std::string kAlice = test::kAnvilAddress0;
const std::string kBob = test::kAnvilAddress1;
constexpr uint128 kWeiPerG = acw::kWeiPerG;

}  // namespace

TEST_CASE("a Deposited log of the vault decodes") {
  const acw::json log =
      test::deposited_log(test::kVault, test::tx_hash(1), 3, 77, kAlice, kBob, 5 * kWeiPerG, 10000);
  DecodedLog d = decode_deposited_log(log, test::kVault);
  REQUIRE(d.kind == LogKind::deposit);
  CHECK(d.deposit.account == kAlice);
  CHECK(d.deposit.payer == kBob);
  CHECK(d.deposit.amount_wei == 5 * kWeiPerG);
  CHECK(d.deposit.price_micro_usd_per_g == 10000);
  CHECK(d.deposit.log_index == 3);
  CHECK(d.deposit.block_number == 77);
  CHECK(d.deposit.id() == test::tx_hash(1) + ":3");

  // Upper-case hex from a node is fine.
  acw::json upper = log;
  upper["address"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  CHECK(decode_deposited_log(upper, test::kVault).kind == LogKind::deposit);
}

TEST_CASE("other contracts, other events and removed logs are skipped; bad fields are errors") {
  const acw::json good =
      test::deposited_log(test::kVault, test::tx_hash(1), 0, 1, kAlice, kAlice, kWeiPerG, 10000);
  // The same event from another contract is not a payment to the vault.
  CHECK(decode_deposited_log(
            test::deposited_log(test::kOtherContract, test::tx_hash(1), 0, 1, kAlice, kAlice,
                                kWeiPerG, 10000),
            test::kVault)
            .kind == LogKind::other);
  acw::json transfer = good;
  transfer["topics"][0] = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
  CHECK(decode_deposited_log(transfer, test::kVault).kind == LogKind::other);
  acw::json removed = good;
  removed["removed"] = true;
  CHECK(decode_deposited_log(removed, test::kVault).kind == LogKind::other);

  auto broken = [&](auto mutate) {
    acw::json log = good;
    mutate(log);
    return decode_deposited_log(log, test::kVault).kind;
  };
  CHECK(broken([](acw::json& l) { l["data"] = "0x1234"; }) == LogKind::malformed);
  CHECK(broken([](acw::json& l) { l["data"] = 5; }) == LogKind::malformed);
  CHECK(broken([](acw::json& l) { l["topics"].erase(2); }) == LogKind::malformed);
  CHECK(broken([](acw::json& l) { l["topics"][1] = "0x" + std::string(64, 'f'); }) ==
        LogKind::malformed);  // not an address word
  CHECK(broken([](acw::json& l) { l["logIndex"] = "12"; }) == LogKind::malformed);
  CHECK(broken([](acw::json& l) { l.erase("blockNumber"); }) == LogKind::malformed);
  CHECK(broken([](acw::json& l) { l["transactionHash"] = "0x12"; }) == LogKind::malformed);
  CHECK(broken([](acw::json& l) {  // amount above 2^128
          l["data"] = "0x" + std::string(64, 'f') + acw::abi_word_uint(1);
        }) == LogKind::malformed);
  CHECK(decode_deposited_log(acw::json::array(), test::kVault).kind == LogKind::malformed);
  CHECK(decode_deposited_log(acw::json{{"address", 5}}, test::kVault).kind == LogKind::malformed);

  ExtractedDeposits e = extract_deposits(
      acw::json::array({good, transfer, acw::json("nonsense")}), test::kVault);
  CHECK(e.deposits.size() == 1);
  CHECK(e.errors.size() == 1);
  CHECK(extract_deposits(acw::json(nullptr), test::kVault).errors.size() == 1);
}

TEST_CASE("the vault reader caches, falls back to the last reading, then to deployment values") {
  test::ChainState chain;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  test::FakeRpc rpc(chain);
  int64_t now = 0;
  VaultReader reader(rpc, test::kVault, std::nullopt, 5000, [&] { return now; });
  auto first = reader.read();
  REQUIRE(first);
  CHECK(first->source == "chain");
  CHECK(first->params.price_micro_usd_per_g == 10000);
  CHECK(first->params.min_first_deposit_micro_usd == 1'000'000);
  CHECK(first->params.min_stream_micro_usd_per_month == 2'000'000);
  const int calls = chain.calls;
  now = 4000;
  reader.read();
  CHECK(chain.calls == calls);  // cached
  now = 6000;
  chain.set_vault_params(20000, 1'000'000, 2'000'000);
  CHECK(reader.read()->params.price_micro_usd_per_g == 20000);
  chain.down = true;
  now = 20000;
  auto stale = reader.read();
  REQUIRE(stale);
  CHECK(stale->source == "stale");
  CHECK(stale->params.price_micro_usd_per_g == 20000);

  VaultReader never(rpc, test::kVault, std::nullopt, 5000, [&] { return now; });
  std::string error;
  CHECK_FALSE(never.read(&error));
  CHECK_FALSE(error.empty());
  VaultReader fallback(rpc, test::kVault, VaultParams{7, 8, 9}, 5000, [&] { return now; });
  CHECK(fallback.read()->source == "deployment");
  CHECK(fallback.read()->params.price_micro_usd_per_g == 7);

  // A vault without the view function answers "0x": an error, not a zero price.
  chain.down = false;
  {
    std::lock_guard<std::mutex> lock(chain.mutex);
    chain.call_results.begin()->second = "0x";
  }
  VaultReader no_code(rpc, test::kVault, std::nullopt, 5000, [&] { return now; });
  CHECK_FALSE(no_code.read());
}

TEST_CASE("the scanner credits each Deposited log once and persists its position") {
  test::TempDir dir;
  Store store;
  std::string error;
  REQUIRE(store.open(dir.file("db.sqlite"), error));
  test::ChainState chain;
  chain.head = 10;
  chain.add_receipt(test::receipt(
      test::tx_hash(1), 1,
      {test::deposited_log(test::kVault, test::tx_hash(1), 0, 5, kAlice, kAlice, 100 * kWeiPerG,
                           10000),
       test::deposited_log(test::kOtherContract, test::tx_hash(1), 1, 5, kAlice, kAlice,
                           100 * kWeiPerG, 10000)}));
  test::FakeRpc rpc(chain);
  // Small chunks so the scan takes several eth_getLogs pages.
  ScannerConfig config = test::scanner_config(0, 2000, 3);
  config.deploy_block = 2;
  Scanner scanner(rpc, store, config, [] { return int64_t{1000}; });

  Scanner::Report report = scanner.scan_once();
  CHECK(report.ok);
  CHECK(report.newly_credited == 1);
  CHECK(report.next_block == 11);
  CHECK(store.meta(kScannerNextBlockKey) == std::optional<std::string>("11"));
  CHECK(store.totals(kAlice)->principal_usd == 1'000'000);

  // New blocks: only those are scanned; the old log is not credited again.
  chain.add_receipt(test::receipt(
      test::tx_hash(2), 1,
      {test::deposited_log(test::kVault, test::tx_hash(2), 0, 12, kBob, kAlice, 50 * kWeiPerG,
                           10000)}));
  chain.head = 12;
  report = scanner.scan_once();
  CHECK(report.newly_credited == 1);
  CHECK(store.totals(kBob)->principal_usd == 500'000);
  CHECK(store.totals(kAlice)->principal_usd == 1'000'000);

  // Rescanning everything (a reset chain) credits nothing twice.
  REQUIRE(store.set_meta(kScannerNextBlockKey, "0"));
  report = scanner.scan_once();
  CHECK(report.newly_credited == 0);
  CHECK(store.totals(kAlice)->principal_usd == 1'000'000);

  // A chain whose head is behind the position was restarted: scan from the deploy block.
  REQUIRE(store.set_meta(kScannerNextBlockKey, "500"));
  report = scanner.scan_once();
  CHECK(report.ok);
  CHECK(report.next_block == 13);

  // The node down: an error report, the position kept.
  chain.down = true;
  report = scanner.scan_once();
  CHECK_FALSE(report.ok);
  CHECK(store.meta(kScannerNextBlockKey) == std::optional<std::string>("13"));
}

TEST_CASE("the scanner thread starts and stops") {
  test::TempDir dir;
  Store store;
  std::string error;
  REQUIRE(store.open(dir.file("db.sqlite"), error));
  test::ChainState chain;
  chain.head = 3;
  chain.add_receipt(test::receipt(
      test::tx_hash(1), 1,
      {test::deposited_log(test::kVault, test::tx_hash(1), 0, 2, kAlice, kAlice, kWeiPerG, 10000)}));
  test::FakeRpc rpc(chain);
  Scanner scanner(rpc, store, test::scanner_config(), [] { return int64_t{1}; });
  scanner.start(100);
  for (int i = 0; i < 200 && store.totals(kAlice)->deposited_wei == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  scanner.stop();
  CHECK(store.totals(kAlice)->deposited_wei == kWeiPerG);
}

TEST_CASE("the fields every log has: data words, address topics, the event, the position") {
  const acw::json log =
      test::deposited_log(test::kVault, test::tx_hash(1), 3, 77, kAlice, kBob, 5 * kWeiPerG, 10000);
  auto with_data = [&](const acw::json& data) {
    acw::json l = log;
    l["data"] = data;
    return data_words(l);
  };
  auto words = with_data("0x" + std::string(63, '0') + "A" + std::string(64, 'b'));
  REQUIRE(words);
  CHECK(*words == std::vector<std::string>{"0x" + std::string(63, '0') + "a",
                                           "0x" + std::string(64, 'b')});
  CHECK(with_data("0x")->empty());
  CHECK_FALSE(with_data("0x" + std::string(65, '0')));      // not whole words
  CHECK_FALSE(with_data("0x" + std::string(63, '0') + "g"));  // not hex
  CHECK_FALSE(with_data(std::string(64, '0')));             // no 0x
  CHECK_FALSE(with_data(5));

  auto addresses = address_topics(log, 2);
  REQUIRE(addresses.ok());
  CHECK(*addresses.value == std::vector<std::string>{kAlice, kBob});
  CHECK(address_topics(log, 3).error == "must have 4 topics");
  acw::json not_address = log;
  not_address["topics"][2] = "0x" + std::string(64, 'f');  // not 12 zero bytes first
  CHECK(address_topics(not_address, 2).error == "has a malformed address topic");

  auto event = read_log_event(log, {test::kOtherContract, test::kVault});
  REQUIRE(event.ok());
  CHECK(event.value->emitter == test::kVault);
  CHECK(event.value->topic == deposited_topic());
  acw::json no_topics = log;
  no_topics["topics"] = acw::json::array();
  CHECK(read_log_event(no_topics, {test::kVault}).value->topic.empty());  // nothing to decode
  no_topics.erase("topics");
  CHECK(read_log_event(no_topics, {test::kVault}).error == "log has no topics array");
  CHECK(read_log_event(no_topics, {test::kOtherContract}).value->topic.empty());  // not ours
  CHECK(read_log_event(acw::json::array(), {test::kVault}).error == "log is not an object");

  auto at = read_log_position(log);
  REQUIRE(at.ok());
  CHECK(at.value->id() == test::tx_hash(1) + ":3");
  CHECK(at.value->block_number == 77);
  acw::json no_index = log;
  no_index.erase("logIndex");
  CHECK(read_log_position(no_index).error == "log has no valid logIndex");
}
