// One ViewItem drawn at a given place and width: how it looks (by Role and Look), how tall it
// is at a width, and what the user did with it this frame.
#pragma once
#include <string>
#include <map>

#include "core/view_model.h"
#include "fonts.h"
#include "imgui.h"
#include "theme.h"

namespace acw::ui {

enum class Kind { text, notice, code, button, tab, link, input, checkbox };

Kind kind_of(const ViewItem& item);
bool is_flexible(Kind kind);  // takes the width left in a row (inputs, boxes)

struct ItemContext {
  const Theme& theme;
  const Fonts& fonts;
  std::map<std::string, std::string>& input_buffers;  // id → text while editing
};

float natural_width(const ViewItem& item, const ItemContext& ctx);
float item_height(const ViewItem& item, float width, const ItemContext& ctx);

// Where a tab sits in its segmented control (corner rounding).
enum class Segment { none, first, middle, last, only };

struct ItemResult {
  ItemResult(ImVec2 a, ImVec2 b) : min(a), max(b) {}
  ImVec2 min, max;        // the item's rect (screen space = CSS px of the canvas)
  bool clicked = false;
  bool changed = false;   // input text changed; `text` holds it
  std::string text;
};

// `height` > 0 stretches a button or tab (buttons side by side share the tallest height).
ItemResult draw_item(const ViewItem& item, ImVec2 pos, float width, Segment segment,
                     ItemContext& ctx, float height = 0.0f);

// The hint under a disabled button: small muted text.
float hint_height(const std::string& hint, float width, const ItemContext& ctx);
ImVec2 draw_hint(const std::string& hint, ImVec2 pos, float width, const ItemContext& ctx);

}  // namespace acw::ui
