#include "theme.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "core/wire.h"

namespace acw::ui {
namespace {

constexpr ImU32 rgb(unsigned hex) {
  return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF);
}

ImVec4 to_vec(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// Mixes `c` toward `to` by t (0..1).
ImU32 mix(ImU32 c, ImU32 to, float t) {
  ImVec4 a = to_vec(c), b = to_vec(to);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t,
                                               a.z + (b.z - a.z) * t, 1.0f));
}

float luminance(ImU32 c) {
  ImVec4 v = to_vec(c);
  auto lin = [](float x) { return x <= 0.03928f ? x / 12.92f : std::pow((x + 0.055f) / 1.055f, 2.4f); };
  return 0.2126f * lin(v.x) + 0.7152f * lin(v.y) + 0.0722f * lin(v.z);
}

// `c` moved toward `to` in small steps until it has `ratio` contrast against `against`.
ImU32 ensure_contrast(ImU32 c, ImU32 against, float ratio, ImU32 to) {
  for (int i = 1; i <= 20 && contrast_ratio(c, against) < ratio; ++i) c = mix(c, to, 0.1f);
  return c;
}

bool parse_hex_color(const std::string& s, ImU32& out) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (size_t i = 1; i < 7; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  out = rgb(static_cast<unsigned>(std::strtoul(s.c_str() + 1, nullptr, 16)));
  return true;
}

bool number_of(const nlohmann::json& j, float& out) {
  if (j.is_number()) {
    out = j.get<float>();
    return true;
  }
  if (j.is_string()) {
    const std::string& s = j.get_ref<const std::string&>();
    char* end = nullptr;
    float v = std::strtof(s.c_str(), &end);
    if (end != s.c_str()) {  // "12", "12px"
      out = v;
      return true;
    }
  }
  return false;
}

}  // namespace

