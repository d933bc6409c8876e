// The snapshot hook of SPEC.md §5: what was drawn in the last frame, as JSON. The same recorded
// items also feed the accessibility mirror of the shim (`semantics_json`), which additionally
// holds items scrolled out of view, how text looks (notices) and the values of inputs.
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
  Look look = Look::body;
  bool selected = false;  // tabs, checkboxes
  bool visible = true;    // false: laid out but scrolled out of view (not in the snapshot)
  std::string value;      // inputs: the text the core holds
  std::string hint;       // inputs: the placeholder
  std::string name;       // inputs: the accessible name
  bool numeric = false;   // inputs: a decimal amount
  std::string described_by;  // inputs: id of the item that explains the value

  bool operator==(const DrawnItem& o) const {
    return id == o.id && label == o.label && role == o.role && x == o.x && y == o.y && w == o.w && h == o.h &&
           enabled == o.enabled && look == o.look && selected == o.selected && visible == o.visible &&
           value == o.value && hint == o.hint && name == o.name && numeric == o.numeric &&
           described_by == o.described_by;
  }
  bool operator!=(const DrawnItem& o) const { return !(*this == o); }
};

// {"state":"…","items":[{"id","label","role","rect":{x,y,w,h},"enabled"}, …]}: visible items only.
std::string snapshot_json(StateName state, const std::vector<DrawnItem>& items);

// The semantic tree for the accessibility mirror (docs/c-api.md, acw_semantics):
// {"state","busy","focus","items":[{"id","label","role","look","rect","enabled","visible",
//   "selected"?, "value"?, "hint"?}, …]} — every laid-out item, in drawn order.
std::string semantics_json(StateName state, const std::vector<DrawnItem>& items, bool busy,
                           const std::string& focus);

const char* role_name(Role role);
const char* look_name(Look look);

}  // namespace acw::ui
