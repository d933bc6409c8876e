// --confirmations N: a deposit counts once its block is N deep, by the record route and by the
// scanner alike; until then the record route answers 202 with how far it is, and a receipt
// that a reorg drops before that is never credited. The node here is the fake one, whose
// receipts and logs a test removes as a reorg would (tests/chain has the same on anvil, with
// evm_snapshot / evm_revert).
#include <doctest/doctest.h>

#include <algorithm>

#include "http_harness.h"

using namespace acw::backend;
using test::Harness;
using acw::json;

namespace {

const std::string kAlice = test::kAnvilAddress0;

json deposit_receipt(const std::string& tx, int64_t block) {
  return test::receipt(tx, 1, {test::deposited_log(test::kVault, tx, 0, block, kAlice, kAlice,
                                                   100 * acw::kWeiPerG, 10000)});
}

void drop(test::ChainState& chain, const std::string& tx) {  // what a reorg does to it
  std::lock_guard<std::mutex> lock(chain.mutex);
  chain.receipts.erase(tx);
  auto& logs = chain.logs;
  logs.erase(std::remove_if(logs.begin(), logs.end(),
                            [&](const json& log) { return log.at("transactionHash") == tx; }),
             logs.end());
}

std::string credited_usd(Harness& h) {
  return h.get("/v1/accounts/" + kAlice + "/profile").second.at("totalCreditUsd");
}

}  // namespace

TEST_CASE("confirmations: credited once 3 deep; dropped by a reorg before that, never") {
  test::TempDir dir;
  test::ChainState chain;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  ScannerConfig scan = test::scanner_config();
  scan.confirmations = 3;
  Harness h(chain, dir.file("db.sqlite"), scan);
  const std::string tx = test::tx_hash(1);
  const json record = {{"txHash", tx}};

  chain.add_receipt(deposit_receipt(tx, 10));
  chain.mine(10, 1'700'000'100);
  auto [s1, first] = h.post("/v1/celo/events/record", record);
  CHECK(s1 == 202);
  CHECK(first.at("status") == "pending");
  CHECK(first.at("confirmations") == 1);
  CHECK(first.at("requiredConfirmations") == 3);
  CHECK(h.scanner().scan_once().ok);
  CHECK(credited_usd(h) == "0");  // neither path credits it yet
  chain.mine(11, 1'700'000'101);
  CHECK(h.post("/v1/celo/events/record", record).second.at("confirmations") == 2);

  // A reorg drops it before it is 3 deep: no receipt, nothing credited, ever.
  drop(chain, tx);
  chain.mine(12, 1'700'000'102);
  auto [s2, gone] = h.post("/v1/celo/events/record", record);
  CHECK(s2 == 202);
  CHECK_FALSE(gone.contains("confirmations"));
  CHECK(h.scanner().scan_once().ok);
  CHECK(credited_usd(h) == "0");

  // Included again, in block 12: credited when block 14 is mined, once.
  chain.add_receipt(deposit_receipt(tx, 12));
  chain.mine(13, 1'700'000'103);
  CHECK(h.post("/v1/celo/events/record", record).first == 202);
  chain.mine(14, 1'700'000'104);
  auto [s3, credited] = h.post("/v1/celo/events/record", record);
  CHECK(s3 == 200);
  CHECK(credited.at("newlyCredited") == 1);
  CHECK(credited.at("events").at(0).at("blockNumber") == 12);
  CHECK(credited_usd(h) == "1100000");

  // The scanner alone: a deposit in block 14 waits for block 16.
  const std::string tx2 = test::tx_hash(2);
  chain.add_receipt(deposit_receipt(tx2, 14));
  CHECK(h.scanner().scan_once().ok);
  CHECK(credited_usd(h) == "1100000");
  chain.mine(16, 1'700'000'106);
  CHECK(h.scanner().scan_once().ok);
  CHECK(credited_usd(h) == "2200000");
}

TEST_CASE("confirmations: 1 (the default) credits a receipt in the head block at once") {
  test::TempDir dir;
  test::ChainState chain;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  Harness h(chain, dir.file("db.sqlite"));
  chain.add_receipt(deposit_receipt(test::tx_hash(1), 10));
  chain.mine(10, 1'700'000'100);
  CHECK(h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(1)}}).first == 200);
  CHECK(credited_usd(h) == "1100000");
}
