// What to draw, as plain data: a vertical list of items. widget/ui lays it out with ImGui and
// reports each item's rect for the snapshot hook; it adds no logic of its own.
#pragma once
#include <string>
#include <vector>

#include "state_name.h"

namespace acw {

enum class Role { button, input, checkbox, link, text };

// How an item looks; the UI picks colors and fonts from the theme by this.
enum class Look {
  body,       // ordinary text
  heading,    // card title
  muted,      // secondary text
  value,      // a big number (balance)
  error,      // an error notice
  warning,    // a warning notice
  success,    // a success notice
  primary,    // the main action button
  secondary,  // other buttons
  tab,        // a tab / segmented-control button (see `selected`)
  code,       // monospace-ish block (addresses, hashes, snippets)
};

struct ViewItem {
  std::string id;      // stable semantic id (`connect`, `amount`, `mode.stream`, ...)
  std::string label;   // what is drawn (already localised)
  Role role = Role::text;
  Look look = Look::body;
  bool enabled = true;
  bool selected = false;    // tabs / checkboxes
  bool same_line = false;   // draw on the same row as the previous item
  std::string value;        // inputs: current text
  std::string hint;         // inputs: placeholder; buttons: why disabled (shown under it)
  // Inputs, for assistive technology and phones (not drawn):
  std::string name;         // the accessible name
  bool numeric = false;     // a decimal amount: phones show a number pad
  std::string described_by; // id of the item that explains the current value (its error, its quote)
};

struct ViewModel {
  StateName state = StateName::disconnected;
  std::vector<ViewItem> items;
  bool busy = false;          // something is in flight: the UI shows a spinner-like progress
  bool wants_ticker = false;  // redraw periodically (≤ 10 Hz) while true
};

}  // namespace acw
