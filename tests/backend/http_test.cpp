// The backend over real HTTP: the server in-process on a free port with a temporary
// database, talking JSON-RPC over HTTP to a fake node (FakeRpcServer).
#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <thread>

#include <httplib.h>

#include "chain/rpc_client.h"
#include "chain/scanner.h"
#include "chain/vault_reader.h"
#include "fake_rpc_server.h"
#include "http_harness.h"
#include "server/server.h"
#include "store/store.h"
#include "test_support.h"

using namespace acw::backend;
using acw::json;
using acw::uint128;

namespace {

using test::Harness;
using test::kStartMs;

const std::string kAlice = test::kAnvilAddress0;
const std::string kBob = test::kAnvilAddress1;
constexpr uint128 kWeiPerG = acw::kWeiPerG;

void add_deposit(test::ChainState& chain, int tx, const std::string& account, uint128 wei,
                 int64_t block = 5) {
  chain.add_receipt(test::receipt(
      test::tx_hash(tx), 1,
      {test::deposited_log(test::kOtherContract, test::tx_hash(tx), 0, block, account, account,
                           wei, 10000),
       test::deposited_log(test::kVault, test::tx_hash(tx), 1, block, account, account, wei,
                           10000)}));
}

// Sign-in: nonce -> personal_sign -> {account, nonce, signature}
json sign_in(Harness& h, const std::string& account, const char* key) {
  auto [status, nonce] = h.post("/v1/auth/nonce", {{"account", account}, {"chainId", 31337}},
                                {{"Origin", "http://localhost:5173"}});
  REQUIRE(status == 200);
  return {{"account", account},
          {"nonce", nonce.at("nonce")},
          {"signature", test::personal_sign(nonce.at("message").get<std::string>(), key)}};
}

}  // namespace

TEST_CASE("http: health, config values, quote") {
  test::TempDir dir;
  test::ChainState chain;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  Harness h(chain, dir.file("db.sqlite"));

  auto [hs, health] = h.get("/health");
  CHECK(hs == 200);
  CHECK(health.at("status") == "ok");

  auto [cs, config] = h.get("/config/values");
  REQUIRE(cs == 200);
  CHECK(config.at("priceMicroUsdPerG") == "10000");
  CHECK(config.at("priceSource") == "chain");
  CHECK(config.at("depositBonusBps") == 1000);
  CHECK(config.at("streamBonusBps") == 2000);
  CHECK(config.at("minFirstDepositMicroUsd") == "1000000");
  CHECK(config.at("minStreamMicroUsdPerMonth") == "2000000");
  CHECK(config.at("vaultAddress") == test::kVault);
  CHECK(config.at("tokenAddress") == "0x00000000000000000000000000000000000000a4");
  CHECK(config.at("forwarderAddress") == "0x00000000000000000000000000000000000000a5");
  CHECK(config.at("hostAddress").is_null());
  CHECK(config.at("chainId") == 31337);
  CHECK(config.at("chainIdHex") == "0x7a69");
  CHECK(config.at("chainName") == "Anvil (local)");
  CHECK(config.at("nativeSymbol") == "ETH");  // what the widget adds the chain with on 4902
  CHECK(config.at("rpcUrl").is_string());
  CHECK_FALSE(config.at("rpcUrl").get<std::string>().empty());
  CHECK(config.at("explorerUrl") == "");

  auto [qs, quote] = h.get("/v1/quote?gdAmountWei=100000000000000000000");
  REQUIRE(qs == 200);
  CHECK(quote.at("principalUsd") == "1000000");
  CHECK(quote.at("bonusUsd") == "100000");
  CHECK(quote.at("totalCreditUsd") == "1100000");
  CHECK(quote.at("credits") == "110");
  auto [ss, stream] = h.get("/v1/quote?gdAmountWei=100000000000000000000&source=stream");
  REQUIRE(ss == 200);
  CHECK(stream.at("bonusUsd") == "200000");

  for (const char* bad : {"/v1/quote", "/v1/quote?gdAmountWei=", "/v1/quote?gdAmountWei=-1",
                          "/v1/quote?gdAmountWei=1e18", "/v1/quote?gdAmountWei=0x10",
                          "/v1/quote?gdAmountWei=1&source=x", "/v1/quote?gdAmountWei=1&x=1",
                          "/v1/quote?gdAmountWei=1&gdAmountWei=2",
                          "/v1/quote?gdAmountWei=999999999999999999999999999999999999999999"}) {
    auto [status, body] = h.get(bad);
    CHECK_MESSAGE(status == 400, bad);
    CHECK_MESSAGE(body.at("error").is_object(), bad);
  }

  // The node down: the last good reading, marked stale.
  chain.down = true;
  auto [ds, down] = h.get("/config/values");
  CHECK(ds == 200);
  CHECK(down.at("priceSource") == "stale");
}

