#include "snapshot.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace acw::ui {

const char* role_name(Role role) {
  switch (role) {
    case Role::button: return "button";
    case Role::input: return "input";
    case Role::checkbox: return "checkbox";
    case Role::link: return "link";
    case Role::text: return "text";
  }
  return "text";
}

std::string snapshot_json(StateName state, const std::vector<DrawnItem>& items) {
  auto px = [](float v) { return std::round(v * 100.0f) / 100.0f; };
  nlohmann::json list = nlohmann::json::array();
  for (const DrawnItem& it : items) {
    list.push_back({{"id", it.id},
                    {"label", it.label},
                    {"role", role_name(it.role)},
                    {"rect", {{"x", px(it.x)}, {"y", px(it.y)}, {"w", px(it.w)}, {"h", px(it.h)}}},
                    {"enabled", it.enabled}});
  }
  nlohmann::json out = {{"state", std::string(to_string(state))}, {"items", std::move(list)}};
  // Labels come from core already valid UTF-8; replace rather than throw if one is not.
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace acw::ui
