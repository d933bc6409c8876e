// The core's one entry point for the platform layer: JSON in, JSON out.
//
//   Widget w(config_json);            // see docs/c-api.md for every JSON shape
//   w.dispatch_json(R"({"type":"start","wallet":true})");
//   std::string effects = w.take_effects_json();   // JSON array for the JS shim to run
//   w.resolve_json(id, R"({"result":["0xabc..."]})");
//   ViewModel vm = w.view();          // what widget/ui draws
//
// Nothing here throws; malformed input is reported through the returned error string
// (empty on success) and leaves the state untouched.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "effect.h"
#include "event.h"
#include "state.h"
#include "view_model.h"

namespace acw {

class Widget {
 public:
  explicit Widget(std::string_view config_json);

  // Error from parsing the create-time configuration (empty when it was valid). An invalid
  // configuration still makes a widget, which shows the error and refuses wallet actions.
  const std::string& config_error() const { return config_error_; }

  std::string dispatch_json(std::string_view event_json);
  std::string resolve_json(int effect_id, std::string_view result_json);
  void dispatch(const Event& event);

  // Replaces the whole state with a fixture (storybook); returns an error, or "".
  std::string load_fixture_json(std::string_view fixture_json);
  std::string state_json() const;  // the current state as a fixture

  // Effects produced since the last call, as a JSON array (see docs/c-api.md).
  std::string take_effects_json();
  std::vector<Effect> take_effects();

  ViewModel view() const;
  StateName state_name() const;
  const State& state() const { return state_; }

 private:
  void run(const Event& event);
  State state_;
  std::vector<Effect> pending_;
  std::string config_error_;
};

}  // namespace acw
