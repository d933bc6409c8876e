#include "glyph_needs.h"

#include <string>

#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace acw::ui {
namespace {

// True when `text` has a character `known` lacks.
bool has_unknown(const ImFontGlyphRangesBuilder& known, const std::string& text) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    p += n;
    if (c <= IM_UNICODE_CODEPOINT_MAX && !known.GetBit(c)) return true;
  }
  return false;
}

}  // namespace

bool GlyphNeeds::grow_for(const ViewModel& vm) {
  if (full_) return false;
  if (first_.empty()) {
    static const ImWchar kBasicLatin[] = {0x20, 0x7E, 0};
    first_chars_.AddRanges(kBasicLatin);
    for (const ViewItem& item : vm.items) {
      for (const std::string* s : {&item.label, &item.value, &item.hint}) {
        first_chars_.AddText(s->data(), s->data() + s->size());
      }
    }
    first_chars_.BuildRanges(&first_);
    return true;
  }
  for (const ViewItem& item : vm.items) {
    for (const std::string* s : {&item.label, &item.value, &item.hint}) {
      // A character the subset lacks too would ask again every frame: the full subset is final.
      if (has_unknown(first_chars_, *s)) return full_ = true;
    }
  }
  return false;
}

}  // namespace acw::ui