TEST_CASE("http: unknown routes, wrong methods, preflight, limits") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"));
  {  // A second server on a port in use fails to bind instead of sharing the port.
    BackendServer second(h.app());
    CHECK(second.bind("127.0.0.1", h.port()) == -1);
  }
  auto [s404, b404] = h.get("/nope");
  CHECK(s404 == 404);
  CHECK(b404.at("error") == "not found");
  CHECK(h.get("/v1/accounts/" + kAlice + "/profile/extra").first == 404);

  auto wrong = h.client().Put("/health", "{}", "application/json");
  REQUIRE(wrong);
  CHECK(wrong->status == 405);
  CHECK(wrong->get_header_value("Allow") == "GET, OPTIONS");
  CHECK(h.post("/health", json::object()).first == 405);
  CHECK(h.get("/v1/usage").first == 405);

  auto preflight = h.client().Options("/v1/usage", {{"Origin", "http://localhost:5173"},
                                                    {"Access-Control-Request-Method", "POST"}});
  REQUIRE(preflight);
  CHECK(preflight->status == 204);
  CHECK(preflight->get_header_value("Access-Control-Allow-Origin") == "*");
  CHECK(preflight->get_header_value("Access-Control-Allow-Headers").find("Authorization") !=
        std::string::npos);
  CHECK(preflight->get_header_value("Access-Control-Allow-Methods").find("DELETE") !=
        std::string::npos);

  auto [big, big_body] = h.post_raw("/v1/celo/events/record", std::string(70 * 1024, ' '));
  CHECK(big == 413);
  CHECK(big_body.at("error").is_string());

  auto [long_status, long_body] = h.get("/" + std::string(5000, 'a'));
  CHECK(long_status == 414);

  CHECK(h.post_raw("/v1/celo/events/record", "{\"txHash\":").first == 400);
  CHECK(h.post_raw("/v1/celo/events/record", "").first == 400);
  CHECK(h.post_raw("/v1/celo/events/record", "[]").first == 400);
  CHECK(h.post("/v1/celo/events/record", {{"txHash", 1}}).first == 400);
  CHECK(h.post("/v1/celo/events/record", {{"txHash", "0x1234"}}).first == 400);
  CHECK(h.post("/v1/celo/events/record", {{"tx", test::tx_hash(1)}}).first == 400);
  CHECK(h.get("/v1/accounts/0x123/profile").first == 400);
  CHECK(h.get("/v1/accounts/" + kAlice + "/profile?x=1").first == 400);
}

