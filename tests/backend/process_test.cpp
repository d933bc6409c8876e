// The real binary (acw-dev-backend) as a child process against the fake JSON-RPC node:
// many clients recording the same transaction at once (one backend, then two backends on one
// database) credit it once; SIGKILL in the middle of a stream of writes loses no write that
// was answered 200; the rate-limit flags reach the server.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "backend_process.h"
#include "fake_rpc_server.h"
#include "test_support.h"

using namespace acw::backend;
using acw::json;
using acw::uint128;

namespace {

const std::string kAlice = test::kAnvilAddress0;
const std::string kBob = test::kAnvilAddress1;
constexpr uint128 kWeiPerG = acw::kWeiPerG;

// One payment of `g` G$ to `account` in transaction n (one Deposited log of the vault, index 0).
void add_deposit(test::ChainState& chain, int n, const std::string& account, uint128 g) {
  const std::string tx = test::tx_hash(n);
  chain.add_receipt(test::receipt(
      tx, 1, {test::deposited_log(test::kVault, tx, 0, 5, account, account, g * kWeiPerG, 10000)}));
}

// The flags of every backend here: the fake node's deployment, no background scanner (only
// the record route credits), and rate limits off unless a test sets them.
std::vector<std::string> backend_args(const test::TempDir& dir, const std::string& db,
                                      const std::string& rpc_url,
                                      std::vector<std::string> extra = {"--read-rate", "0",
                                                                        "--write-rate", "0"}) {
  std::vector<std::string> args = {"--db", db, "--deployment", test::write_deployment(dir, rpc_url),
                                   "--scan-interval-ms", "0", "--price-cache-ms", "0",
                                   "--siwe-origin", "http://localhost:5173"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// Holds threads until all `count` arrived, then releases them together (reusable).
class Barrier {
 public:
  explicit Barrier(int count) : count_(count) {}
  void arrive_and_wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    const int generation = generation_;
    if (++arrived_ == count_) {
      arrived_ = 0;
      ++generation_;
      cv_.notify_all();
      return;
    }
    cv_.wait(lock, [&] { return generation_ != generation; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  const int count_;
  int arrived_ = 0;
  int generation_ = 0;
};

// A read-only look at the database file, next to a running (or killed) backend.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~RawDb() { sqlite3_close(db_); }
  // Every row of a query, each column as text.
  std::vector<std::vector<std::string>> rows(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK, sql);
    std::vector<std::vector<std::string>> out;
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* text = sqlite3_column_text(stmt, i);
        row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
      }
      out.push_back(std::move(row));
    }
    CHECK_MESSAGE(rc == SQLITE_DONE, sql);
    sqlite3_finalize(stmt);
    return out;
  }
  std::string one(const std::string& sql) {
    auto r = rows(sql);
    REQUIRE_MESSAGE(r.size() == 1, sql);
    return r.at(0).at(0);
  }

 private:
  sqlite3* db_ = nullptr;
};

uint128 sum_column(RawDb& db, const std::string& sql) {
  uint128 sum = 0;
  for (const auto& row : db.rows(sql)) sum += *acw::parse_decimal(row.at(0));
  return sum;
}

std::string dec(uint128 v) { return acw::to_decimal(v); }

// An API key for `account` through the real sign-in routes.
std::string create_api_key(httplib::Client& client, const std::string& account,
                           const char* private_key) {
  auto nonce = test::request(client, "POST", "/v1/auth/nonce",
                             json{{"account", account}, {"chainId", 31337}}.dump(),
                             {{"Origin", "http://localhost:5173"}});
  REQUIRE(nonce.status == 200);
  const json sign_in = {
      {"account", account},
      {"nonce", nonce.body.at("nonce")},
      {"signature", test::personal_sign(nonce.body.at("message").get<std::string>(), private_key)}};
  auto key = test::request(client, "POST", "/v1/auth/api-keys", sign_in.dump());
  REQUIRE(key.status == 200);
  return key.body.at("token");
}

}  // namespace

