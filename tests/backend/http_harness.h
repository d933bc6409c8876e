// One running backend for the HTTP tests: the server in-process on a free port with a
// temporary database, talking JSON-RPC over HTTP to a fake node (FakeRpcServer); a scanner
// the routes sync through (its background loop is not started: tests call scan_once()).
#pragma once
#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <string>
#include <utility>

#include <httplib.h>

#include "chain/rpc_client.h"
#include "chain/scanner.h"
#include "chain/vault_reader.h"
#include "fake_rpc_server.h"
#include "server/server.h"
#include "store/store.h"
#include "test_support.h"

namespace acw::backend::test {

using acw::json;

inline constexpr int64_t kStartMs = 1'714'564'800'000;  // 2024-05-01T12:00:00Z

// One running backend: fake node, store, server, and a client for it.
class Harness {
 public:
  Harness(ChainState& chain, const std::string& db_path,
          ScannerConfig scan = scanner_config(), RateLimits limits = {}, HttpLimits http = {})
      : node_(chain),
        rpc_(*parse_http_url(node_.url()).value),
        vault_(rpc_, kVault, std::nullopt, 0, [this] { return now.load(); }),
        scanner_(rpc_, store_, scan, [this] { return now.load(); }) {
    std::string error;
    REQUIRE(store_.open(db_path, error));
    AppConfig config;
    config.deployment.chain_id = 31337;
    config.deployment.rpc_url = node_.url();
    config.deployment.vault = kVault;
    config.deployment.token = kToken;
    config.deployment.cfa = kCfa;
    config.deployment.forwarder = "0x00000000000000000000000000000000000000a5";
    config.stream_bonus_bps = scan.stream_bonus_bps;
    config.siwe_origins = {SiweOrigin{"localhost:5173", "http://localhost:5173"}};
    config.rate_limits = limits;  // none unless a test asks
    config.http = http;
    config.confirmations = scan.confirmations;
    app_ = std::make_unique<App>(
        App{config, store_, rpc_, vault_, scanner_, [this] { return now.load(); }});
    server_ = std::make_unique<BackendServer>(*app_);
    port_ = server_->bind("127.0.0.1", 0);
    REQUIRE(port_ > 0);
    server_->start_thread();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(std::chrono::seconds(10));
  }
  ~Harness() {
    server_->stop();
    scanner_.stop();
  }

  httplib::Client& client() { return *client_; }
  App& app() { return *app_; }
  int port() const { return port_; }
  Store& store() { return store_; }
  Scanner& scanner() { return scanner_; }

  // Status and parsed JSON body; checks that every answer is JSON with open CORS.
  std::pair<int, json> get(const std::string& path, const httplib::Headers& headers = {}) {
    return check(client_->Get(path.c_str(), headers));
  }
  std::pair<int, json> post(const std::string& path, const json& body,
                            const httplib::Headers& headers = {}) {
    return post_raw(path, body.dump(), headers);
  }
  std::pair<int, json> post_raw(const std::string& path, const std::string& body,
                                const httplib::Headers& headers = {}) {
    return check(client_->Post(path.c_str(), headers, body, "application/json"));
  }
  std::pair<int, json> del(const std::string& path, const std::string& body,
                           const httplib::Headers& headers = {}) {
    return check(client_->Delete(path.c_str(), headers, body, "application/json"));
  }

  std::atomic<int64_t> now{kStartMs};

 private:
  static std::pair<int, json> check(const httplib::Result& res) {
    REQUIRE(res);
    CHECK(res->get_header_value("Access-Control-Allow-Origin") == "*");
    if (res->status == 204) return {res->status, json()};
    CHECK(res->get_header_value("Content-Type") == "application/json");
    auto body = acw::parse_json(res->body);
    REQUIRE_MESSAGE(body.ok(), res->body);
    if (res->status >= 400) {
      CHECK_MESSAGE(body.value->contains("error"), res->body);
    }
    return {res->status, *body.value};
  }

  FakeRpcServer node_;
  HttpJsonRpc rpc_;
  VaultReader vault_;
  Store store_;
  Scanner scanner_;
  std::unique_ptr<App> app_;
  std::unique_ptr<BackendServer> server_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = -1;
};

}  // namespace acw::backend::test