TEST_CASE("http: record -> profile -> credit history, exactly once") {
  test::TempDir dir;
  test::ChainState chain;
  chain.head = 10;
  Harness h(chain, dir.file("db.sqlite"));

  // Unknown to the node yet: pending.
  auto [ps, pending] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(1)}});
  CHECK(ps == 202);
  CHECK(pending.at("status") == "pending");

  add_deposit(chain, 1, kAlice, 100 * kWeiPerG);
  auto [rs, recorded] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(1)}});
  REQUIRE(rs == 200);
  CHECK(recorded.at("status") == "credited");
  CHECK(recorded.at("newlyCredited") == 1);
  REQUIRE(recorded.at("events").size() == 1);  // the other contract's log is not credited
  const json entry = recorded.at("events").at(0);
  CHECK(entry.at("id") == test::tx_hash(1) + ":1");
  CHECK(entry.at("account") == kAlice);
  CHECK(entry.at("source") == "deposit");
  CHECK(entry.at("gdAmountWei") == "100000000000000000000");
  CHECK(entry.at("principalUsd") == "1000000");
  CHECK(entry.at("bonusUsd") == "100000");
  CHECK(entry.at("totalCreditUsd") == "1100000");
  CHECK(entry.at("fundingStatus") == "funded");
  CHECK(entry.at("txHash") == test::tx_hash(1));
  CHECK(entry.at("createdAt") == "2024-05-01T12:00:00.000Z");
  CHECK(recorded.at("profile").at("remainingUsd") == "1100000");

  // Upper-case hash, same transaction: idempotent, the same entry.
  std::string upper = test::tx_hash(1);
  for (size_t i = 2; i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
  h.now += 60'000;
  auto [rs2, again] = h.post("/v1/celo/events/record", {{"txHash", upper}});
  REQUIRE(rs2 == 200);
  CHECK(again.at("newlyCredited") == 0);
  CHECK(again.at("events").at(0) == entry);

  auto [prs, profile] = h.get("/v1/accounts/" + kAlice + "/profile");
  REQUIRE(prs == 200);
  CHECK(profile.at("totalGdDepositedWei") == "100000000000000000000");
  CHECK(profile.at("totalPrincipalUsd") == "1000000");
  CHECK(profile.at("totalBonusUsd") == "100000");
  CHECK(profile.at("totalGDStreamedWei") == "0");
  CHECK(profile.at("streamFlowRateWeiPerSecond") == "0");
  CHECK(profile.at("lastStreamCreditAt").is_null());
  CHECK(profile.at("usedUsd") == "0");
  CHECK(profile.at("remainingUsd") == "1100000");
  CHECK(profile.at("stream").at("status") == "none");
  // Mixed-case account in the path is the same account.
  CHECK(h.get("/v1/accounts/0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266/profile").second ==
        profile);

  add_deposit(chain, 2, kAlice, 50 * kWeiPerG, 6);
  h.now += 60'000;
  REQUIRE(h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(2)}}).first == 200);
  auto [hs, history] = h.get("/v1/accounts/" + kAlice + "/credit-history?limit=1");
  REQUIRE(hs == 200);
  CHECK(history.at("total") == 2);
  CHECK(history.at("limit") == 1);
  CHECK(history.at("offset") == 0);
  CHECK(history.at("hasMore") == true);
  CHECK(history.at("items").at(0).at("id") == test::tx_hash(2) + ":1");  // newest first
  auto [hs2, rest] = h.get("/v1/accounts/" + kAlice + "/credit-history?limit=1&offset=1");
  CHECK(rest.at("hasMore") == false);
  CHECK(rest.at("items").at(0).at("id") == test::tx_hash(1) + ":1");
  CHECK(h.get("/v1/accounts/" + kAlice +
              "/credit-history?source=deposit&fundingStatus=funded&from=2024-05-01T12:01:00Z")
            .second.at("total") == 1);
  CHECK(h.get("/v1/accounts/" + kAlice + "/credit-history?to=2024-04-30").second.at("total") == 0);
  CHECK(h.get("/v1/accounts/" + kBob + "/credit-history").second.at("total") == 0);
  for (const char* q : {"?limit=0", "?limit=101", "?limit=abc", "?offset=-1", "?source=streams",
                        "?fundingStatus=done", "?from=yesterday", "?to=2024-13-01",
                        "?from=2024-05-02&to=2024-05-01", "?page=2"}) {
    CHECK_MESSAGE(h.get("/v1/accounts/" + kAlice + "/credit-history" + q).first == 400, q);
  }

  // Reverted, no deposit, node down.
  chain.add_receipt(test::receipt(test::tx_hash(3), 0, {}));
  auto [rv, reverted] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(3)}});
  CHECK(rv == 422);
  CHECK(reverted.at("status") == "reverted");
  chain.add_receipt(test::receipt(
      test::tx_hash(4), 1,
      {test::deposited_log(test::kOtherContract, test::tx_hash(4), 0, 7, kAlice, kAlice,
                           kWeiPerG, 10000)}));
  auto [nd, no_deposit] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(4)}});
  CHECK(nd == 422);
  CHECK(no_deposit.at("status") == "no_deposit");
  chain.down = true;
  CHECK(h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(9)}}).first == 502);
  chain.down = false;
  CHECK(h.get("/v1/accounts/" + kAlice + "/profile").second.at("totalPrincipalUsd") == "1500000");
}