TEST_CASE("process: the same transaction recorded by many clients at once is credited once") {
  test::TempDir dir;
  test::ChainState chain;
  chain.head = 10;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  test::FakeRpcServer node(chain);
  const std::string db = dir.file("db.sqlite");

  constexpr int kClients = 12;  // threads, each with its own connection
  constexpr int kTransactions = 12;
  // Transactions 1..6 are mined before the clients start; 7..12 only after the clients have
  // been asking for a while (they see 202 pending until then, and keep asking).
  for (int n = 1; n <= kTransactions / 2; ++n) add_deposit(chain, n, n % 2 ? kAlice : kBob, n);

  // Two backends on one database file, six clients on each: the UNIQUE credit id holds
  // across processes too, not only across the threads of one.
  test::BackendProcess a(backend_args(dir, db, node.url()), dir.file("a.log"));
  test::BackendProcess b(backend_args(dir, db, node.url()), dir.file("b.log"));
  REQUIRE(a.started());
  REQUIRE(b.started());

  struct Seen {
    std::vector<int> statuses;  // every answer, in order
    json credited;              // the 200 answer
  };
  std::vector<std::vector<Seen>> seen(kClients, std::vector<Seen>(kTransactions + 1));
  Barrier barrier(kClients);  // every transaction is asked for by all clients at once
  std::atomic<int> pending_seen{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", c % 2 ? a.port() : b.port());
      client.set_read_timeout(std::chrono::seconds(20));
      for (int n = 1; n <= kTransactions; ++n) {
        barrier.arrive_and_wait();
        const std::string body = json{{"txHash", test::tx_hash(n)}}.dump();
        for (int attempt = 0; attempt < 2000; ++attempt) {
          auto answer = test::request(client, "POST", "/v1/celo/events/record", body);
          seen[c][n].statuses.push_back(answer.status);
          if (answer.status != 202) {
            seen[c][n].credited = answer.body;
            break;
          }
          ++pending_seen;
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
      }
    });
  }
  // Mine the late ones once every client is asking for the first of them.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (pending_seen < 3 * kClients && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  for (int n = kTransactions / 2 + 1; n <= kTransactions; ++n) {
    add_deposit(chain, n, n % 2 ? kAlice : kBob, n);
  }
  for (auto& t : clients) t.join();

  int pending_answers = 0;
  uint128 alice_principal = 0, bob_principal = 0;
  for (int n = 1; n <= kTransactions; ++n) {
    CAPTURE(n);
    int newly = 0;
    const json first = seen[0][n].credited;
    for (int c = 0; c < kClients; ++c) {
      CAPTURE(c);
      const Seen& s = seen[c][n];
      // 202 while the node knows no receipt, then one 200; nothing else.
      REQUIRE(!s.statuses.empty());
      CHECK(s.statuses.back() == 200);
      for (size_t i = 0; i + 1 < s.statuses.size(); ++i) CHECK(s.statuses[i] == 202);
      pending_answers += static_cast<int>(s.statuses.size()) - 1;
      REQUIRE(s.credited.is_object());
      CHECK(s.credited.at("status") == "credited");
      newly += s.credited.at("newlyCredited").get<int>();
      // Every client sees the same stored entry (same id, amounts, createdAt).
      CHECK(s.credited.at("events") == first.at("events"));
    }
    CHECK(newly == 1);
    REQUIRE(first.at("events").size() == 1);
    const uint128 principal =
        *acw::parse_decimal(first.at("events").at(0).at("principalUsd").get<std::string>());
    CHECK(principal == static_cast<uint128>(n) * 10000);  // n G$ at 0.01 USD
    (n % 2 ? alice_principal : bob_principal) += principal;
  }
  CHECK(pending_answers > 0);  // the late transactions were asked for before they existed

  // Exactly one credit row per transaction in the file, and totals that add up.
  RawDb raw(db);
  CHECK(raw.one("SELECT COUNT(*) FROM credits") == std::to_string(kTransactions));
  CHECK(raw.one("SELECT COUNT(DISTINCT tx_hash) FROM credits") == std::to_string(kTransactions));
  httplib::Client client("127.0.0.1", a.port());
  auto alice = test::request(client, "GET", "/v1/accounts/" + kAlice + "/profile");
  auto bob = test::request(client, "GET", "/v1/accounts/" + kBob + "/profile");
  CHECK(alice.body.at("totalPrincipalUsd") == dec(alice_principal));
  CHECK(bob.body.at("totalPrincipalUsd") == dec(bob_principal));
  CHECK(alice.body.at("totalBonusUsd") == dec(alice_principal / 10));
  CHECK(test::request(client, "GET", "/v1/accounts/" + kBob + "/credit-history")
            .body.at("total") == kTransactions / 2);
}

