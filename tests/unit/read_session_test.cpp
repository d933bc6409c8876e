// The usage log and the key list answer only the account: the core asks for them with the
// backend's read session (Authorization header), holds the session in memory only, and
// without one shows "Sign in to see usage", whose sign-in opens a session and loads both.
#include <doctest/doctest.h>

#include "core/derive.h"
#include "core/effect.h"
#include "core/view_model_build.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

const std::string kSession = "gd_read_" + std::string(64, 'c');

// From the usage view without a session: the sign-in through to the session's answer.
std::vector<Effect> sign_in(State& s) {
  auto fx = reduce(s, Event::click("sign_in_read"));
  const Effect* nonce = http_to(fx, "/v1/auth/nonce");
  REQUIRE(nonce);
  fx = reduce(s, Event::http_answer(nonce->id, 200, R"({"nonce":"n1234567","message":"Sign in"})"));
  const Effect* sign = last_wallet(fx);
  REQUIRE(sign);
  CHECK(sign->name == "personal_sign");
  fx = reduce(s, Event::wallet_ok(sign->id, "0x" + std::string(130, '1')));
  const Effect* session = http_to(fx, "/v1/auth/session");
  REQUIRE(session);
  CHECK(session->name == "POST");
  CHECK(session->payload["nonce"] == "n1234567");
  CHECK(session->payload["account"] == kAlice);
  return reduce(s, Event::http_answer(session->id, 200,
                                      json{{"readSession", {{"token", kSession}, {"account", kAlice}}}}.dump()));
}

}  // namespace

TEST_CASE("usage without a read session: a sign-in button, no request; the sign-in loads usage and keys") {
  State s = with_backend();
  auto fx = reduce(s, Event::click("nav.usage"));
  CHECK_FALSE(http_to(fx, "/usage"));
  CHECK_FALSE(http_to(fx, "/api-keys"));
  ViewModel vm = build_view_model(s);
  const ViewItem* button = find_item(vm, "sign_in_read");
  REQUIRE(button);
  CHECK(button->label == "Sign in to see usage");
  CHECK(button->enabled);
  CHECK_FALSE(find_item(vm, "usage_snippet"));
  CHECK(vm.state == StateName::usage_empty);

  fx = sign_in(s);
  const Effect* usage = http_to(fx, std::string("/v1/accounts/") + kAlice + "/usage");
  const Effect* keys = http_to(fx, std::string("/v1/accounts/") + kAlice + "/api-keys");
  REQUIRE(usage);
  REQUIRE(keys);
  CHECK(usage->auth == "Bearer " + kSession);
  CHECK(keys->auth == "Bearer " + kSession);
  CHECK(s.api_key.task == KeyTask::none);
  CHECK_FALSE(find_item(build_view_model(s), "sign_in_read"));
  for (const auto& e : fx) {  // never persisted nor sent in an event
    if (e.kind == EffectKind::store || e.kind == EffectKind::emit) CHECK(e.payload.dump().find(kSession) == std::string::npos);
  }
  reduce(s, Event::http_answer(usage->id, 200,
                               R"({"items":[{"id":1,"at":"2026-11-25T10:00:00.000Z","model":"gpt-4o","requestId":"r","costUsd":"10000"}],"total":1})"));
  CHECK(derive_state_name(s) == StateName::usage_active);
  // The next reads carry the session too.
  fx = reduce(s, Event::click("refresh_usage"));
  REQUIRE(http_to(fx, "/usage"));
  CHECK(http_to(fx, "/usage")->auth == "Bearer " + kSession);
}

TEST_CASE("a 401 on a private read drops the session and asks for the sign-in again, not backend_unavailable") {
  State s = with_backend();
  reduce(s, Event::click("nav.usage"));
  auto fx = sign_in(s);
  reduce(s, Event::http_answer(http_to(fx, "/api-keys")->id, 401, R"({"error":"the session expired: sign in again"})"));
  reduce(s, Event::http_answer(http_to(fx, "/usage")->id, 401, R"({"error":"the session expired: sign in again"})"));
  CHECK(s.backend.health == BackendHealth::ok);
  CHECK(s.api_key.read_session.empty());
  CHECK(s.api_key.sign_in_needed);
  CHECK(find_item(build_view_model(s), "sign_in_read"));
  fx = reduce(s, Event::click("refresh_usage"));
  CHECK_FALSE(http_to(fx, "/usage"));
}

TEST_CASE("a bad session answer is refused; another account forgets the session") {
  State s = with_backend();
  reduce(s, Event::click("nav.usage"));
  auto fx = reduce(s, Event::click("sign_in_read"));
  fx = reduce(s, Event::http_answer(http_to(fx, "/v1/auth/nonce")->id, 200, R"({"nonce":"n1234567","message":"m"})"));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0xsig"));
  reduce(s, Event::http_answer(http_to(fx, "/v1/auth/session")->id, 200, R"({"readSession":{"token":"gd_live_x"}})"));
  CHECK(s.api_key.read_session.empty());
  CHECK(s.notice.kind == NoticeKind::error);

  reduce(s, Event::click("nav.usage"));
  sign_in(s);
  CHECK(s.api_key.read_session == kSession);
  reduce(s, Event::accounts_changed(json::array({kBob})));
  CHECK(s.api_key.read_session.empty());
}

TEST_CASE("the whole usage log, a page at a time: next and previous ask for their offsets") {
  State s = with_backend();
  reduce(s, Event::click("nav.usage"));
  auto fx = sign_in(s);
  const Effect* first = http_to(fx, "/usage?limit=8&offset=0");
  REQUIRE(first);
  auto page = [](int from, int count, int total) {
    json items = json::array();
    for (int i = from; i < from + count; ++i) {
      items.push_back({{"id", i}, {"at", "2026-11-25T10:00:00.000Z"}, {"model", "m" + std::to_string(i)},
                       {"requestId", "r" + std::to_string(i)}, {"costUsd", "10000"}});
    }
    return json{{"items", items}, {"total", total}}.dump();
  };
  reduce(s, Event::http_answer(first->id, 200, page(0, 8, 19)));
  ViewModel vm = build_view_model(s);
  CHECK(find_item(vm, "usage_paging")->label == "1–8 of 19");
  CHECK_FALSE(find_item(vm, "usage.prev")->enabled);
  CHECK(find_item(vm, "usage.next")->enabled);
  CHECK(find_item(vm, "usage.7"));

  fx = reduce(s, Event::click("usage.next"));
  REQUIRE(http_to(fx, "/usage?limit=8&offset=8"));
  CHECK(http_to(fx, "/usage")->auth == "Bearer " + kSession);
  CHECK_FALSE(find_item(build_view_model(s), "usage.next")->enabled);  // not twice while it loads
  reduce(s, Event::http_answer(http_to(fx, "/usage")->id, 200, page(8, 8, 19)));
  fx = reduce(s, Event::click("usage.next"));
  reduce(s, Event::http_answer(http_to(fx, "/usage?limit=8&offset=16")->id, 200, page(16, 3, 19)));
  vm = build_view_model(s);
  CHECK(find_item(vm, "usage_paging")->label == "17–19 of 19");
  CHECK(find_item(vm, "usage.0")->label.find("m16") != std::string::npos);
  CHECK(find_item(vm, "usage.3") == nullptr);
  CHECK_FALSE(find_item(vm, "usage.next")->enabled);
  CHECK(http_to(reduce(s, Event::click("usage.next")), "/usage") == nullptr);  // nothing past the end
  fx = reduce(s, Event::click("usage.prev"));
  CHECK(http_to(fx, "/usage?limit=8&offset=8"));
}
