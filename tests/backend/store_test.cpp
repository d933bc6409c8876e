// The SQLite store: exactly-once credits, totals, history, nonces, keys, usage spending.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>

#include "crediting.h"
#include "ledger.h"
#include "sign_in.h"
#include "store/store.h"
#include "test_support.h"

using namespace acw::backend;
using acw::uint128;

namespace {

constexpr uint128 kWeiPerG = acw::kWeiPerG;
const std::string kAlice = test::kAnvilAddress0;
const std::string kBob = test::kAnvilAddress1;

Deposit deposit(int tx, int log_index, const std::string& account, uint128 wei,
                uint128 price = 10000) {
  Deposit d;
  d.tx_hash = test::tx_hash(tx);
  d.log_index = static_cast<uint64_t>(log_index);
  d.block_number = 10;
  d.account = account;
  d.payer = account;
  d.amount_wei = wei;
  d.price_micro_usd_per_g = price;
  return d;
}

CreditEntry credit(int tx, int log_index, const std::string& account, uint128 wei,
                   int64_t at_ms = 1000) {
  return *credit_for_deposit(deposit(tx, log_index, account, wei), 1000, at_ms).value;
}

struct OpenStore {
  test::TempDir dir;
  Store store;
  OpenStore() {
    std::string error;
    REQUIRE(store.open(dir.file("db.sqlite"), error));
  }
};

}  // namespace

