// Word-wrapped text measured and drawn by the same line breaking, so boxes sized by
// `measure_text` always hold what `draw_text` draws (ImGui's own TextWrapped has no
// line spacing and no centring).
#pragma once
#include <string_view>

#include "imgui.h"

namespace acw::ui {

struct TextStyle {
  ImFont* font = nullptr;
  float size = 0.0f;          // CSS px; 0 = the font's size × io.FontGlobalScale
  float line_height = 1.3f;   // × size
  bool center = false;        // centre each line in `width`
};

// Size of `text` wrapped at `width` (>= 1 px). Width is the widest line.
ImVec2 measure_text(std::string_view text, float width, const TextStyle& style);

// Draws `text` wrapped at `width` with its top-left at `pos` (screen space).
void draw_text(ImDrawList* dl, ImVec2 pos, std::string_view text, float width, ImU32 color,
               const TextStyle& style, bool underline = false);

// Natural (unwrapped) width of the longest line.
float text_width(std::string_view text, const TextStyle& style);

}  // namespace acw::ui
