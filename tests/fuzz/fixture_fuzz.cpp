// Storybook fixtures (core/fixture.h): state_from_json, then state_to_json.
// Invariants: no crash or throw; an accepted fixture's JSON is itself an accepted fixture that
// gives the same JSON again (a fixed point after one round); the state it describes, however
// odd the combination, derives a state name and builds a view model; a Widget loads it.
#include "core/derive.h"
#include "core/fixture.h"
#include "core/view_model_build.h"
#include "core/widget.h"
#include "fuzz_check.h"

using namespace acw;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  auto doc = parse_json(text);
  if (!doc.ok()) return 0;

  auto state = state_from_json(*doc.value);
  FUZZ_CHECK(state.ok() == state.error.empty(), state.error);
  FUZZ_CHECK(fuzz::valid_utf8(state.error), state.error);
  if (!state.ok()) return 0;

  const json once = state_to_json(*state.value);
  const std::string once_text = once.dump();
  auto again = state_from_json(once);
  FUZZ_CHECK(again.ok(), "state_to_json gave a fixture state_from_json refuses: " + again.error + "\n" + once_text);
  const json twice = state_to_json(*again.value);
  FUZZ_CHECK(twice == once, "round trip changed the fixture:\n" + once_text + "\n" + twice.dump());

  (void)derive_state_name(*state.value);
  (void)build_view_model(*state.value);

  Widget widget(R"({"chainId":"0x7a69","tokenAddress":"0x62b8b11039fcfe5ab0c56e502b1c372a3d2a9c7a",)"
                R"("backendUrl":"http://127.0.0.1:8787"})");
  const std::string error = widget.load_fixture_json(text);
  FUZZ_CHECK(error.empty(), "load_fixture_json refused an accepted fixture: " + error);
  (void)widget.take_effects_json();
  (void)widget.state_json();
  (void)widget.view();
  return 0;
}