TEST_CASE("http: API key from a sign-in, usage spending, 402, revoke, restart keeps data") {
  test::TempDir dir;
  const std::string db = dir.file("db.sqlite");
  test::ChainState chain;
  chain.head = 10;
  add_deposit(chain, 1, kAlice, 100 * kWeiPerG);  // 1,100,000 micro-USD of credit
  std::string token, key_id;
  {
    Harness h(chain, db);
    REQUIRE(h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(1)}}).first == 200);

    // The nonce's message names the page's origin and the checksummed account.
    auto [ns, nonce] = h.post("/v1/auth/nonce", {{"account", kAlice}, {"chainId", "0x7a69"}},
                              {{"Origin", "http://localhost:5173"}});
    REQUIRE(ns == 200);
    const std::string message = nonce.at("message");
    CHECK(message.rfind("localhost:5173 wants you to sign in with your Ethereum account:\n"
                        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\n",
                        0) == 0);
    CHECK(message.find("\nURI: http://localhost:5173\n") != std::string::npos);
    CHECK(message.find("\nChain ID: 31337\n") != std::string::npos);
    CHECK(message.find("\nExpiration Time: 2024-05-01T12:10:00.000Z") != std::string::npos);
    CHECK(nonce.at("nonce").get<std::string>().size() >= 16);
    CHECK(h.post("/v1/auth/nonce", {{"account", kAlice}, {"chainId", 1}}).first == 400);
    CHECK(h.post("/v1/auth/nonce", {{"account", "0x12"}, {"chainId", 31337}}).first == 400);
    CHECK(h.post("/v1/auth/nonce", {{"account", kAlice}}).first == 400);

    // A wrong signer, then the right one; the nonce then is spent.
    const json wrong = {{"account", kAlice},
                        {"nonce", nonce.at("nonce")},
                        {"signature", test::personal_sign(message, test::kAnvilKey1)}};
    auto [ws, wrong_body] = h.post("/v1/auth/api-keys", wrong);
    CHECK(ws == 401);
    CHECK(wrong_body.at("error").is_string());
    const json right = {{"account", kAlice},
                        {"nonce", nonce.at("nonce")},
                        {"signature", test::personal_sign(message, test::kAnvilKey0)}};
    auto [ks, created] = h.post("/v1/auth/api-keys", right);
    REQUIRE(ks == 200);
    token = created.at("token");
    // The same sign-in gives a read session for the usage log and the key list.
    const httplib::Headers session = {
        {"Authorization", "Bearer " + created.at("readSession").at("token").get<std::string>()}};
    key_id = created.at("apiKey").at("id");
    CHECK(token.rfind("gd_live_", 0) == 0);
    CHECK(token.size() == 72);
    CHECK(created.at("apiKey").at("tokenPrefix") == token.substr(0, 12));
    CHECK(created.at("apiKey").at("lastUsedAt").is_null());
    CHECK(created.at("apiKey").at("revokedAt").is_null());
    CHECK(h.post("/v1/auth/api-keys", right).first == 401);  // single use
    CHECK(h.post("/v1/auth/api-keys", {{"account", kAlice}, {"nonce", "x"}}).first == 400);

    // An expired nonce.
    json late = sign_in(h, kAlice, test::kAnvilKey0);
    h.now += 10 * 60 * 1000 + 1;
    auto [es, expired] = h.post("/v1/auth/api-keys", late);
    CHECK(es == 401);
    CHECK(expired.at("error").get<std::string>().find("expired") != std::string::npos);

    // The listing shows metadata, never the token.
    auto [ls, list] = h.get("/v1/accounts/" + kAlice + "/api-keys", session);
    REQUIRE(ls == 200);
    REQUIRE(list.at("items").size() == 1);
    CHECK(list.at("items").at(0).at("id") == key_id);
    CHECK(list.dump().find(token) == std::string::npos);
    CHECK(list.dump().find(token.substr(12)) == std::string::npos);

    // Usage spends credits; the same requestId again is idempotent.
    const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
    const json use = {{"model", "gpt-4o"}, {"requestId", "r1"}, {"costUsd", "600000"}};
    auto [us, used] = h.post("/v1/usage", use, auth);
    REQUIRE(us == 200);
    CHECK(used.at("remainingUsd") == "500000");
    CHECK(used.at("duplicate") == false);
    CHECK(used.at("usage").at("costUsd") == "600000");
    auto [us2, repeat] = h.post("/v1/usage", use, auth);
    CHECK(us2 == 200);
    CHECK(repeat.at("duplicate") == true);
    CHECK(repeat.at("remainingUsd") == "500000");
    CHECK(h.post("/v1/usage", {{"model", "gpt-4o"}, {"requestId", "r1"}, {"costUsd", "1"}}, auth)
              .first == 409);
    auto [ps, poor] =
        h.post("/v1/usage", {{"model", "gpt-4o"}, {"requestId", "r2"}, {"costUsd", "500001"}}, auth);
    CHECK(ps == 402);
    CHECK(poor.at("error") == "insufficient credits");
    CHECK(h.post("/v1/usage", {{"model", "m"}, {"requestId", "r3"}, {"costUsd", "500000"}}, auth)
              .first == 200);
    CHECK(h.post("/v1/usage", {{"model", "m"}, {"requestId", "r4"}, {"costUsd", "1"}}, auth).first ==
          402);

    // Bad keys and bad bodies.
    CHECK(h.post("/v1/usage", use).first == 401);
    CHECK(h.post("/v1/usage", use, {{"Authorization", "Bearer gd_live_" + std::string(64, '0')}})
              .first == 401);
    CHECK(h.post("/v1/usage", use, {{"Authorization", "Basic abc"}}).first == 401);
    CHECK(h.post("/v1/usage", {{"model", 1}, {"requestId", "r"}, {"costUsd", "1"}}, auth).first ==
          400);
    CHECK(h.post("/v1/usage", {{"model", "m"}, {"requestId", "r"}, {"costUsd", 1}}, auth).first ==
          400);
    CHECK(h.post("/v1/usage", {{"model", "m"}, {"requestId", "r"}, {"costUsd", "1.5"}}, auth)
              .first == 400);

    auto [gs, usage] = h.get("/v1/accounts/" + kAlice + "/usage?limit=10", session);
    REQUIRE(gs == 200);
    CHECK(usage.at("total") == 2);
    CHECK(usage.at("hasMore") == false);
    CHECK(usage.at("items").at(0).at("requestId") == "r3");
    CHECK(usage.at("items").at(1).at("model") == "gpt-4o");
    CHECK(usage.at("items").at(1).at("costUsd") == "600000");
    CHECK(h.get("/v1/accounts/" + kAlice + "/usage?limit=1000", session).first == 400);
    auto [pfs, profile] = h.get("/v1/accounts/" + kAlice + "/profile");
    CHECK(profile.at("usedUsd") == "1100000");
    CHECK(profile.at("remainingUsd") == "0");
    CHECK(h.get("/v1/accounts/" + kAlice + "/api-keys", session).second.at("items").at(0)
              .at("lastUsedAt").is_string());
  }

  // Restart on the same database: credits, keys and usage are still there.
  {
    Harness h(chain, db);
    auto [ps, profile] = h.get("/v1/accounts/" + kAlice + "/profile");
    REQUIRE(ps == 200);
    CHECK(profile.at("totalPrincipalUsd") == "1000000");
    CHECK(profile.at("usedUsd") == "1100000");
    const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
    CHECK(h.get("/v1/accounts/" + kAlice + "/usage", auth).second.at("total") == 2);  // by the key
    // The key still works; the credits are exhausted, so even a free request is 402.
    auto [fs, free_use] = h.post("/v1/usage", {{"model", "m"}, {"requestId", "r5"}, {"costUsd", "0"}}, auth);
    CHECK(fs == 402);
    CHECK(free_use.at("remainingUsd") == "0");
    // Re-recording the old payment after the restart credits nothing new.
    CHECK(h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(1)}}).second.at(
              "newlyCredited") == 0);

    // Revoke: another account's key cannot; the key itself can; then it is refused.
    json bob = sign_in(h, kBob, test::kAnvilKey1);
    auto [bs, bob_key] = h.post("/v1/auth/api-keys", bob);
    REQUIRE(bs == 200);
    const std::string bob_token = bob_key.at("token");
    CHECK(h.del("/v1/auth/api-keys/" + key_id, "", {{"Authorization", "Bearer " + bob_token}})
              .first == 403);
    CHECK(h.del("/v1/auth/api-keys/key_ffffffffffffffff", "", auth).first == 404);
    CHECK(h.del("/v1/auth/api-keys/nope", "", auth).first == 400);
    CHECK(h.del("/v1/auth/api-keys/" + key_id, "").first == 401);
    auto [rs, revoked] = h.del("/v1/auth/api-keys/" + key_id, "", auth);
    REQUIRE(rs == 200);
    CHECK(revoked.at("apiKey").at("revokedAt").is_string());
    CHECK(h.post("/v1/usage", {{"model", "m"}, {"requestId", "r6"}, {"costUsd", "0"}}, auth).first ==
          401);
    CHECK(h.del("/v1/auth/api-keys/" + key_id, "", auth).first == 401);  // a revoked key

    // Bob revokes his own key with a fresh sign-in; a stale or foreign sign-in cannot.
    const std::string bob_id = bob_key.at("apiKey").at("id");
    json alice_login = sign_in(h, kAlice, test::kAnvilKey0);
    CHECK(h.del("/v1/auth/api-keys/" + bob_id, alice_login.dump()).first == 403);
    json bob_login = sign_in(h, kBob, test::kAnvilKey1);
    auto [bds, bob_revoked] = h.del("/v1/auth/api-keys/" + bob_id, bob_login.dump());
    REQUIRE(bds == 200);
    CHECK(bob_revoked.at("apiKey").at("revokedAt").is_string());
    CHECK(h.del("/v1/auth/api-keys/" + bob_id, bob_login.dump()).first == 401);  // nonce spent
    CHECK(h.del("/v1/auth/api-keys/" + bob_id, "{\"account\":1}").first == 400);
  }
}