float contrast_ratio(ImU32 a, ImU32 b) {
  const float la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

ThemeTokens theme_tokens_from_config(std::string_view config_json) {
  ThemeTokens t;
  const Parsed<acw::json> parsed = parse_json(config_json);
  if (!parsed.ok() || !parsed.value->is_object()) return t;
  const acw::json& j = *parsed.value;
  if (auto it = j.find("theme"); it != j.end() && it->is_string()) t.dark = *it == "dark";
  if (auto it = j.find("accent"); it != j.end() && it->is_string()) {
    t.has_accent = parse_hex_color(it->get<std::string>(), t.accent);
  }
  float v = 0;
  if (auto it = j.find("radius"); it != j.end() && number_of(*it, v)) t.radius = std::clamp(v, 0.0f, 20.0f);
  if (auto it = j.find("fontSize"); it != j.end() && number_of(*it, v)) t.font_size = std::clamp(v, 11.0f, 22.0f);
  return t;
}

Theme make_theme(const ThemeTokens& tokens) {
  Theme t;
  t.dark = tokens.dark;
  t.radius = tokens.radius;
  t.font_size = tokens.font_size;
  t.pad = 16.0f;
  t.gap = std::round(tokens.font_size * 0.67f);
  t.button_height = std::round(tokens.font_size * 2.6f);
  if (!tokens.dark) {
    t.bg = rgb(0xFFFFFF);
    t.surface = rgb(0xF3F4F6);
    t.surface_hover = rgb(0xE5E7EB);
    t.border = rgb(0xC9CED6);
    t.input_border = rgb(0x858D9A);  // 3.4:1 on white
    t.text = rgb(0x111827);
    t.muted = rgb(0x4B5563);
    t.accent = tokens.has_accent ? tokens.accent : rgb(0x1D4ED8);
    t.link = t.accent;
    t.disabled_bg = rgb(0xE5E7EB);
    t.disabled_text = rgb(0x6B7280);
    t.code_bg = rgb(0xF3F4F6);
    t.code_text = rgb(0x1F2937);
    t.error = {rgb(0xFEF2F2), rgb(0xDC2626), rgb(0x991B1B)};
    t.warning = {rgb(0xFFFBEB), rgb(0xD97706), rgb(0x8A3B0A)};
    t.success = {rgb(0xF0FDF4), rgb(0x16A34A), rgb(0x166534)};
  } else {
    t.bg = rgb(0x111827);
    t.surface = rgb(0x1F2937);
    t.surface_hover = rgb(0x2B3748);
    t.border = rgb(0x465366);
    t.input_border = rgb(0x6B778A);  // 3.9:1 on the page, 4.1:1 on the field
    t.text = rgb(0xF9FAFB);
    t.muted = rgb(0xA7B0BE);
    t.accent = tokens.has_accent ? tokens.accent : rgb(0x2563EB);
    t.link = mix(t.accent, rgb(0xFFFFFF), 0.55f);
    t.disabled_bg = rgb(0x1F2937);
    t.disabled_text = rgb(0x8B95A5);
    t.code_bg = rgb(0x0B1220);
    t.code_text = rgb(0xE5E7EB);
    t.error = {rgb(0x3A1618), rgb(0xEF4444), rgb(0xFCA5A5)};
    t.warning = {rgb(0x35280C), rgb(0xF59E0B), rgb(0xFCD34D)};
    t.success = {rgb(0x0F2A1B), rgb(0x22C55E), rgb(0x86EFAC)};
  }
  // Text on the accent: whichever of white and near-black reads better; hover and press move
  // the accent away from that text color so the label keeps (at least) its contrast.
  const bool light_accent = contrast_ratio(t.accent, rgb(0x111827)) > contrast_ratio(t.accent, rgb(0xFFFFFF));
  t.accent_text = light_accent ? rgb(0x111827) : rgb(0xFFFFFF);
  const ImU32 away = light_accent ? rgb(0xFFFFFF) : rgb(0x000000);
  t.accent_hover = mix(t.accent, away, 0.1f);
  t.accent_active = mix(t.accent, away, 0.2f);
  // Links are body text (4.5:1); the focus ring is a UI outline (3:1). A custom accent too
  // close to the background is darkened (light) or lightened (dark) until it reads.
  const ImU32 toward = t.dark ? rgb(0xFFFFFF) : rgb(0x000000);
  t.link = ensure_contrast(t.link, t.bg, 4.5f, toward);
  t.focus = ensure_contrast(t.accent, t.bg, 3.0f, toward);
  t.selected_bg = t.dark ? rgb(0x374151) : rgb(0xFFFFFF);
  t.selected_text = t.text;
  return t;
}

void apply_theme(const Theme& t, ImGuiStyle& s) {
  s = ImGuiStyle();
  s.WindowPadding = ImVec2(t.pad, t.pad);
  s.WindowRounding = 0.0f;
  s.WindowBorderSize = 0.0f;
  s.FramePadding = ImVec2(10.0f, std::round((t.button_height - t.font_size * 1.2f) / 2.0f));
  s.FrameRounding = t.radius;
  s.FrameBorderSize = 1.0f;
  s.ItemSpacing = ImVec2(8.0f, t.gap);
  s.ItemInnerSpacing = ImVec2(6.0f, 4.0f);
  s.ScrollbarSize = 8.0f;
  s.ScrollbarRounding = 4.0f;
  s.GrabRounding = t.radius;
  s.DisabledAlpha = 0.6f;
  s.AntiAliasedLines = true;
  s.AntiAliasedFill = true;

  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = to_vec(t.text);
  c[ImGuiCol_TextDisabled] = to_vec(t.muted);
  c[ImGuiCol_WindowBg] = to_vec(t.bg);
  c[ImGuiCol_ChildBg] = to_vec(t.bg);
  c[ImGuiCol_PopupBg] = to_vec(t.bg);
  c[ImGuiCol_Border] = to_vec(t.border);
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = to_vec(t.dark ? t.code_bg : t.bg);
  c[ImGuiCol_FrameBgHovered] = to_vec(t.dark ? t.code_bg : t.bg);
  c[ImGuiCol_FrameBgActive] = to_vec(t.dark ? t.code_bg : t.bg);
  c[ImGuiCol_TextSelectedBg] = to_vec((t.accent & 0x00FFFFFF) | (0x66u << IM_COL32_A_SHIFT));
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = to_vec(t.border);
  c[ImGuiCol_ScrollbarGrabHovered] = to_vec(t.muted);
  c[ImGuiCol_ScrollbarGrabActive] = to_vec(t.muted);
  c[ImGuiCol_NavHighlight] = to_vec(t.accent);
  c[ImGuiCol_Button] = to_vec(t.surface);
  c[ImGuiCol_ButtonHovered] = to_vec(t.surface_hover);
  c[ImGuiCol_ButtonActive] = to_vec(t.surface_hover);
  c[ImGuiCol_CheckMark] = to_vec(t.accent_text);
}

}  // namespace acw::ui
