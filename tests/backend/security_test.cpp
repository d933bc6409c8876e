// Secrets: API keys are stored as SHA-256 only (not in the database file, not in its WAL),
// and no key, signature or key digest reaches a log line of the real binary during a
// sign-in -> key -> usage -> revoke flow; the log's last-resort redaction.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "backend_process.h"
#include "crypto/sha256.h"
#include "fake_rpc_server.h"
#include "test_support.h"
#include "util/log.h"

using namespace acw::backend;
using acw::json;

namespace {

const std::string kAlice = test::kAnvilAddress0;
const std::string kBob = test::kAnvilAddress1;

std::string strip_0x(const std::string& hex) { return hex.rfind("0x", 0) == 0 ? hex.substr(2) : hex; }

}  // namespace

TEST_CASE("log redaction: API key tokens and long hex runs, never transaction hashes") {
  const std::string token = "gd_live_" + std::string(64, 'a');
  const std::string signature = "0x" + std::string(130, 'b');
  const std::string tx = "0x" + std::string(64, 'c');
  CHECK(redact_secrets("GET /v1/x/" + token + " 404") == "GET /v1/x/gd_live_[redacted] 404");
  CHECK(redact_secrets("sig " + signature + ".") == "sig 0x[redacted].");
  CHECK(redact_secrets("credited " + tx + ":1 to 0xf39f") == "credited " + tx + ":1 to 0xf39f");
  CHECK(redact_secrets("gd_live_") == "gd_live_[redacted]");
  const std::string session = "gd_read_" + std::string(64, 'd');  // 64 digits: a hash's length
  CHECK(redact_secrets("Bearer " + session + ".") == "Bearer gd_read_[redacted].");
  CHECK(redact_secrets("") == "");
  CHECK(redact_secrets("plain text, 12 ab") == "plain text, 12 ab");
}

