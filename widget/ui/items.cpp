#include "items.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"  // GetActiveID: keep the user's text while an input is being edited
#include "text_block.h"

namespace acw::ui {
namespace {

constexpr float kNoticePadX = 12.0f, kNoticePadY = 10.0f, kNoticeBar = 3.0f;
constexpr float kCodePadX = 10.0f, kCodePadY = 8.0f;
constexpr float kButtonPadX = 16.0f;
constexpr float kTabInset = 3.0f;
constexpr float kCheckBox = 18.0f;
constexpr float kLabelGap = 6.0f;

TextStyle style_for(const ViewItem& item, const ItemContext& ctx) {
  const Fonts& f = ctx.fonts;
  switch (kind_of(item)) {
    case Kind::button:
    case Kind::tab: return {f.strong, 0.0f, 1.2f, true};
    case Kind::code: return {f.small, 0.0f, 1.35f, false};
    case Kind::text:
      if (item.look == Look::heading) return {f.heading, 0.0f, 1.2f, false};
      if (item.look == Look::value) return {f.value, 0.0f, 1.1f, false};
      return {f.body, 0.0f, 1.35f, false};
    default: return {f.body, 0.0f, 1.35f, false};
  }
}

const NoticeColors& notice_colors(Look look, const Theme& t) {
  if (look == Look::error) return t.error;
  if (look == Look::warning) return t.warning;
  return t.success;
}

float pad_x(Kind k) {
  switch (k) {
    case Kind::notice: return kNoticePadX + kNoticeBar;
    case Kind::code: return kCodePadX;
    case Kind::button: return kButtonPadX;
    case Kind::tab: return kButtonPadX * 0.75f + kTabInset;
    default: return 0.0f;
  }
}

float input_frame_height(const ItemContext& ctx) {
  return ctx.fonts.body->FontSize * ImGui::GetIO().FontGlobalScale + ImGui::GetStyle().FramePadding.y * 2;
}

float label_height(const ViewItem& item, float width, const ItemContext& ctx) {
  if (item.label.empty()) return 0.0f;
  return measure_text(item.label, width, {ctx.fonts.small}).y + kLabelGap;
}

// Hit area + hover cursor shared by buttons, tabs, links and checkboxes.
struct Press {
  bool hovered = false, held = false, clicked = false;
};

Press press_area(ImVec2 pos, ImVec2 size, bool enabled) {
  Press p;
  ImGui::SetCursorScreenPos(pos);
  p.clicked = ImGui::InvisibleButton("##hit", ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
  p.hovered = ImGui::IsItemHovered();
  p.held = ImGui::IsItemActive();
  if (p.hovered) ImGui::SetMouseCursor(enabled ? ImGuiMouseCursor_Hand : ImGuiMouseCursor_NotAllowed);
  if (!enabled) p.clicked = p.held = false;
  return p;
}

int resize_callback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* str = static_cast<std::string*>(data->UserData);
    str->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = str->data();
  }
  return 0;
}

ImDrawFlags corners(Segment s) {
  switch (s) {
    case Segment::first: return ImDrawFlags_RoundCornersLeft;
    case Segment::last: return ImDrawFlags_RoundCornersRight;
    case Segment::middle: return ImDrawFlags_RoundCornersNone;
    default: return ImDrawFlags_RoundCornersAll;
  }
}

ItemResult draw_text_item(const ViewItem& item, ImVec2 pos, float width, const ItemContext& ctx) {
  const Theme& t = ctx.theme;
  const TextStyle st = style_for(item, ctx);
  const ImVec2 size = measure_text(item.label, width, st);
  const ImU32 color = item.look == Look::muted ? t.muted : t.text;
  draw_text(ImGui::GetWindowDrawList(), pos, item.label, width, color, st);
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(size);
  return {pos, ImVec2(pos.x + size.x, pos.y + size.y)};
}

ItemResult draw_box(const ViewItem& item, ImVec2 pos, float width, const ItemContext& ctx) {
  const Theme& t = ctx.theme;
  const Kind k = kind_of(item);
  const TextStyle st = style_for(item, ctx);
  const float px = pad_x(k), py = k == Kind::code ? kCodePadY : kNoticePadY;
  const ImVec2 text = measure_text(item.label, width - px - (k == Kind::notice ? kNoticePadX : kCodePadX), st);
  const ImVec2 max(pos.x + width, pos.y + text.y + py * 2);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImU32 text_color = t.code_text;
  if (k == Kind::notice) {
    const NoticeColors& c = notice_colors(item.look, t);
    // The accent bar on the left is the border color showing past the inset background.
    dl->AddRectFilled(pos, max, c.border, t.radius);
    dl->AddRectFilled(ImVec2(pos.x + kNoticeBar, pos.y), max, c.bg,
                      std::max(0.0f, t.radius - 1.0f), ImDrawFlags_RoundCornersRight);
    dl->AddRect(pos, max, (c.border & 0x00FFFFFF) | (0x70u << IM_COL32_A_SHIFT), t.radius);
    text_color = c.text;
  } else {
    dl->AddRectFilled(pos, max, t.code_bg, t.radius);
    dl->AddRect(pos, max, t.border, t.radius);
  }
  draw_text(dl, ImVec2(pos.x + px, pos.y + py), item.label,
            width - px - (k == Kind::notice ? kNoticePadX : kCodePadX), text_color, st);
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(ImVec2(width, max.y - pos.y));
  return {pos, max};
}

ItemResult draw_button(const ViewItem& item, ImVec2 pos, float width, Segment seg, const ItemContext& ctx,
                       float height) {
  const Theme& t = ctx.theme;
  const Kind k = kind_of(item);
  const TextStyle st = style_for(item, ctx);
  const float h = std::max(height, item_height(item, width, ctx));
  const ImVec2 max(pos.x + width, pos.y + h);
  const Press p = press_area(pos, ImVec2(width, h), item.enabled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImU32 text_color = t.text;
  float inset = 0.0f;
  if (k == Kind::tab) {
    dl->AddRectFilled(pos, max, t.surface, t.radius, corners(seg));
    inset = kTabInset;
    const ImVec2 a(pos.x + inset, pos.y + inset), b(max.x - inset, max.y - inset);
    const float r = std::max(0.0f, t.radius - inset * 0.5f);
    if (item.selected) {
      dl->AddRectFilled(a, b, t.selected_bg, r);
      dl->AddRect(a, b, t.border, r);
      text_color = t.selected_text;
    } else {
      if (item.enabled && (p.hovered || p.held)) dl->AddRectFilled(a, b, t.surface_hover, r);
      text_color = item.enabled ? t.muted : t.disabled_text;
    }
  } else if (item.look == Look::primary) {
    const ImU32 bg = !item.enabled ? t.disabled_bg : p.held ? t.accent_active : p.hovered ? t.accent_hover : t.accent;
    dl->AddRectFilled(pos, max, bg, t.radius);
    text_color = item.enabled ? t.accent_text : t.disabled_text;
  } else {
    const ImU32 bg = !item.enabled ? t.disabled_bg : (p.held || p.hovered) ? t.surface_hover : t.surface;
    dl->AddRectFilled(pos, max, bg, t.radius);
    dl->AddRect(pos, max, t.border, t.radius);
    text_color = item.enabled ? t.text : t.disabled_text;
  }
  const float tw = width - 2 * pad_x(k);
  const ImVec2 ts = measure_text(item.label, tw, st);
  draw_text(dl, ImVec2(pos.x + pad_x(k), pos.y + std::floor((h - ts.y) * 0.5f)), item.label, tw, text_color, st);
  ItemResult r{pos, max};
  r.clicked = p.clicked;
  return r;
}

ItemResult draw_link(const ViewItem& item, ImVec2 pos, float width, const ItemContext& ctx) {
  const TextStyle st = style_for(item, ctx);
  const ImVec2 size = measure_text(item.label, width, st);
  const Press p = press_area(pos, size, item.enabled);
  ImU32 color = item.enabled ? ctx.theme.link : ctx.theme.disabled_text;
  if (p.hovered && item.enabled) color = ctx.theme.text;
  draw_text(ImGui::GetWindowDrawList(), pos, item.label, width, color, st, true);
  ItemResult r{pos, ImVec2(pos.x + size.x, pos.y + size.y)};
  r.clicked = p.clicked;
  return r;
}

ItemResult draw_checkbox(const ViewItem& item, ImVec2 pos, float width, const ItemContext& ctx) {
  const Theme& t = ctx.theme;
  const TextStyle st = style_for(item, ctx);
  const float tw = width - kCheckBox - 8.0f;
  const ImVec2 ts = measure_text(item.label, tw, st);
  const float h = std::max(kCheckBox, ts.y);
  const Press p = press_area(pos, ImVec2(std::min(width, kCheckBox + 8.0f + ts.x), h), item.enabled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 b0(pos.x, pos.y + std::floor((std::min(h, ts.y + 2) - kCheckBox) * 0.5f));
  const ImVec2 b1(b0.x + kCheckBox, b0.y + kCheckBox);
  if (item.selected) {
    dl->AddRectFilled(b0, b1, item.enabled ? t.accent : t.disabled_text, 4.0f);
    const ImVec2 pts[3] = {{b0.x + 4, b0.y + 9}, {b0.x + 7.5f, b0.y + 12.5f}, {b0.x + 14, b0.y + 5.5f}};
    dl->AddPolyline(pts, 3, t.accent_text, ImDrawFlags_None, 2.0f);
  } else {
    dl->AddRectFilled(b0, b1, t.bg, 4.0f);
    dl->AddRect(b0, b1, p.hovered && item.enabled ? t.accent : t.muted, 4.0f, 0, 1.5f);
  }
  draw_text(dl, ImVec2(pos.x + kCheckBox + 8.0f, pos.y), item.label, tw,
            item.enabled ? t.text : t.disabled_text, st);
  ItemResult r{pos, ImVec2(pos.x + kCheckBox + 8.0f + ts.x, pos.y + h)};
  r.clicked = p.clicked;
  return r;
}

ItemResult draw_input(const ViewItem& item, ImVec2 pos, float width, ItemContext& ctx) {
  const Theme& t = ctx.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float y = pos.y;
  if (!item.label.empty()) {
    draw_text(dl, pos, item.label, width, t.muted, {ctx.fonts.small});
    y += label_height(item, width, ctx);
  }
  std::string& buf = ctx.input_buffers[item.id];
  if (ImGui::GetActiveID() != ImGui::GetID("##in")) buf = item.value;
  ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
  ImGui::SetNextItemWidth(width);
  ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(t.input_border));
  ImGui::BeginDisabled(!item.enabled);
  const bool changed = ImGui::InputTextWithHint("##in", item.hint.c_str(), buf.data(), buf.capacity() + 1,
                                                ImGuiInputTextFlags_CallbackResize, resize_callback, &buf);
  ImGui::EndDisabled();
  ImGui::PopStyleColor();
  ItemResult r{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  if (ImGui::IsItemActive()) {
    dl->AddRect(ImVec2(r.min.x - 1, r.min.y - 1), ImVec2(r.max.x + 1, r.max.y + 1), t.accent, t.radius + 1, 0, 2.0f);
  }
  if (changed && item.enabled) {
    r.changed = true;
    r.text = buf;
  }
  return r;
}

}  // namespace

Kind kind_of(const ViewItem& item) {
  switch (item.role) {
    case Role::button: return item.look == Look::tab ? Kind::tab : Kind::button;
    case Role::link: return Kind::link;
    case Role::input: return Kind::input;
    case Role::checkbox: return Kind::checkbox;
    case Role::text: break;
  }
  switch (item.look) {
    case Look::error:
    case Look::warning:
    case Look::success: return Kind::notice;
    case Look::code: return Kind::code;
    default: return Kind::text;
  }
}

bool is_flexible(Kind k) { return k == Kind::input || k == Kind::notice || k == Kind::code; }

float natural_width(const ViewItem& item, const ItemContext& ctx) {
  const Kind k = kind_of(item);
  switch (k) {
    case Kind::input: return 120.0f;
    case Kind::checkbox: return kCheckBox + 8.0f + text_width(item.label, style_for(item, ctx));
    case Kind::notice: return text_width(item.label, style_for(item, ctx)) + pad_x(k) + kNoticePadX;
    default: return text_width(item.label, style_for(item, ctx)) + 2 * pad_x(k);
  }
}

float item_height(const ViewItem& item, float width, const ItemContext& ctx) {
  const Kind k = kind_of(item);
  const TextStyle st = style_for(item, ctx);
  switch (k) {
    case Kind::text:
    case Kind::link: return measure_text(item.label, width, st).y;
    case Kind::notice: return measure_text(item.label, width - pad_x(k) - kNoticePadX, st).y + 2 * kNoticePadY;
    case Kind::code: return measure_text(item.label, width - 2 * kCodePadX, st).y + 2 * kCodePadY;
    case Kind::checkbox: return std::max(kCheckBox, measure_text(item.label, width - kCheckBox - 8.0f, st).y);
    case Kind::input: return label_height(item, width, ctx) + input_frame_height(ctx);
    case Kind::button:
    case Kind::tab: {
      const float text_h = measure_text(item.label, width - 2 * pad_x(k), st).y;
      const float h = k == Kind::tab ? ctx.theme.button_height - 2.0f : ctx.theme.button_height;
      return std::max(h, text_h + 20.0f);
    }
  }
  return 0.0f;
}

ItemResult draw_item(const ViewItem& item, ImVec2 pos, float width, Segment segment, ItemContext& ctx,
                     float height) {
  switch (kind_of(item)) {
    case Kind::text: return draw_text_item(item, pos, width, ctx);
    case Kind::notice:
    case Kind::code: return draw_box(item, pos, width, ctx);
    case Kind::button:
    case Kind::tab: return draw_button(item, pos, width, segment, ctx, height);
    case Kind::link: return draw_link(item, pos, width, ctx);
    case Kind::checkbox: return draw_checkbox(item, pos, width, ctx);
    case Kind::input: return draw_input(item, pos, width, ctx);
  }
  return {pos, pos};
}

float hint_height(const std::string& hint, float width, const ItemContext& ctx) {
  return measure_text(hint, width, {ctx.fonts.small}).y;
}

ImVec2 draw_hint(const std::string& hint, ImVec2 pos, float width, const ItemContext& ctx) {
  const ImVec2 size = measure_text(hint, width, {ctx.fonts.small});
  draw_text(ImGui::GetWindowDrawList(), pos, hint, width, ctx.theme.muted, {ctx.fonts.small});
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(size);
  return ImVec2(pos.x + size.x, pos.y + size.y);
}

}  // namespace acw::ui