TEST_CASE("credit math: principal from the event, bonus from bps") {
  // 100 G$ at 10,000 micro-USD per G$ = US$1 = 1,000,000 micro-USD; 10 % bonus.
  CreditEntry e = credit(1, 0, kAlice, 100 * kWeiPerG);
  CHECK(e.principal_usd == 1'000'000);
  CHECK(e.bonus_usd == 100'000);
  CHECK(e.total_credit_usd == 1'100'000);
  CHECK(e.id == test::tx_hash(1) + ":0");
  // Floors: 1 wei is worth nothing; 0.00015 G$ at 10,000 = 1.5 micro-USD -> 1, bonus 0.
  CHECK(credit(2, 0, kAlice, 1).principal_usd == 0);
  CreditEntry small = credit(3, 0, kAlice, 150'000'000'000'000);
  CHECK(small.principal_usd == 1);
  CHECK(small.bonus_usd == 0);
  // Amounts beyond 2^64 are exact.
  CreditEntry big = credit(4, 0, kAlice, uint128{2'200'000'000'000} * kWeiPerG * 1'000'000);
  CHECK(big.principal_usd == uint128{22'000'000'000'000'000} * 1'000'000);
  CHECK(credits_text(1'100'000) == "110");
  CHECK(credits_text(12'345) == "1.2345");
  CHECK(credits_text(0) == "0");
  CHECK_FALSE(quote_credits(acw::kUint128Max, acw::kUint128Max, 10000).ok());
}

TEST_CASE("the same log credited twice is stored once") {
  OpenStore s;
  auto first = s.store.insert_credit(credit(1, 0, kAlice, 100 * kWeiPerG, 1000));
  auto again = s.store.insert_credit(credit(1, 0, kAlice, 100 * kWeiPerG, 2000));
  REQUIRE(first);
  REQUIRE(again);
  CHECK(first->inserted);
  CHECK_FALSE(again->inserted);
  CHECK(again->entry.created_at_ms == 1000);  // the stored entry, unchanged
  // A repeat writes nothing (no WAL commit, so no fsync, on every repeated record).
  const auto wal_bytes = [&] { return std::filesystem::file_size(s.dir.file("db.sqlite-wal")); };
  const auto before = wal_bytes();
  REQUIRE(s.store.insert_credit(credit(1, 0, kAlice, 100 * kWeiPerG, 3000)));
  CHECK(wal_bytes() == before);
  auto totals = s.store.totals(kAlice);
  REQUIRE(totals);
  CHECK(totals->deposited_wei == 100 * kWeiPerG);
  CHECK(totals->principal_usd == 1'000'000);
  CHECK(totals->bonus_usd == 100'000);

  // Another log index of the same transaction is another credit.
  CHECK(s.store.insert_credit(credit(1, 1, kAlice, 100 * kWeiPerG))->inserted);
  CHECK(s.store.totals(kAlice)->principal_usd == 2'000'000);
  CHECK(s.store.totals(kBob)->principal_usd == 0);

  // Through the shared crediting path: a batch holding a repeat credits it once.
  CreditResult result = credit_deposits(
      s.store, {deposit(5, 0, kBob, kWeiPerG), deposit(5, 0, kBob, kWeiPerG)}, 1000, 7);
  REQUIRE(result.credits.size() == 2);
  CHECK(result.credits[0].inserted);
  CHECK_FALSE(result.credits[1].inserted);
  CHECK(s.store.totals(kBob)->deposited_wei == kWeiPerG);
}

TEST_CASE("credit history: newest first, filters, paging") {
  OpenStore s;
  for (int i = 0; i < 5; ++i) {
    REQUIRE(s.store.insert_credit(credit(i, 0, kAlice, kWeiPerG * (i + 1), 1000 * (i + 1))));
  }
  REQUIRE(s.store.insert_credit(credit(9, 0, kBob, kWeiPerG, 500)));
  HistoryQuery q;
  q.account = kAlice;
  q.limit = 2;
  auto page = s.store.credit_history(q);
  REQUIRE(page);
  CHECK(page->total == 5);
  REQUIRE(page->items.size() == 2);
  CHECK(page->items[0].created_at_ms == 5000);
  CHECK(page->items[1].created_at_ms == 4000);
  q.offset = 4;
  CHECK(s.store.credit_history(q)->items.size() == 1);
  q.offset = 0;
  q.limit = 100;
  q.from_ms = 2000;
  q.to_ms = 4000;
  CHECK(s.store.credit_history(q)->total == 3);
  q.from_ms.reset();
  q.to_ms.reset();
  q.source = "streamCron";
  CHECK(s.store.credit_history(q)->total == 0);
  q.source = "deposit";
  q.funding_status = "funded";
  CHECK(s.store.credit_history(q)->total == 5);
  q.funding_status = "pending";
  CHECK(s.store.credit_history(q)->total == 0);
}

TEST_CASE("credit history: source \"stream\" is both kinds of stream entry, not deposits") {
  OpenStore s;
  REQUIRE(s.store.insert_credit(credit(1, 0, kAlice, kWeiPerG, 1000)));
  CreditEntry update = credit(2, 0, kAlice, kWeiPerG, 2000);
  update.id = "stream-update-1";
  update.source = "streamUpdate";
  REQUIRE(s.store.insert_credit(update));
  CreditEntry cron = credit(3, 0, kAlice, kWeiPerG, 3000);
  cron.id = "stream-cron-1";
  cron.source = "streamCron";
  REQUIRE(s.store.insert_credit(cron));
  HistoryQuery q;
  q.account = kAlice;
  q.source = "stream";
  auto page = s.store.credit_history(q);
  REQUIRE(page);
  CHECK(page->total == 2);
  REQUIRE(page->items.size() == 2);
  CHECK(page->items[0].source == "streamCron");
  CHECK(page->items[1].source == "streamUpdate");
  q.source = "deposit";
  CHECK(s.store.credit_history(q)->total == 1);
  q.source = "streamCron";
  CHECK(s.store.credit_history(q)->total == 1);
}

TEST_CASE("usage spends credits atomically, refuses beyond the balance, is idempotent") {
  OpenStore s;
  UsageEntry u;
  u.account = kAlice;
  u.api_key_id = "key_0000000000000001";
  u.request_id = "req-1";
  u.model = "gpt-x";
  u.cost_usd = 1;
  u.at_ms = 10;
  auto none = s.store.record_usage(u);
  REQUIRE(none);
  CHECK(none->status == UsageStatus::insufficient);
  CHECK(none->remaining_usd == 0);

  REQUIRE(s.store.insert_credit(credit(1, 0, kAlice, 100 * kWeiPerG)));  // 1,100,000 micro-USD
  u.cost_usd = 600'000;
  auto first = s.store.record_usage(u);
  REQUIRE(first);
  CHECK(first->status == UsageStatus::recorded);
  CHECK(first->remaining_usd == 500'000);

  auto repeat = s.store.record_usage(u);
  CHECK(repeat->status == UsageStatus::duplicate);
  CHECK(repeat->remaining_usd == 500'000);
  CHECK(repeat->entry.id == first->entry.id);

  UsageEntry changed = u;
  changed.cost_usd = 5;
  CHECK(s.store.record_usage(changed)->status == UsageStatus::conflict);

  u.request_id = "req-2";
  u.cost_usd = 500'001;
  CHECK(s.store.record_usage(u)->status == UsageStatus::insufficient);
  u.cost_usd = 500'000;  // exactly the rest
  auto rest = s.store.record_usage(u);
  CHECK(rest->status == UsageStatus::recorded);
  CHECK(rest->remaining_usd == 0);
  u.request_id = "req-3";
  u.cost_usd = 1;
  CHECK(s.store.record_usage(u)->status == UsageStatus::insufficient);
  u.cost_usd = 0;  // exhausted: a free request is refused too
  CHECK(s.store.record_usage(u)->status == UsageStatus::insufficient);

  auto totals = s.store.totals(kAlice);
  CHECK(totals->used_usd == 1'100'000);
  CHECK(remaining_usd(*totals) == 0);
  auto page = s.store.usage(kAlice, 2, 0);
  REQUIRE(page);
  CHECK(page->total == 2);
  CHECK(page->items.size() == 2);
  CHECK(s.store.usage(kBob, 20, 0)->total == 0);
  // An account that never had credits: a zero-cost request is refused, not logged.
  u.account = kBob;
  u.request_id = "req-1";
  CHECK(s.store.record_usage(u)->status == UsageStatus::insufficient);
  CHECK(s.store.usage(kBob, 20, 0)->total == 0);
  // The same requestId for another account is another request.
  REQUIRE(s.store.insert_credit(credit(2, 0, kBob, 1 * kWeiPerG)));
  CHECK(s.store.record_usage(u)->status == UsageStatus::recorded);
}

TEST_CASE("API keys: stored by hash, listed, revoked once") {
  OpenStore s;
  ApiKeyRecord k{"key_00000000000000aa", kAlice, std::string(64, 'a'), "gd_live_abcd", 100, {}, {}};
  REQUIRE(s.store.insert_api_key(k));
  CHECK_FALSE(s.store.insert_api_key(k));  // same id / hash
  CHECK(s.store.find_api_key_by_hash(std::string(64, 'a'))->id == k.id);
  CHECK_FALSE(s.store.find_api_key_by_hash(std::string(64, 'b')));
  CHECK(s.store.list_api_keys(kAlice)->size() == 1);
  CHECK(s.store.list_api_keys(kBob)->empty());
  REQUIRE(s.store.touch_api_key(k.id, 150));
  CHECK(s.store.find_api_key(k.id)->last_used_at_ms == 150);
  CHECK(s.store.revoke_api_key(k.id, 200)->revoked_at_ms == 200);
  CHECK(s.store.revoke_api_key(k.id, 300)->revoked_at_ms == 200);  // first revocation stays
  CHECK_FALSE(s.store.revoke_api_key("key_ffffffffffffffff", 300));
}

TEST_CASE("sign-in nonces: issued for one account, single use, expiring") {
  OpenStore s;
  const SiweOrigin origin{"localhost:5173", "http://localhost:5173"};
  const int64_t t0 = 1'700'000'000'000;
  auto n = issue_nonce(s.store, kAlice, 31337, origin, t0);
  REQUIRE(n);
  CHECK(n->nonce.size() == 32);
  CHECK(n->expires_at_ms == t0 + 10 * 60 * 1000);
  CHECK(n->message.find("Nonce: " + n->nonce + "\n") != std::string::npos);
  const std::string sig = test::personal_sign(n->message, test::kAnvilKey0);

  CHECK(verify_sign_in(s.store, kAlice, "ffffffffffffffff", sig, "", t0).error.find("unknown") == 0);
  CHECK(verify_sign_in(s.store, kBob, n->nonce, sig, "", t0).error.find("another account") !=
        std::string::npos);
  CHECK(verify_sign_in(s.store, kAlice, n->nonce, sig, "", t0 + 10 * 60 * 1000).error.find("expired") !=
        std::string::npos);
  const std::string bob_sig = test::personal_sign(n->message, test::kAnvilKey1);
  CHECK(verify_sign_in(s.store, kAlice, n->nonce, bob_sig, "", t0).error ==
        "the signature is not from this account");
  // From a page of another site (the nonce is tied to the one it was issued for).
  CHECK(verify_sign_in(s.store, kAlice, n->nonce, sig, "https://evil.example", t0 + 1000).error ==
        "the nonce was issued for another site");
  CHECK(s.store.find_nonce(n->nonce)->origin == "http://localhost:5173");
  SignInResult ok = verify_sign_in(s.store, kAlice, n->nonce, sig, "http://localhost:5173", t0 + 1000);
  CHECK(ok.ok);
  SignInResult reused = verify_sign_in(s.store, kAlice, n->nonce, sig, "", t0 + 2000);
  CHECK_FALSE(reused.ok);
  CHECK(reused.status == 401);
  CHECK(reused.error.find("used already") != std::string::npos);
  CHECK_FALSE(s.store.consume_nonce(n->nonce, t0));
}

TEST_CASE("data survives reopening; the file is in WAL mode") {
  test::TempDir dir;
  const std::string path = dir.file("db.sqlite");
  {
    Store store;
    std::string error;
    REQUIRE(store.open(path, error));
    REQUIRE(store.insert_credit(credit(1, 0, kAlice, 100 * kWeiPerG)));
    REQUIRE(store.set_meta("scanner.next_block", "42"));
  }
  Store store;
  std::string error;
  REQUIRE(store.open(path, error));
  CHECK(store.totals(kAlice)->principal_usd == 1'000'000);
  CHECK(store.meta("scanner.next_block") == std::optional<std::string>("42"));
  CHECK(store.meta("schema_version") == std::optional<std::string>("3"));
  CHECK_FALSE(store.insert_credit(credit(1, 0, kAlice, 100 * kWeiPerG))->inserted);

  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
}

TEST_CASE("a database that cannot be opened is an error, not a crash") {
  test::TempDir dir;
  Store store;
  std::string error;
  CHECK_FALSE(store.open(dir.file("missing-folder/db.sqlite"), error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("the database is opened in WAL mode with synchronous=FULL") {
  test::TempDir dir;
  Db db;
  std::string error;
  REQUIRE(db.open(dir.file("db.sqlite"), error));
  CHECK(db.pragma_text("journal_mode") == "wal");
  CHECK(db.pragma_text("synchronous") == "2");  // FULL
}

TEST_CASE("usage totals: kept with each spend, rebuilt from the rows at every open") {
  test::TempDir dir;
  const std::string path = dir.file("db.sqlite");
  auto spend = [](Store& store, const std::string& id, uint128 cost) {
    UsageEntry u;
    u.account = kAlice;
    u.api_key_id = "key_0000000000000001";
    u.request_id = id;
    u.model = "m";
    u.cost_usd = cost;
    u.at_ms = 10;
    return store.record_usage(u)->status;
  };
  {
    Store store;
    std::string error;
    REQUIRE(store.open(path, error));
    REQUIRE(store.insert_credit(credit(1, 0, kAlice, 100 * kWeiPerG)));  // 1,100,000
    CHECK(spend(store, "a", 100'000) == UsageStatus::recorded);
    CHECK(spend(store, "b", 200'000) == UsageStatus::recorded);
    CHECK(spend(store, "b", 200'000) == UsageStatus::duplicate);
    CHECK(spend(store, "c", 900'000) == UsageStatus::insufficient);
    CHECK(store.totals(kAlice)->used_usd == 300'000);
    CHECK(store.totals(kBob)->used_usd == 0);
  }
  // A file whose totals disagree with its rows (or, like a database of an older version, has
  // none): the rows win at the next open.
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  REQUIRE(sqlite3_exec(raw, "UPDATE usage_totals SET used_usd = '1'", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  sqlite3_close(raw);
  Store store;
  std::string error;
  REQUIRE(store.open(path, error));
  CHECK(store.totals(kAlice)->used_usd == 300'000);
  CHECK(spend(store, "d", 800'000) == UsageStatus::recorded);
  CHECK(spend(store, "e", 1) == UsageStatus::insufficient);
  CHECK(store.totals(kAlice)->used_usd == 1'100'000);
}
