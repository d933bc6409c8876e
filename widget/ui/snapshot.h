// The snapshot hook of SPEC.md §5: what was drawn in the last frame, as JSON.
#pragma once
#include <string>
#include <vector>

#include "core/view_model.h"

namespace acw::ui {

struct DrawnItem {
  std::string id;
  std::string label;
  Role role = Role::text;
  float x = 0, y = 0, w = 0, h = 0;  // CSS px relative to the canvas
  bool enabled = true;
};

// {"state":"…","items":[{"id","label","role","rect":{x,y,w,h},"enabled"}, …]}
std::string snapshot_json(StateName state, const std::vector<DrawnItem>& items);

const char* role_name(Role role);

}  // namespace acw::ui
