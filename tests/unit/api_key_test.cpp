// API keys: sign-in, the key shown once, masked afterwards, revoke and rotate.
#include <doctest/doctest.h>

#include "core/derive.h"
#include "core/view_model_build.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

const std::string kToken64 = "gd_live_" + std::string(64, 'f');

}  // namespace

TEST_CASE("create: nonce, personal_sign of the message, key shown once then masked") {
  State s = with_backend();
  auto fx = reduce(s, Event::click("nav.api_key"));
  CHECK_FALSE(http_to(fx, "/api-keys"));  // the key list needs a read session: none yet
  CHECK(find_item(build_view_model(s), "sign_in_read"));
  fx = reduce(s, Event::click("create_key"));
  const Effect* nonce = http_to(fx, "/v1/auth/nonce");
  REQUIRE(nonce);
  CHECK(nonce->payload["account"] == kAlice);
  CHECK(reduce(s, Event::click("create_key")).empty());  // one sign-in at a time

  fx = reduce(s, Event::http_answer(nonce->id, 200, R"({"nonce":"abc12345","message":"Sign in\nNonce: abc12345"})"));
  const Effect* sign = last_wallet(fx);
  REQUIRE(sign);
  CHECK(sign->name == "personal_sign");
  CHECK(sign->payload[0] == "0x5369676e20696e0a4e6f6e63653a20616263313233343" "5");
  CHECK(sign->payload[1] == kAlice);

  fx = reduce(s, Event::wallet_ok(sign->id, "0x" + std::string(130, '1')));
  const Effect* create = http_to(fx, "/v1/auth/api-keys");
  REQUIRE(create);
  CHECK(create->name == "POST");
  CHECK(create->payload["nonce"] == "abc12345");

  const std::string session = "gd_read_" + std::string(64, 'e');
  fx = reduce(s, Event::http_answer(create->id, 200,
                                     json{{"token", kToken64},
                                          {"apiKey", {{"id", "7"}, {"tokenPrefix", "gd_live_ffff"}, {"createdAt", "2026-11-25T10:00:00Z"}}},
                                          {"readSession", {{"token", session}, {"account", kAlice}}}}
                                         .dump()));
  // The creation's sign-in also opened a read session: the key list loads with it.
  const Effect* list = http_to(fx, "/api-keys");
  REQUIRE(list);
  CHECK(list->auth == "Bearer " + session);
  CHECK(effect_to_json(*list).at("authorization") == "Bearer " + session);
  ViewModel vm = build_view_model(s);
  bool shown = false;
  for (const auto& item : vm.items) shown |= item.label == kToken64;
  CHECK(shown);
  for (const auto& e : fx) {  // never persisted nor sent in an event
    if (e.kind == EffectKind::store || e.kind == EffectKind::emit) CHECK(e.payload.dump().find(kToken64) == std::string::npos);
  }
  fx = reduce(s, Event::click("copy_key"));
  REQUIRE(fx.size() == 1);
  CHECK(fx[0].kind == EffectKind::copy);
  reduce(s, Event::click("hide_key"));
  vm = build_view_model(s);
  for (const auto& item : vm.items) {
    CHECK(item.label.find(kToken64) == std::string::npos);
    if (item.id == "api_key.masked") CHECK(item.label.find("gd_live_ffff") == 0);
  }
}

TEST_CASE("declining the sign-in leaves no task running and says why") {
  State s = with_backend();
  auto fx = reduce(s, Event::click("create_key"));
  fx = reduce(s, Event::http_answer(http_to(fx, "/v1/auth/nonce")->id, 200, R"({"nonce":"n1234567","message":"m"})"));
  reduce(s, Event::wallet_error(last_wallet(fx)->id, 4001, "no"));
  CHECK(s.api_key.task == KeyTask::none);
  CHECK(s.notice.kind == NoticeKind::error);
}

TEST_CASE("revoke sends DELETE for the active key with a fresh signature") {
  State s = with_backend();
  s.api_key.keys = {ApiKeyMeta{"9", "gd_live_abcd", "2026-11-25", false}};
  auto fx = reduce(s, Event::click("revoke_key"));
  fx = reduce(s, Event::http_answer(http_to(fx, "/v1/auth/nonce")->id, 200, R"({"nonce":"n7654321","message":"m"})"));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0xsig"));
  const Effect* del = http_to(fx, "/v1/auth/api-keys/9");
  REQUIRE(del);
  CHECK(del->name == "DELETE");
  CHECK(del->payload["nonce"] == "n7654321");
}

TEST_CASE("bad key answers are refused") {
  State s = with_backend();
  auto fx = reduce(s, Event::click("create_key"));
  fx = reduce(s, Event::http_answer(http_to(fx, "/v1/auth/nonce")->id, 200, R"({"nonce":"n1234567","message":"m"})"));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0xsig"));
  reduce(s, Event::http_answer(http_to(fx, "/v1/auth/api-keys")->id, 200, R"({"token":"sk_other","apiKey":{"id":"1","tokenPrefix":"x"}})"));
  CHECK(s.api_key.new_token.empty());
  CHECK(s.notice.kind == NoticeKind::error);
}
