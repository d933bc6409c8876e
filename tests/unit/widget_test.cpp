// The JSON boundary of the core: what the JS shim sends and receives.
#include <doctest/doctest.h>

#include "core/fixture.h"
#include "core/view_model_build.h"
#include "core/widget.h"
#include "core_fixtures.h"

using namespace acw;

namespace {

const char* kConfig =
    R"json({"chainId":"31337","chainName":"Anvil (local)","tokenAddress":"0x62B8B11039FcfE5aB0C56E502b1C372A3d2a9c7A"})json";

json effects(Widget& w) {
  auto j = parse_json(w.take_effects_json());
  REQUIRE(j.ok());
  return *j.value;
}

}  // namespace

TEST_CASE("config: decimal or hex chain id, validated token address") {
  Widget w(kConfig);
  CHECK(w.config_error().empty());
  CHECK(w.state().config.chain_id == 31337);
  CHECK(w.state().config.token_address == "0x62b8b11039fcfe5ab0c56e502b1c372a3d2a9c7a");

  Widget bad(R"({"chainId":"0x7a69","tokenAddress":"0x123"})");
  CHECK_FALSE(bad.config_error().empty());
  CHECK(bad.view().items.size() >= 2);
  bool shows_error = false;
  for (const auto& item : bad.view().items) shows_error |= item.id == "config_error";
  CHECK(shows_error);

  CHECK_FALSE(Widget("not json").config_error().empty());
  CHECK_FALSE(Widget(R"({"tokenAddress":"0x62b8b11039fcfe5ab0c56e502b1c372a3d2a9c7a"})").config_error().empty());
  CHECK_FALSE(Widget(R"({"chainId":-5,"tokenAddress":"0x62b8b11039fcfe5ab0c56e502b1c372a3d2a9c7a"})").config_error().empty());
  CHECK_FALSE(Widget(R"({"chainId":1.5,"tokenAddress":"0x62b8b11039fcfe5ab0c56e502b1c372a3d2a9c7a"})").config_error().empty());
}

TEST_CASE("dispatch, effects and state-change events as JSON") {
  Widget w(kConfig);
  CHECK(w.dispatch_json(R"({"type":"start","wallet":true})").empty());
  json fx = effects(w);
  REQUIRE(fx.size() == 2);
  CHECK(fx[0]["kind"] == "wallet");
  CHECK(fx[0]["method"] == "eth_accounts");
  CHECK(fx[1]["kind"] == "emit");
  CHECK(fx[1]["name"] == "state-change");
  CHECK(fx[1]["detail"]["state"] == "disconnected");
  CHECK(effects(w).empty());  // taken once

  const int id = fx[0]["id"].get<int>();
  CHECK(w.resolve_json(id, R"({"result":[]})").empty());
  CHECK(w.dispatch_json(R"({"type":"click","id":"connect"})").empty());
  fx = effects(w);
  REQUIRE(fx.size() == 1);  // no state-change: still disconnected
  CHECK(fx[0]["method"] == "eth_requestAccounts");

  w.resolve_json(fx[0]["id"].get<int>(), R"({"result":["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"]})");
  fx = effects(w);
  w.resolve_json(fx[0]["id"].get<int>(), R"({"result":"0x7a69"})");
  fx = effects(w);
  REQUIRE(fx.size() == 2);
  CHECK(fx[0]["method"] == "eth_call");
  CHECK(fx[1]["detail"]["state"] == "connected_empty");
}

TEST_CASE("bad dispatch JSON is refused with a message and changes nothing") {
  Widget w(kConfig);
  const std::string before = w.state_json();
  for (const char* bad : {"", "{", "[]", "null", R"({"type":5})", R"({"type":"nope"})",
                          R"({"type":"click"})", R"({"type":"click","id":7})",
                          R"({"type":"start","wallet":"yes"})", R"({"type":"input","id":"amount"})"}) {
    CAPTURE(bad);
    CHECK_FALSE(w.dispatch_json(bad).empty());
  }
  std::string huge_text(300, '1');
  CHECK_FALSE(w.dispatch_json(R"({"type":"input","id":"amount","text":")" + huge_text + "\"}").empty());
  CHECK(w.state_json() == before);
}

TEST_CASE("an unreadable wallet answer ends the request with an error notice") {
  Widget w(kConfig);
  w.dispatch_json(R"({"type":"start","wallet":true})");
  w.take_effects();
  w.dispatch_json(R"({"type":"click","id":"connect"})");
  json fx = effects(w);
  CHECK_FALSE(w.resolve_json(fx[0]["id"].get<int>(), "{{{").empty());
  CHECK(w.state().wallet.phase == WalletPhase::disconnected);
  CHECK(w.state().notice.kind == NoticeKind::error);
}

TEST_CASE("fixtures round-trip and reject wrong types with a path") {
  State s = test::connected_state(test::kChain, 42);
  s.view = View::stream;
  s.stream.phase = StreamPhase::stopped;
  s.stream.end_reason = "liquidated";
  s.backend.price_micro_usd_per_g = 123;
  s.credits = CreditsFacet{true, 5, 6};
  json j = state_to_json(s);
  auto back = state_from_json(j);
  REQUIRE(back.ok());
  CHECK(state_to_json(*back.value) == j);

  auto bad = state_from_json(json{{"wallet", {{"balanceWei", 12}}}});
  CHECK_FALSE(bad.ok());
  CHECK(bad.error.find("wallet.balanceWei") != std::string::npos);
  CHECK_FALSE(state_from_json(json{{"view", "nowhere"}}).ok());
  CHECK_FALSE(state_from_json(json{{"payment", "x"}}).ok());
  CHECK_FALSE(state_from_json(json{{"backend", {{"depositBonusBps", 20000}}}}).ok());
  CHECK_FALSE(state_from_json(json::array()).ok());
}

TEST_CASE("load_fixture replaces the state and reports it") {
  Widget w(kConfig);
  CHECK(w.load_fixture_json(R"({"wallet":{"phase":"connected","account":"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266","chainId":"0x7a69","balanceWei":"5"},"view":"usage","usage":{"count":2},"backend":{"health":"ok"}})").empty());
  CHECK(w.state_name() == StateName::usage_active);
  json fx = effects(w);
  REQUIRE(fx.size() == 1);
  CHECK(fx[0]["detail"]["state"] == "usage_active");
  CHECK(w.state().config.chain_id == 31337);  // kept from the widget's own config
  CHECK_FALSE(w.load_fixture_json(R"({"wallet":{"phase":"flying"}})").empty());
  CHECK(w.state_name() == StateName::usage_active);  // unchanged by a bad fixture
}

TEST_CASE("the mode attribute opens the Stream tab; a wrong value is refused") {
  Widget w(R"json({"chainId":"31337","tokenAddress":"0x62B8B11039FcfE5aB0C56E502b1C372A3d2a9c7A","mode":"stream"})json");
  CHECK(w.config_error().empty());
  CHECK(w.state().view == View::stream);
  CHECK_FALSE(Widget(R"json({"chainId":"31337","tokenAddress":"0x62B8B11039FcfE5aB0C56E502b1C372A3d2a9c7A","mode":"monthly"})json")
                  .config_error()
                  .empty());
}
