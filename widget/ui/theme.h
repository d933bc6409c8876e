// Colors, sizes and fonts of the widget, from the "theme" of the create configuration
// (light or dark) and the optional tokens accent / radius / fontSize.
#pragma once
#include <string_view>

#include "imgui.h"

namespace acw::ui {

struct ThemeTokens {
  bool dark = false;
  bool has_accent = false;
  ImU32 accent = 0;          // IM_COL32 when has_accent
  float radius = 8.0f;       // corner radius of buttons, inputs and boxes, CSS px
  float font_size = 15.0f;   // body text, CSS px
};

// Reads "theme" ("light" | "dark"), "accent" ("#rrggbb"), "radius" and "fontSize" (numbers or
// numeric strings) from the configuration JSON. Anything missing or invalid keeps the default.
ThemeTokens theme_tokens_from_config(std::string_view config_json);

struct NoticeColors {
  ImU32 bg, border, text;
};

struct Theme {
  bool dark = false;
  float radius = 8.0f;
  float font_size = 15.0f;
  float pad = 16.0f;             // window padding
  float gap = 10.0f;             // vertical space between rows
  float button_height = 40.0f;
  ImU32 bg, surface, surface_hover, border, text, muted, link;
  ImU32 input_border;  // a text field's outline: >= 3:1 against the page and the field (WCAG 1.4.11)
  ImU32 focus;         // the keyboard focus ring: >= 3:1 against the background
  ImU32 accent, accent_hover, accent_active, accent_text;
  ImU32 disabled_bg, disabled_text;
  ImU32 selected_bg, selected_text;
  ImU32 code_bg, code_text;
  NoticeColors error, warning, success;
};

Theme make_theme(const ThemeTokens& tokens);

// Applies the theme to ImGui's style (colors of the built-in widgets such as InputText).
void apply_theme(const Theme& theme, ImGuiStyle& style);

// WCAG 2 contrast ratio of two opaque colors (1 … 21).
float contrast_ratio(ImU32 a, ImU32 b);

}  // namespace acw::ui
