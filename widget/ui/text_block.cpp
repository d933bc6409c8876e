#include "text_block.h"

#include <algorithm>
#include <cmath>

namespace acw::ui {
namespace {

float size_of(const TextStyle& s) {
  return s.size > 0.0f ? s.size : s.font->FontSize * ImGui::GetIO().FontGlobalScale;
}

// Snaps to the device pixel grid so glyphs rasterised at size × dpr land on whole pixels.
float snap(float v) {
  const float dpr = ImGui::GetIO().DisplayFramebufferScale.x;
  return dpr > 0.0f ? std::floor(v * dpr + 0.5f) / dpr : v;
}

// Calls fn(line_begin, line_end) for every wrapped line.
template <typename Fn>
void for_each_line(std::string_view text, float width, const TextStyle& st, Fn fn) {
  const float size = size_of(st);
  const float scale = size / st.font->FontSize;
  const char* s = text.data();
  const char* end = s + text.size();
  while (s <= end) {
    const char* para_end = std::find(s, end, '\n');
    if (s == para_end) fn(s, s);  // empty line
    while (s < para_end) {
      const char* e = st.font->CalcWordWrapPositionA(scale, s, para_end, std::max(width, 1.0f));
      if (e <= s) {  // nothing fits: take one UTF-8 character
        e = s + 1;
        while (e < para_end && (static_cast<unsigned char>(*e) & 0xC0) == 0x80) ++e;
      }
      const char* trimmed = e;
      while (trimmed > s && (trimmed[-1] == ' ' || trimmed[-1] == '\t')) --trimmed;
      fn(s, trimmed);
      s = e;
      while (s < para_end && (*s == ' ' || *s == '\t')) ++s;
    }
    if (para_end == end) break;
    s = para_end + 1;
  }
}

}  // namespace

ImVec2 measure_text(std::string_view text, float width, const TextStyle& st) {
  const float size = size_of(st);
  float w = 0.0f;
  int lines = 0;
  for_each_line(text, width, st, [&](const char* b, const char* e) {
    w = std::max(w, st.font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x);
    ++lines;
  });
  lines = std::max(lines, 1);
  return ImVec2(std::ceil(w), std::ceil(size * (1.0f + (lines - 1) * st.line_height)));
}

void draw_text(ImDrawList* dl, ImVec2 pos, std::string_view text, float width, ImU32 color,
               const TextStyle& st, bool underline) {
  const float size = size_of(st);
  float y = pos.y;
  for_each_line(text, width, st, [&](const char* b, const char* e) {
    const float lw = st.font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x;
    const float x = st.center ? pos.x + std::max(0.0f, (width - lw) * 0.5f) : pos.x;
    const ImVec2 p(snap(x), snap(y));
    if (b != e) dl->AddText(st.font, size, p, color, b, e);
    if (underline && b != e) {
      const float uy = snap(p.y + size * 1.02f) + 0.5f;
      dl->AddLine(ImVec2(p.x, uy), ImVec2(p.x + lw, uy), color, 1.0f);
    }
    y += size * st.line_height;
  });
}

float text_width(std::string_view text, const TextStyle& st) {
  const float size = size_of(st);
  float w = 0.0f;
  for_each_line(text, FLT_MAX, st, [&](const char* b, const char* e) {
    w = std::max(w, st.font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x);
  });
  return std::ceil(w);
}

}  // namespace acw::ui
