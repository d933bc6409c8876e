// Which glyphs the atlas rasterises. Every glyph costs first-frame time, and the first screen
// uses few of the subset's ~200: the first atlas holds Basic Latin and the other characters
// the first texts use; the first later text that needs another character brings in the whole
// subset (one more atlas build, then never again).
#pragma once
#include "core/view_model.h"
#include "imgui.h"

namespace acw::ui {

class GlyphNeeds {
 public:
  // `subset_ranges`: the zero-terminated pairs of every glyph the font holds; kept alive by
  // the caller.
  explicit GlyphNeeds(const ImWchar* subset_ranges) : subset_(subset_ranges) {}

  // True when `vm` needs a glyph that ranges() lacks (then ranges() has grown): the atlas must
  // be rebuilt before drawing it. The first call always answers true.
  bool grow_for(const ViewModel& vm);
  // Zero-terminated pairs for ImGui (valid until the next grow_for).
  const ImWchar* ranges() const { return full_ ? subset_ : first_.Data; }
  bool full() const { return full_; }  // ranges() is the whole subset

 private:
  const ImWchar* subset_;
  ImFontGlyphRangesBuilder first_chars_;  // ImGui's own bitset of the first atlas's characters
  ImVector<ImWchar> first_;               // empty until the first call
  bool full_ = false;
};

}  // namespace acw::ui
