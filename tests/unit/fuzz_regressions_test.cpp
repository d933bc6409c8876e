// One test per crash or broken invariant the fuzz targets found (tests/fuzz, docs/reliability.md
// "Fuzzing"); the reproducing inputs are kept as regression-* files in tests/fuzz/corpus/.
#include <doctest/doctest.h>

#include <string>

#include "core/abi.h"
#include "core/backend_wire.h"
#include "core/fixture.h"
#include "core/widget.h"

using namespace acw;

namespace {

const char* kBackendConfig =
    R"json({"chainId":"0x7a69","tokenAddress":"0x62b8b11039fcfe5ab0c56e502b1c372a3d2a9c7a",)json"
    R"json("backendUrl":"http://127.0.0.1:8787"})json";

// The first effect whose JSON contains `needle` (its id), or 0.
int effect_id(const json& effects, const std::string& needle) {
  for (const json& e : effects) {
    if (e.contains("id") && e.dump().find(needle) != std::string::npos) return e["id"].get<int>();
  }
  return 0;
}

json take(Widget& w) {
  auto j = parse_json(w.take_effects_json());
  REQUIRE(j.ok());
  return *j.value;
}

// 1 byte of ASCII, then 2-byte characters: byte 200 falls inside one.
std::string long_error_body() {
  std::string text = "x";
  for (int i = 0; i < 150; ++i) text += "\xC3\xA9";  // é
  return json{{"error", text}}.dump();
}

}  // namespace

// fuzz_backend_wire, regression-error-text-cut-utf8.json: the backend's error text was cut at
// byte 200, splitting a UTF-8 sequence; the notice then made state_json() (and the effects'
// JSON, e.g. pay-error's message) throw in nlohmann's dump(): in wasm an uncaught throw
// aborts the whole widget.
TEST_CASE("fuzz: a long non-ASCII backend error is cut at a code point boundary") {
  auto body = parse_json(long_error_body());
  REQUIRE(body.ok());
  const std::string text = backend_error_text(*body.value);
  CHECK(text.size() <= 203);
  CHECK(text.rfind("…") == text.size() - 3);
  CHECK_NOTHROW((void)json(text).dump());

  Widget w(kBackendConfig);
  w.dispatch_json(R"({"type":"start","wallet":true})");
  w.resolve_json(effect_id(take(w), "eth_accounts"), R"({"result":["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"]})");
  w.resolve_json(effect_id(take(w), "eth_chainId"), R"({"result":"0x7a69"})");
  const int config = effect_id(take(w), "/config/values");
  REQUIRE(config != 0);
  w.resolve_json(config, json{{"status", 500}, {"body", long_error_body()}}.dump());
  CHECK(w.state().notice.kind == NoticeKind::error);
  CHECK(w.state().notice.text.find("x\xC3\xA9") != std::string::npos);
  CHECK_NOTHROW((void)w.state_json());
  CHECK_NOTHROW((void)w.take_effects_json());
}

// fuzz_flow_info, regression-nonhex-rate-word.txt: a flow-rate word starting with 8-f was read
// as "negative rate, no stream" without checking the rest of it, and the fourth word was never
// checked: malformed getFlowInfo answers were accepted.
TEST_CASE("fuzz: getFlowInfo answers with a non-hex digit in any word are refused") {
  const std::string zero(64, '0');
  const std::string good = "0x" + zero + std::string(64, 'f') + zero + zero;
  REQUIRE(decode_flow_info(good));
  CHECK(decode_flow_info(good)->flow_rate == 0);  // negative int96: not our stream

  std::string bad_rate = good;
  bad_rate[2 + 64 + 5] = '&';
  CHECK_FALSE(decode_flow_info(bad_rate));
  std::string bad_owed = good;
  bad_owed[2 + 3 * 64 + 10] = 'z';
  CHECK_FALSE(decode_flow_info(bad_owed));
}

// fuzz_fixture, regression-no-config.json ("{}"): a fixture without a configuration has chain
// id 0, and state_to_json wrote it as {"chainId":"0x0",…}, a fixture state_from_json refuses.
TEST_CASE("fuzz: a state without a configuration round-trips as a fixture") {
  auto empty = state_from_json(json::object());
  REQUIRE(empty.ok());
  const json once = state_to_json(*empty.value);
  CHECK_FALSE(once.contains("config"));
  auto again = state_from_json(once);
  REQUIRE(again.ok());
  CHECK(state_to_json(*again.value) == once);

  // The same through the facade: a widget whose configuration was invalid.
  Widget bad(R"({"chainId":"0x0","tokenAddress":"0x123"})");
  REQUIRE_FALSE(bad.config_error().empty());
  Widget other(kBackendConfig);
  CHECK(other.load_fixture_json(bad.state_json()).empty());
}
