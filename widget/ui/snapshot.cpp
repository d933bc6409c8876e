#include "snapshot.h"

#include <cmath>

#include "core/json.h"

namespace acw::ui {
namespace {

// CSS px to two decimals, written without floating-point formatting.
Json px(float v) { return Json::decimal(static_cast<long long>(std::round(v * 100.0f)), 2); }

Json rect_json(const DrawnItem& it) {
  return Json::object({{"x", px(it.x)}, {"y", px(it.y)}, {"w", px(it.w)}, {"h", px(it.h)}});
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
  Json list = Json::array();
  for (const DrawnItem& it : items) {
    if (!it.visible) continue;
    list.push_back(Json::object({{"id", it.id},
                                 {"label", it.label},
                                 {"role", role_name(it.role)},
                                 {"rect", rect_json(it)},
                                 {"enabled", it.enabled}}));
  }
  return Json::object({{"state", std::string(to_string(state))}, {"items", std::move(list)}}).dump();
}

std::string semantics_json(StateName state, const std::vector<DrawnItem>& items, bool busy,
                           const std::string& focus) {
  Json list = Json::array();
  for (const DrawnItem& it : items) {
    Json j = Json::object({{"id", it.id},
                           {"label", it.label},
                           {"role", role_name(it.role)},
                           {"look", look_name(it.look)},
                           {"rect", rect_json(it)},
                           {"enabled", it.enabled},
                           {"visible", it.visible}});
    if (it.role == Role::checkbox || it.look == Look::tab) j.set("selected", it.selected);
    if (it.role == Role::input) {
      j.set("value", it.value);
      j.set("hint", it.hint);
      j.set("name", it.name);
      j.set("numeric", it.numeric);
      j.set("describedBy", it.described_by);
    }
    list.push_back(std::move(j));
  }
  return Json::object({{"state", std::string(to_string(state))}, {"busy", busy}, {"focus", focus},
                       {"items", std::move(list)}})
      .dump();
}

}  // namespace acw::ui