TEST_CASE("process: no key, signature or key digest in any log line; keys hashed at rest") {
  test::TempDir dir;
  test::ChainState chain;
  chain.head = 10;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  const std::string tx = test::tx_hash(1);
  chain.add_receipt(test::receipt(
      tx, 1, {test::deposited_log(test::kVault, tx, 0, 5, kAlice, kAlice, 100 * acw::kWeiPerG, 10000)}));
  test::FakeRpcServer node(chain);
  const std::string db = dir.file("db.sqlite");
  const std::string log = dir.file("backend.log");
  test::BackendProcess backend({"--siwe-origin", "http://localhost:5173",
                                "--db", db, "--deployment", test::write_deployment(dir, node.url()),
                                "--scan-interval-ms", "0"},
                               log);
  REQUIRE(backend.started());
  httplib::Client client("127.0.0.1", backend.port());
  const httplib::Headers origin = {{"Origin", "http://localhost:5173"}};
  std::vector<std::string> secrets;  // what must never be logged

  REQUIRE(test::request(client, "POST", "/v1/celo/events/record", json{{"txHash", tx}}.dump())
              .status == 200);

  // A sign-in with the wrong signer first (401), then the right one.
  auto nonce = test::request(client, "POST", "/v1/auth/nonce",
                             json{{"account", kAlice}, {"chainId", 31337}}.dump(), origin);
  REQUIRE(nonce.status == 200);
  const std::string message = nonce.body.at("message");
  const std::string wrong = test::personal_sign(message, test::kAnvilKey1);
  const std::string right = test::personal_sign(message, test::kAnvilKey0);
  secrets.push_back(strip_0x(wrong));
  secrets.push_back(strip_0x(right));
  secrets.push_back(nonce.body.at("nonce"));
  const json sign_in = {{"account", kAlice}, {"nonce", nonce.body.at("nonce")}};
  json bad = sign_in;
  bad["signature"] = wrong;
  CHECK(test::request(client, "POST", "/v1/auth/api-keys", bad.dump()).status == 401);
  json good = sign_in;
  good["signature"] = right;
  auto created = test::request(client, "POST", "/v1/auth/api-keys", good.dump());
  REQUIRE(created.status == 200);
  const std::string token = created.body.at("token");
  const std::string key_id = created.body.at("apiKey").at("id");
  const std::string session = created.body.at("readSession").at("token");
  secrets.push_back(session);
  secrets.push_back(session.substr(8));
  secrets.push_back(token);
  secrets.push_back(token.substr(8));  // its 64 hex digits alone
  secrets.push_back(sha256_hex(token));
  CHECK(test::request(client, "POST", "/v1/auth/api-keys", good.dump()).status == 401);  // spent

  // Spending, listing, a wrong key of the right form, a key put in a path by mistake.
  const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
  const std::string use = json{{"model", "m"}, {"requestId", "r1"}, {"costUsd", "1000"}}.dump();
  CHECK(test::request(client, "POST", "/v1/usage", use, auth).status == 200);
  CHECK(test::request(client, "POST", "/v1/usage", use, auth).status == 200);  // duplicate
  const std::string other = "gd_live_" + std::string(64, '7');
  secrets.push_back(other);
  CHECK(test::request(client, "POST", "/v1/usage", use, {{"Authorization", "Bearer " + other}})
            .status == 401);
  const httplib::Headers read = {{"Authorization", "Bearer " + session}};
  CHECK(test::request(client, "GET", "/v1/accounts/" + kAlice + "/api-keys", "", read).status ==
        200);
  CHECK(test::request(client, "GET", "/v1/keys/" + token).status == 404);
  CHECK(test::request(client, "GET", "/v1/accounts/" + kAlice + "/usage", "", read).status == 200);
  CHECK(test::request(client, "GET", "/v1/accounts/" + kAlice + "/usage", "", auth).status == 200);

  // Bob: a key revoked by a fresh sign-in (a signature in a DELETE body); Alice's key revoked
  // by itself.
  auto bob_nonce = test::request(client, "POST", "/v1/auth/nonce",
                                 json{{"account", kBob}, {"chainId", 31337}}.dump(), origin);
  REQUIRE(bob_nonce.status == 200);
  const std::string bob_sig =
      test::personal_sign(bob_nonce.body.at("message").get<std::string>(), test::kAnvilKey1);
  secrets.push_back(strip_0x(bob_sig));
  auto bob_key = test::request(
      client, "POST", "/v1/auth/api-keys",
      json{{"account", kBob}, {"nonce", bob_nonce.body.at("nonce")}, {"signature", bob_sig}}.dump());
  REQUIRE(bob_key.status == 200);
  secrets.push_back(bob_key.body.at("token"));
  auto bob_nonce2 = test::request(client, "POST", "/v1/auth/nonce",
                                  json{{"account", kBob}, {"chainId", 31337}}.dump(), origin);
  const std::string bob_sig2 =
      test::personal_sign(bob_nonce2.body.at("message").get<std::string>(), test::kAnvilKey1);
  secrets.push_back(strip_0x(bob_sig2));
  CHECK(test::request(client, "DELETE",
                      "/v1/auth/api-keys/" + bob_key.body.at("apiKey").at("id").get<std::string>(),
                      json{{"account", kBob},
                           {"nonce", bob_nonce2.body.at("nonce")},
                           {"signature", bob_sig2}}
                          .dump())
            .status == 200);
  CHECK(test::request(client, "DELETE", "/v1/auth/api-keys/" + key_id, "", auth).status == 200);
  CHECK(test::request(client, "POST", "/v1/usage", use, auth).status == 401);  // revoked

  // At rest: the digest and the 12-character prefix only; the token is nowhere in the file
  // or its WAL (read as bytes, before any checkpoint could move things around).
  for (const char* file : {"db.sqlite", "db.sqlite-wal"}) {
    const std::string bytes = test::read_file(dir.file(file));
    for (const std::string& t : {token, token.substr(8), bob_key.body.at("token").get<std::string>()}) {
      CHECK_MESSAGE(bytes.find(t) == std::string::npos, file);
    }
  }
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, "SELECT token_sha256, token_prefix FROM api_keys WHERE id = ?",
                               -1, &stmt, nullptr) == SQLITE_OK);
    sqlite3_bind_text(stmt, 1, key_id.c_str(), -1, SQLITE_TRANSIENT);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) ==
          sha256_hex(token));
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1))) ==
          token.substr(0, 12));
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
  }

  // The log: it did log the flow (method, path, status), and none of the secrets.
  CHECK(WIFEXITED(backend.stop()));
  const std::string text = test::read_file(log);
  CHECK(text.find("POST /v1/auth/api-keys 200") != std::string::npos);
  CHECK(text.find("POST /v1/auth/api-keys 401") != std::string::npos);
  CHECK(text.find("POST /v1/usage 200") != std::string::npos);
  CHECK(text.find("DELETE /v1/auth/api-keys/" + key_id + " 200") != std::string::npos);
  CHECK(text.find("GET /v1/keys/gd_live_[redacted] 404") != std::string::npos);
  for (const std::string& secret : secrets) CHECK_MESSAGE(text.find(secret) == std::string::npos, secret);
  // Nor any piece of a key longer than its public 12-character prefix.
  CHECK(text.find(token.substr(0, 13)) == std::string::npos);
}
