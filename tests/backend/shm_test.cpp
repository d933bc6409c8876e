// The real binary against a database whose "-shm" file (SQLite's memory-mapped WAL index) is
// truncated while it runs: the next read of the mapping raises SIGBUS. The backend must stop
// with a message that names the file and says what to do (not die without a word), and a
// restart on the same database serves what was credited before.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include "backend_process.h"
#include "fake_rpc_server.h"
#include "test_support.h"
#include "util/sigbus_guard.h"

using namespace acw::backend;
using acw::json;

namespace {

std::vector<std::string> args_for(const test::TempDir& dir, const std::string& db,
                                  const std::string& rpc_url) {
  return {"--db", db, "--deployment", test::write_deployment(dir, rpc_url),
          "--scan-interval-ms", "0", "--price-cache-ms", "0", "--read-rate", "0",
          "--write-rate", "0", "--siwe-origin", "http://localhost:5173"};
}

}  // namespace

TEST_CASE("process: a -shm file truncated under the running backend stops it with a clear message") {
  test::TempDir dir;
  test::ChainState chain;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  const std::string account = test::kAnvilAddress0;
  const std::string tx = test::tx_hash(1);
  chain.add_receipt(test::receipt(
      tx, 1,
      {test::deposited_log(test::kVault, tx, 0, 5, account, account, 3 * acw::kWeiPerG, 10000)}));
  test::FakeRpcServer node(chain);
  const std::string db = dir.file("db.sqlite");
  const std::string log = dir.file("backend.log");
  const std::string profile = "/v1/accounts/" + account + "/profile";
  std::string total_before;
  {
    test::BackendProcess backend(args_for(dir, db, node.url()), log);
    REQUIRE(backend.started());
    httplib::Client client("127.0.0.1", backend.port());
    REQUIRE(test::request(client, "POST", "/v1/celo/events/record", json{{"txHash", tx}}.dump())
                .status == 200);
    auto before = test::request(client, "GET", profile);
    REQUIRE(before.status == 200);
    total_before = before.body.at("totalCreditUsd").get<std::string>();
    CHECK(total_before != "0");

    REQUIRE(truncate((db + "-shm").c_str(), 0) == 0);
    auto after = test::request(client, "GET", profile);
    CHECK(after.status == -1);  // no answer: the process stopped
    const int status = backend.wait_exit(10000);
    REQUIRE(status != -1);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == kSigbusExitCode);
    const std::string text = test::read_file(log);
    CHECK(text.find("SIGBUS") != std::string::npos);
    CHECK(text.find(db + "-shm") != std::string::npos);  // the file, named
    CHECK(text.find("start the backend again") != std::string::npos);
  }
  test::BackendProcess again(args_for(dir, db, node.url()), log);
  REQUIRE(again.started());
  httplib::Client client("127.0.0.1", again.port());
  auto restarted = test::request(client, "GET", profile);
  REQUIRE(restarted.status == 200);
  CHECK(restarted.body.at("totalCreditUsd") == total_before);
  CHECK(WIFEXITED(again.stop()));
}
