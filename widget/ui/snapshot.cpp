#include "snapshot.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/wire.h"

namespace acw::ui {
namespace {

// Hundredths of a CSS pixel, as a double: its shortest text is "12.34", not a float's digits.
double px(float v) { return std::round(static_cast<double>(v) * 100.0) / 100.0; }

nlohmann::json rect_json(const DrawnItem& it) {
  return {{"x", px(it.x)}, {"y", px(it.y)}, {"w", px(it.w)}, {"h", px(it.h)}};
}


}  // namespace

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

const char* look_name(Look look) {
  switch (look) {
    case Look::body: return "body";
    case Look::heading: return "heading";
    case Look::muted: return "muted";
    case Look::value: return "value";
    case Look::error: return "error";
    case Look::warning: return "warning";
    case Look::success: return "success";
    case Look::primary: return "primary";
    case Look::secondary: return "secondary";
    case Look::tab: return "tab";
    case Look::code: return "code";
  }
  return "body";
}

std::string snapshot_json(StateName state, const std::vector<DrawnItem>& items) {
  nlohmann::json list = nlohmann::json::array();
  for (const DrawnItem& it : items) {
    if (!it.visible) continue;
    list.push_back({{"id", it.id},
                    {"label", it.label},
                    {"role", role_name(it.role)},
                    {"rect", rect_json(it)},
                    {"enabled", it.enabled}});
  }
  return json_text(nlohmann::json{{"state", std::string(to_string(state))}, {"items", std::move(list)}});
}

std::string semantics_json(StateName state, const std::vector<DrawnItem>& items, bool busy,
                           const std::string& focus) {
  nlohmann::json list = nlohmann::json::array();
  for (const DrawnItem& it : items) {
    nlohmann::json j = {{"id", it.id},
                        {"label", it.label},
                        {"role", role_name(it.role)},
                        {"look", look_name(it.look)},
                        {"rect", rect_json(it)},
                        {"enabled", it.enabled},
                        {"visible", it.visible}};
    if (it.role == Role::checkbox || it.look == Look::tab) j["selected"] = it.selected;
    if (it.role == Role::input) {
      j["value"] = it.value;
      j["hint"] = it.hint;
      j["name"] = it.name;
      j["numeric"] = it.numeric;
      j["describedBy"] = it.described_by;
    }
    list.push_back(std::move(j));
  }
  return json_text(nlohmann::json{{"state", std::string(to_string(state))}, {"busy", busy}, {"focus", focus}, {"items", std::move(list)}});
}

}  // namespace acw::ui