TEST_CASE("process: kill -9 during writes loses no write that was answered 200") {
  test::TempDir dir;
  test::ChainState chain;
  chain.head = 10;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  add_deposit(chain, 1, kAlice, 10'000);  // 110,000,000 micro-USD to spend
  constexpr int kFirstTx = 1000;
  constexpr int kTxCount = 4000;
  for (int n = kFirstTx; n < kFirstTx + kTxCount; ++n) add_deposit(chain, n, n % 2 ? kAlice : kBob, 1);
  test::FakeRpcServer node(chain);
  const std::string db = dir.file("db.sqlite");
  const std::string log = dir.file("backend.log");

  std::string token;
  {
    test::BackendProcess setup(backend_args(dir, db, node.url()), log);
    REQUIRE(setup.started());
    httplib::Client client("127.0.0.1", setup.port());
    REQUIRE(test::request(client, "POST", "/v1/celo/events/record",
                          json{{"txHash", test::tx_hash(1)}}.dump())
                .status == 200);
    token = create_api_key(client, kAlice, test::kAnvilKey0);
  }  // SIGKILLed here too: even the set-up must survive that

  std::set<std::string> acked_credits;                  // "txHash:0" answered 200
  std::map<std::string, std::string> acked_usage;       // requestId -> costUsd answered 200
  std::vector<std::string> last_acked_before_kill;      // the newest usage ack of each round
  std::atomic<int> next_tx{kFirstTx};
  int usage_counter = 0;
  constexpr int kRounds = 3;
  for (int round = 0; round < kRounds; ++round) {
    CAPTURE(round);
    test::BackendProcess backend(backend_args(dir, db, node.url()), log);
    REQUIRE(backend.started());
    std::mutex mutex;
    std::atomic<int> acked_this_round{0};
    std::atomic<bool> killed{false};
    std::vector<std::thread> writers;
    std::string newest_usage;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&, w] {
        httplib::Client client("127.0.0.1", backend.port());
        client.set_read_timeout(std::chrono::seconds(20));
        const bool records = w % 2 == 0;
        for (;;) {
          test::Answer answer;
          std::string id, cost;
          if (records) {
            const int n = next_tx++;
            if (n >= kFirstTx + kTxCount) break;
            id = test::tx_hash(n) + ":0";
            answer = test::request(client, "POST", "/v1/celo/events/record",
                                   json{{"txHash", test::tx_hash(n)}}.dump());
          } else {
            {
              std::lock_guard<std::mutex> lock(mutex);
              id = "r" + std::to_string(round) + "-" + std::to_string(usage_counter++);
            }
            cost = std::to_string(1000 + w);
            answer = test::request(client, "POST", "/v1/usage",
                                   json{{"model", "m"}, {"requestId", id}, {"costUsd", cost}}.dump(),
                                   {{"Authorization", "Bearer " + token}});
          }
          if (answer.status == -1) {
            if (killed) break;  // no answer: the backend is gone
            continue;
          }
          std::lock_guard<std::mutex> lock(mutex);
          if (answer.status != 200) {
            FAIL_CHECK("unexpected answer " << answer.status << " " << answer.body.dump());
            continue;
          }
          if (records) {
            acked_credits.insert(id);
          } else {
            CHECK(answer.body.at("duplicate") == false);
            acked_usage[id] = cost;
            newest_usage = id;
          }
          ++acked_this_round;
        }
      });
    }
    // SIGKILL once a batch of writes was answered, while the writers still send more.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (acked_this_round < 60 + 40 * round && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    killed = true;
    backend.kill_hard();
    for (auto& t : writers) t.join();
    CHECK(acked_this_round >= 60 + 40 * round);
    std::lock_guard<std::mutex> lock(mutex);
    if (!newest_usage.empty()) last_acked_before_kill.push_back(newest_usage);
  }
  REQUIRE(!acked_credits.empty());
  REQUIRE(acked_usage.size() >= 3);

  // The file as the last SIGKILL left it (its -wal file is there: commits not yet
  // checkpointed): sound, in WAL mode, holding every acknowledged write.
  test::BackendProcess backend(backend_args(dir, db, node.url()), log);
  REQUIRE(backend.started());
  RawDb raw(db);
  CHECK(raw.one("PRAGMA integrity_check") == "ok");
  CHECK(raw.one("PRAGMA journal_mode") == "wal");
  std::set<std::string> stored_credits;
  for (const auto& row : raw.rows("SELECT id FROM credits")) stored_credits.insert(row.at(0));
  std::map<std::string, std::string> stored_usage;
  for (const auto& row : raw.rows("SELECT request_id, cost_usd FROM usage")) {
    stored_usage[row.at(0)] = row.at(1);
  }
  for (const std::string& id : acked_credits) CHECK_MESSAGE(stored_credits.count(id) == 1, id);
  for (const auto& [id, cost] : acked_usage) {
    CHECK_MESSAGE(stored_usage.count(id) == 1, id);
    if (stored_usage.count(id) == 1) CHECK(stored_usage.at(id) == cost);
  }
  MESSAGE("credits answered 200: " << acked_credits.size() << ", stored: " << stored_credits.size()
                                        << "; usage answered 200: " << acked_usage.size()
                                        << ", stored: " << stored_usage.size());
  // Writes sent but never answered may or may not be there; nothing else may.
  CHECK(stored_credits.size() >= acked_credits.size() + 1);
  CHECK(stored_usage.size() >= acked_usage.size());

  // Totals: the restarted backend's profile is the sum of the rows, for both accounts.
  httplib::Client client("127.0.0.1", backend.port());
  for (const std::string& account : {kAlice, kBob}) {
    CAPTURE(account);
    const uint128 principal = sum_column(
        raw, "SELECT principal_usd FROM credits WHERE account = '" + account + "'");
    const uint128 bonus =
        sum_column(raw, "SELECT bonus_usd FROM credits WHERE account = '" + account + "'");
    const uint128 used =
        sum_column(raw, "SELECT cost_usd FROM usage WHERE account = '" + account + "'");
    const std::string rows =
        raw.one("SELECT COUNT(*) FROM credits WHERE account = '" + account + "'");
    auto profile = test::request(client, "GET", "/v1/accounts/" + account + "/profile");
    REQUIRE(profile.status == 200);
    CHECK(profile.body.at("totalPrincipalUsd") == dec(principal));
    CHECK(profile.body.at("totalBonusUsd") == dec(bonus));
    CHECK(profile.body.at("usedUsd") == dec(used));
    CHECK(profile.body.at("remainingUsd") == dec(principal + bonus - used));
    CHECK(test::request(client, "GET", "/v1/accounts/" + account + "/credit-history")
              .body.at("total") == std::stoi(rows));
  }
  CHECK(test::request(client, "GET", "/v1/accounts/" + kAlice + "/usage", "",
                      {{"Authorization", "Bearer " + token}})
            .body.at("total") == static_cast<int>(stored_usage.size()));

  // The last spend answered before each kill is there exactly once: sending it again is a
  // duplicate, nothing is spent twice; a credited payment recorded again credits nothing.
  const std::string used_before =
      test::request(client, "GET", "/v1/accounts/" + kAlice + "/profile").body.at("usedUsd");
  for (const std::string& id : last_acked_before_kill) {
    auto again = test::request(
        client, "POST", "/v1/usage",
        json{{"model", "m"}, {"requestId", id}, {"costUsd", acked_usage.at(id)}}.dump(),
        {{"Authorization", "Bearer " + token}});
    CHECK(again.status == 200);
    CHECK(again.body.at("duplicate") == true);
  }
  CHECK(test::request(client, "GET", "/v1/accounts/" + kAlice + "/profile").body.at("usedUsd") ==
        used_before);
  const std::string some_credit = *acked_credits.rbegin();
  auto again = test::request(client, "POST", "/v1/celo/events/record",
                             json{{"txHash", some_credit.substr(0, 66)}}.dump());
  CHECK(again.status == 200);
  CHECK(again.body.at("newlyCredited") == 0);
  CHECK(WIFEXITED(backend.stop()));
}

TEST_CASE("process: the rate-limit flags reach the server") {
  test::TempDir dir;
  test::ChainState chain;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  test::FakeRpcServer node(chain);
  test::BackendProcess backend(
      backend_args(dir, dir.file("db.sqlite"), node.url(),
                   {"--write-rate", "1", "--write-burst", "3", "--read-rate", "0"}),
      dir.file("backend.log"));
  REQUIRE(backend.started());
  httplib::Client client("127.0.0.1", backend.port());
  const std::string nonce = json{{"account", kAlice}, {"chainId", 31337}}.dump();
  for (int i = 0; i < 3; ++i) {
    CHECK(test::request(client, "POST", "/v1/auth/nonce", nonce).status == 200);
  }
  auto limited = test::request(client, "POST", "/v1/auth/nonce", nonce);
  CHECK(limited.status == 429);
  CHECK(limited.body.at("error") == "too many requests");
  const auto retry_after = limited.headers.find("Retry-After");
  REQUIRE(retry_after != limited.headers.end());
  CHECK(retry_after->second == "1");
  // Reads are not limited here (--read-rate 0), and have a bucket of their own anyway.
  for (int i = 0; i < 50; ++i) CHECK(test::request(client, "GET", "/health").status == 200);
}
