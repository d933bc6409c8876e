// The pages a browser polls (the usage log, the API key list) read on the store's second,
// read-only connection: they answer while a write holds the store's lock, and their totals
// come from the kept count, equal to the rows.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "ledger.h"
#include "store/store.h"
#include "test_support.h"

using namespace acw::backend;
using acw::uint128;

namespace {

const std::string kAlice = test::kAnvilAddress0;

UsageEntry usage_entry(const std::string& request_id, int64_t at_ms) {
  UsageEntry u;
  u.account = kAlice;
  u.api_key_id = "key_0000000000000001";
  u.request_id = request_id;
  u.model = "m";
  u.cost_usd = 1;
  u.at_ms = at_ms;
  return u;
}

void add_credit(Store& store) {
  Deposit d;
  d.tx_hash = test::tx_hash(1);
  d.block_number = 10;
  d.account = kAlice;
  d.payer = kAlice;
  d.amount_wei = 100 * acw::kWeiPerG;
  d.price_micro_usd_per_g = 10000;
  REQUIRE(store.insert_credit(*credit_for_deposit(d, 1000, 1000).value));
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("store: the usage page and the key list do not wait for a write holding the lock") {
  test::TempDir dir;
  const std::string path = dir.file("db.sqlite");
  Store store;
  std::string error;
  REQUIRE(store.open(path, error));
  add_credit(store);
  for (int i = 0; i < 3; ++i) {
    REQUIRE(store.record_usage(usage_entry("r" + std::to_string(i), 100 + i))->status ==
            UsageStatus::recorded);
  }
  ApiKeyRecord key;
  key.id = "key_0000000000000001";
  key.account = kAlice;
  key.token_sha256 = std::string(64, 'a');
  key.token_prefix = "gd_live_aaaa";
  key.created_at_ms = 50;
  REQUIRE(store.insert_api_key(key));

  // Another connection holds the file's write lock: the store's next write takes the store's
  // lock and waits in BEGIN IMMEDIATE (SQLite's busy timeout, 5 s) until it is released.
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  std::atomic<bool> write_done{false};
  std::optional<UsageOutcome> written;
  std::thread writer([&] {
    written = store.record_usage(usage_entry("r3", 200));
    write_done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the writer holds the lock
  REQUIRE_FALSE(write_done.load());

  const auto start = std::chrono::steady_clock::now();
  auto page = store.usage(kAlice, 20, 0);
  auto keys = store.list_api_keys(kAlice);
  const double waited = seconds_since(start);
  const bool writer_still_waiting = !write_done.load();

  REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(other);
  writer.join();

  CHECK(writer_still_waiting);
  CHECK(waited < 1.0);  // the writer waits up to 5 s; a read behind its lock would too
  REQUIRE(page);
  CHECK(page->total == 3);
  REQUIRE(page->items.size() == 3);
  CHECK(page->items.at(0).request_id == "r2");  // newest first
  REQUIRE(keys);
  REQUIRE(keys->size() == 1);
  CHECK(keys->at(0).id == key.id);
  // The write went through once the lock was free, and the next page shows it.
  REQUIRE(written);
  CHECK(written->status == UsageStatus::recorded);
  auto after = store.usage(kAlice, 2, 0);
  REQUIRE(after);
  CHECK(after->total == 4);
  REQUIRE(after->items.size() == 2);
  CHECK(after->items.at(0).request_id == "r3");
}

TEST_CASE("store: a usage page's total is the kept count, rebuilt at open like the spend") {
  test::TempDir dir;
  const std::string path = dir.file("db.sqlite");
  {
    Store store;
    std::string error;
    REQUIRE(store.open(path, error));
    add_credit(store);
    for (int i = 0; i < 5; ++i) {
      REQUIRE(store.record_usage(usage_entry("r" + std::to_string(i), 100 + i)));
    }
    REQUIRE(store.record_usage(usage_entry("r0", 100))->status == UsageStatus::duplicate);
    auto page = store.usage(kAlice, 2, 4);
    REQUIRE(page);
    CHECK(page->total == 5);  // the duplicate is not counted
    REQUIRE(page->items.size() == 1);
    CHECK(page->items.at(0).request_id == "r0");
    CHECK(store.usage(test::kAnvilAddress1, 20, 0)->total == 0);
  }
  // A file of the previous version (usage_totals without usage_count) gets the column and
  // the count from the rows at the next open.
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, "ALTER TABLE usage_totals DROP COLUMN usage_count", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  sqlite3_close(raw);
  Store store;
  std::string error;
  REQUIRE(store.open(path, error));
  CHECK(store.usage(kAlice, 20, 0)->total == 5);
  REQUIRE(store.record_usage(usage_entry("r5", 200))->status == UsageStatus::recorded);
  CHECK(store.usage(kAlice, 20, 0)->total == 6);
  CHECK(store.meta("schema_version") == std::optional<std::string>("3"));
}
