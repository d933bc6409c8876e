// Reading an account's usage log and key list needs the account: a read session from a
// sign-in (POST /v1/auth/session, or the API key creation's readSession), or the account's
// own live API key, as "Authorization: Bearer …". Without one: 401; another account's: 403.
#include <doctest/doctest.h>

#include "backend_process.h"
#include "http_harness.h"

using namespace acw::backend;
using test::Harness;
using acw::json;

namespace {

const std::string kAlice = test::kAnvilAddress0;
const std::string kBob = test::kAnvilAddress1;

json sign_in(Harness& h, const std::string& account, const char* key) {
  auto [status, nonce] = h.post("/v1/auth/nonce", {{"account", account}, {"chainId", 31337}},
                                {{"Origin", "http://localhost:5173"}});
  REQUIRE(status == 200);
  return {{"account", account},
          {"nonce", nonce.at("nonce")},
          {"signature", test::personal_sign(nonce.at("message").get<std::string>(), key)}};
}

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

}  // namespace

TEST_CASE("read sessions: the usage log and the key list answer only the account") {
  test::TempDir dir;
  test::ChainState chain;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  Harness h(chain, dir.file("db.sqlite"));
  const std::string usage = "/v1/accounts/" + kAlice + "/usage";
  const std::string keys = "/v1/accounts/" + kAlice + "/api-keys";

  // Without credentials, or with something else: 401 and the Bearer challenge.
  for (const std::string& path : {usage, keys}) {
    auto res = h.client().Get(path.c_str());
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(res->get_header_value("WWW-Authenticate").find("Bearer") == 0);
    CHECK(h.get(path, bearer("gd_read_" + std::string(64, '0'))).first == 401);
    CHECK(h.get(path, bearer("gd_live_" + std::string(64, '0'))).first == 401);
    CHECK(h.get(path, {{"Authorization", "Basic YWxpY2U6eA=="}}).first == 401);
  }

  // A session from a sign-in.
  auto [ss, signed_in] = h.post("/v1/auth/session", sign_in(h, kAlice, test::kAnvilKey0));
  REQUIRE(ss == 200);
  const std::string session = signed_in.at("readSession").at("token");
  CHECK(session.rfind("gd_read_", 0) == 0);
  CHECK(session.size() == 72);
  CHECK(signed_in.at("readSession").at("account") == kAlice);
  CHECK(signed_in.at("readSession").at("expiresAt") == "2024-05-01T12:30:00.000Z");
  auto [us, page] = h.get(usage, bearer(session));
  CHECK(us == 200);
  CHECK(page.at("total") == 0);
  auto [ks, list] = h.get(keys, bearer(session));
  CHECK(ks == 200);
  CHECK(list.at("items").empty());

  // A sign-in is needed: a wrong signer or a spent nonce get no session.
  json wrong = sign_in(h, kAlice, test::kAnvilKey1);
  CHECK(h.post("/v1/auth/session", wrong).first == 401);
  json once = sign_in(h, kAlice, test::kAnvilKey0);
  CHECK(h.post("/v1/auth/session", once).first == 200);
  CHECK(h.post("/v1/auth/session", once).first == 401);
  CHECK(h.post("/v1/auth/session", {{"account", kAlice}}).first == 400);

  // Creating a key returns a session too; the key itself reads its account.
  auto [cs, created] = h.post("/v1/auth/api-keys", sign_in(h, kAlice, test::kAnvilKey0));
  REQUIRE(cs == 200);
  const std::string key = created.at("token");
  CHECK(h.get(keys, bearer(created.at("readSession").at("token"))).second.at("items").size() == 1);
  CHECK(h.get(usage, bearer(key)).first == 200);

  // Bob's session and Bob's key do not read Alice's data.
  auto [bs, bob] = h.post("/v1/auth/api-keys", sign_in(h, kBob, test::kAnvilKey1));
  REQUIRE(bs == 200);
  for (const std::string& path : {usage, keys}) {
    CHECK(h.get(path, bearer(bob.at("readSession").at("token"))).first == 403);
    CHECK(h.get(path, bearer(bob.at("token"))).first == 403);
  }
  CHECK(h.get("/v1/accounts/" + kBob + "/usage", bearer(bob.at("token"))).first == 200);

  // A revoked key reads nothing; a session expires after 30 minutes.
  CHECK(h.del("/v1/auth/api-keys/" + created.at("apiKey").at("id").get<std::string>(), "",
              bearer(key)).first == 200);
  CHECK(h.get(usage, bearer(key)).first == 401);
  h.now += 30 * 60 * 1000 - 1;
  CHECK(h.get(usage, bearer(session)).first == 200);
  h.now += 1;
  auto [es, expired] = h.get(usage, bearer(session));
  CHECK(es == 401);
  CHECK(expired.at("error").get<std::string>().find("expired") != std::string::npos);
}

TEST_CASE("read sessions: only the token's SHA-256 is stored") {
  test::TempDir dir;
  test::ChainState chain;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  Harness h(chain, dir.file("db.sqlite"));
  auto [ss, signed_in] = h.post("/v1/auth/session", sign_in(h, kAlice, test::kAnvilKey0));
  REQUIRE(ss == 200);
  const std::string session = signed_in.at("readSession").at("token");
  CHECK(test::read_file(dir.file("db.sqlite-wal")).find(session.substr(8)) ==
        std::string::npos);
  CHECK(test::read_file(dir.file("db.sqlite")).find(session.substr(8)) == std::string::npos);
}
