// The widget's fonts in ImGui's atlas. Glyphs are rasterised at size × devicePixelRatio and
// drawn with FontGlobalScale = 1 / dpr, so text stays crisp on HiDPI screens.
#pragma once
#include <cstddef>

#include "imgui.h"

namespace acw::ui {

// Font files (TTF or CFF OpenType) in memory; the caller keeps them alive.
struct FontSources {
  const unsigned char* regular = nullptr;
  std::size_t regular_size = 0;
  const unsigned char* bold = nullptr;  // may equal `regular`
  std::size_t bold_size = 0;
  const ImWchar* glyph_ranges = nullptr;       // zero-terminated pairs; the glyphs the subset holds
  const ImWchar* bold_glyph_ranges = nullptr;  // the bold face's; null: the same as `glyph_ranges`
};

struct Fonts {
  ImFont* body = nullptr;     // ordinary text
  ImFont* small = nullptr;    // hints under buttons, input labels
  ImFont* strong = nullptr;   // button labels
  ImFont* heading = nullptr;  // card titles
  ImFont* value = nullptr;    // big numbers
};

// Clears the atlas and adds the fonts at `base_size` CSS px for `dpr`; builds the atlas.
// Without `with_value` the big numbers' face is left out (out.value is then the heading's, a
// stand-in the caller must not draw with): rasterising it is about a third of the atlas's time,
// and the first screen has no balance. Sets io.FontGlobalScale. Returns false when a font
// could not be loaded.
bool build_fonts(ImGuiIO& io, const FontSources& sources, float base_size, float dpr, bool with_value,
                 Fonts& out);

}  // namespace acw::ui