TEST_CASE("http: the scanner credits a payment whose hash was never recorded") {
  test::TempDir dir;
  test::ChainState chain;
  chain.head = 20;
  add_deposit(chain, 7, kBob, 10 * kWeiPerG, 15);
  Harness h(chain, dir.file("db.sqlite"));
  test::FakeRpc direct(chain);
  Scanner scanner(direct, h.store(), test::scanner_config(), [] { return kStartMs; });
  CHECK(scanner.scan_once().newly_credited == 1);
  auto [ps, profile] = h.get("/v1/accounts/" + kBob + "/profile");
  CHECK(profile.at("totalPrincipalUsd") == "100000");
  // The widget recording the same hash later gets the same entry, not a second credit.
  auto [rs, recorded] = h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(7)}});
  CHECK(rs == 200);
  CHECK(recorded.at("newlyCredited") == 0);
  CHECK(h.get("/v1/accounts/" + kBob + "/profile").second.at("totalPrincipalUsd") == "100000");
}

TEST_CASE("http: garbage in, JSON 4xx out, never a crash") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"));
  const std::vector<std::string> bodies = {
      "", "null", "0", "\"s\"", "[]", "{}", "{\"account\":null}", "{\"account\":[]}",
      "{\"account\":{}}", "{\"txHash\":1e400}", "{\"a\":" + std::string(500, '[') + "}",
      "{\"account\":\"0x" + std::string(40, 'g') + "\"}", "\xff\xfe", "{\"nonce\":\"\\u0000\"}",
      "{\"chainId\":-1,\"account\":\"" + kAlice + "\"}",
      "{\"chainId\":1.5,\"account\":\"" + kAlice + "\"}",
      "{\"chainId\":\"0x\",\"account\":\"" + kAlice + "\"}",
      "{\"model\":\"m\",\"requestId\":\"r\",\"costUsd\":\"340282366920938463463374607431768211456\"}",
      // Valid JSON 5,000 levels deep (10 KB): refused while parsing, never copied.
      "{\"a\":" + std::string(4999, '[') + std::string(4999, ']') + "}",
      [] {
        std::string deep;
        for (int i = 0; i < 5000; ++i) deep += "{\"a\":";
        return deep + "1" + std::string(5000, '}');
      }()};
  const std::vector<std::string> posts = {"/v1/celo/events/record", "/v1/auth/nonce",
                                          "/v1/auth/api-keys", "/v1/usage"};
  for (const auto& path : posts) {
    for (const auto& body : bodies) {
      auto [status, json_body] = h.post_raw(path, body, {{"Authorization", "Bearer x"}});
      const std::string what = path + " " + body.substr(0, 40);
      CHECK_MESSAGE((status >= 400 && status < 500), what);
    }
  }
  for (const char* path :
       {"/v1/accounts//profile", "/v1/accounts/%00/profile", "/v1/accounts/0x%zz/usage",
        "/v1/accounts/" "0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226g/api-keys",
        "/v1/accounts/0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266/credit-history?limit=1%00",
        "/v1/quote?gdAmountWei=%FF", "/config/values?%zz=1"}) {
    auto [status, body] = h.get(path);
    CHECK_MESSAGE((status >= 400 && status < 500), path);
  }
}

