#include "fonts.h"

#include <cmath>

namespace acw::ui {
namespace {

ImFont* add(ImFontAtlas& atlas, const unsigned char* data, std::size_t size, float px, float dpr,
            const ImWchar* ranges) {
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // static data, never freed by ImGui
  // No oversampling: glyphs are rasterised at size × dpr already; 2× horizontal oversampling at
  // dpr 1 looked the same in the storybook's screenshots but cost ~10 ms of the first frame
  // and 0.65 MB of atlas (docs/performance.md).
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = false;
  // void* in ImGui's signature only because it may take ownership; it does not write.
  return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                    std::round(px * dpr), &cfg, ranges);
}

}  // namespace

bool build_fonts(ImGuiIO& io, const FontSources& src, float base, float dpr, bool with_value, Fonts& out) {
  // The balance: digits, separators, the token symbol, "—" or "Loading…". Every glyph of this
  // large size costs atlas time at start.
  static const ImWchar kValue[] = {0x0020, 0x007E, 0x00A0, 0x00A0, 0x2014, 0x2014, 0x2026, 0x2026, 0};
  ImFontAtlas& atlas = *io.Fonts;
  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;
  atlas.TexDesiredWidth = dpr > 1.5f ? 2048 : 1024;
  const ImWchar* ranges = src.glyph_ranges;
  const ImWchar* bold_ranges = src.bold_glyph_ranges ? src.bold_glyph_ranges : ranges;
  const unsigned char* bold = src.bold ? src.bold : src.regular;
  const std::size_t bold_size = src.bold ? src.bold_size : src.regular_size;
  out.body = add(atlas, src.regular, src.regular_size, base, dpr, ranges);
  out.small = add(atlas, src.regular, src.regular_size, std::round(base * 0.87f), dpr, ranges);
  out.strong = add(atlas, bold, bold_size, base, dpr, bold_ranges);
  out.heading = add(atlas, bold, bold_size, std::round(base * 1.27f), dpr, bold_ranges);
  out.value = with_value ? add(atlas, bold, bold_size, std::round(base * 1.9f), dpr, kValue) : out.heading;
  if (!out.body || !out.small || !out.strong || !out.heading || !out.value) return false;
  io.FontDefault = out.body;
  io.FontGlobalScale = 1.0f / dpr;
  return atlas.Build();
}

}  // namespace acw::ui
