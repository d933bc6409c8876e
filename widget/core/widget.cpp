#include "widget.h"

#include "derive.h"
#include "fixture.h"
#include "reducer.h"
#include "view_model_build.h"

namespace acw {

Widget::Widget(std::string_view config_json) {
  auto doc = parse_json(config_json, 64 * 1024);
  auto config = doc.ok() ? parse_config(*doc.value) : Parsed<Config>::fail(doc.error);
  if (config.ok()) {
    state_.config = *config.value;
    if (state_.config.mode == "stream") {  // opens on the Stream tab
      state_.view = View::stream;
      state_.purchase.mode = PayMode::stream;
      state_.stream.editing = true;
    }
  } else {
    config_error_ = config.error;
    state_.config_error = config.error;
    // Keep the locale so the error is shown in the right language.
    if (doc.ok() && doc.value->is_object() && doc.value->contains("locale") &&
        doc.value->at("locale").is_string()) {
      state_.config.locale = doc.value->at("locale").get<std::string>();
    }
  }
}

void Widget::run(const Event& event) {
  std::vector<Effect> effects = reduce(state_, event);
  for (auto& e : effects) pending_.push_back(std::move(e));
  const StateName now = derive_state_name(state_);
  if (state_.last_reported != now) {
    state_.last_reported = now;
    pending_.push_back(emit_effect("state-change", {{"state", std::string(to_string(now))}}));
  }
}

void Widget::dispatch(const Event& event) { run(event); }

std::string Widget::dispatch_json(std::string_view event_json) {
  auto event = parse_event(event_json);
  if (!event.ok()) return event.error;
  run(*event.value);
  return {};
}

std::string Widget::resolve_json(int effect_id, std::string_view result_json) {
  auto event = parse_wallet_answer(effect_id, result_json);
  if (!event.ok()) {
    // A broken answer still ends the request: the reducer shows it as a wallet error.
    run(Event::wallet_error(effect_id, -32603, "unreadable answer: " + event.error));
    return event.error;
  }
  run(*event.value);
  return {};
}

std::string Widget::load_fixture_json(std::string_view fixture_json) {
  auto doc = parse_json(fixture_json);
  if (!doc.ok()) return doc.error;
  auto fixture = state_from_json(*doc.value);
  if (!fixture.ok()) return fixture.error;
  State next = std::move(*fixture.value);
  if (!doc.value->contains("config")) next.config = state_.config;  // keep this widget's setup
  next.config_error.clear();
  state_ = std::move(next);
  pending_.clear();
  const StateName now = derive_state_name(state_);
  state_.last_reported = now;
  pending_.push_back(emit_effect("state-change", {{"state", std::string(to_string(now))}}));
  return {};
}

std::string Widget::state_json() const { return json_text(state_to_json(state_)); }

std::vector<Effect> Widget::take_effects() {
  std::vector<Effect> out;
  out.swap(pending_);
  return out;
}

std::string Widget::take_effects_json() {
  json out = json::array();
  for (const Effect& e : take_effects()) out.push_back(effect_to_json(e));
  return json_text(out);
}

ViewModel Widget::view() const { return build_view_model(state_); }

StateName Widget::state_name() const { return derive_state_name(state_); }

}  // namespace acw