TEST_CASE("http: concurrent usage never spends more than the balance") {
  test::TempDir dir;
  test::ChainState chain;
  chain.head = 10;
  add_deposit(chain, 1, kAlice, 100 * kWeiPerG);  // 1,100,000 micro-USD
  Harness h(chain, dir.file("db.sqlite"));
  REQUIRE(h.post("/v1/celo/events/record", {{"txHash", test::tx_hash(1)}}).first == 200);
  auto [ks, key] = h.post("/v1/auth/api-keys", sign_in(h, kAlice, test::kAnvilKey0));
  REQUIRE(ks == 200);
  const std::string token = key.at("token");
  const int port = h.port();

  constexpr int kThreads = 6;
  constexpr int kEach = 10;  // 60 requests of 25,000 = 1,500,000 > 1,100,000 -> 44 fit
  std::atomic<int> accepted{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", port);
      for (int i = 0; i < kEach; ++i) {
        const json body = {{"model", "m"},
                           {"requestId", "t" + std::to_string(t) + "-" + std::to_string(i)},
                           {"costUsd", "25000"}};
        auto res = client.Post("/v1/usage", {{"Authorization", "Bearer " + token}}, body.dump(),
                               "application/json");
        if (res && res->status == 200) {
          ++accepted;
        } else if (res && res->status == 402) {
          ++refused;
        } else {
          ++other;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(other == 0);
  CHECK(accepted == 44);
  CHECK(refused == kThreads * kEach - 44);
  auto profile = h.get("/v1/accounts/" + kAlice + "/profile").second;
  CHECK(profile.at("usedUsd") == "1100000");
  CHECK(profile.at("remainingUsd") == "0");
}

TEST_CASE("http: sign-in only for the configured sites; a nonce only from its own site") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"));  // configured: http://localhost:5173
  const json ask = {{"account", kAlice}, {"chainId", 31337}};
  // Another site's page never gets a message with its own domain, nor any other.
  auto [evil_status, evil] = h.post("/v1/auth/nonce", ask, {{"Origin", "https://evil.example"}});
  CHECK(evil_status == 403);
  CHECK(evil.at("error") == "sign-in is not offered to this site");
  CHECK(h.post("/v1/auth/nonce", ask, {{"Origin", "null"}}).first == 403);
  // A client without Origin (a tool) gets the configured site; the Host header is not read.
  auto [tool_status, tool] = h.post("/v1/auth/nonce", ask, {{"Host", "evil.example"}});
  REQUIRE(tool_status == 200);
  CHECK(tool.at("domain") == "localhost:5173");
  CHECK(tool.at("message").get<std::string>().rfind("localhost:5173 wants you to sign in", 0) == 0);
  // A nonce of the configured site, signed, then sent from another site's page: refused.
  auto [ns, nonce] = h.post("/v1/auth/nonce", ask, {{"Origin", "http://localhost:5173"}});
  REQUIRE(ns == 200);
  const json signed_in = {{"account", kAlice},
                          {"nonce", nonce.at("nonce")},
                          {"signature", test::personal_sign(nonce.at("message").get<std::string>(),
                                                            test::kAnvilKey0)}};
  auto [stolen, why] = h.post("/v1/auth/api-keys", signed_in, {{"Origin", "https://evil.example"}});
  CHECK(stolen == 401);
  CHECK(why.at("error") == "the nonce was issued for another site");
  CHECK(h.post("/v1/auth/api-keys", signed_in, {{"Origin", "http://localhost:5173"}}).first == 200);
}
