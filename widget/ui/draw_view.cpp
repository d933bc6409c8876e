#include "draw_view.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/wire.h"
#include "imgui_internal.h"  // the window's scrollbar and content size, as Begin() reads them
#include "items.h"
#include "layout.h"

namespace acw::ui {
namespace {

constexpr ImGuiWindowFlags kWindowFlags =
    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNavFocus;

// Every laid-out item is recorded; those scrolled out of view are marked invisible (the snapshot
// leaves them out, the accessibility mirror keeps them reachable).
void record(const ViewItem& item, const ItemResult& r, FrameOutput& out) {
  DrawnItem d;
  d.id = item.id;
  d.label = item.label;
  d.role = item.role;
  d.x = r.min.x;
  d.y = r.min.y;
  d.w = r.max.x - r.min.x;
  d.h = r.max.y - r.min.y;
  d.enabled = item.enabled;
  d.look = item.look;
  d.selected = item.selected;
  d.visible = ImGui::IsRectVisible(r.min, r.max);
  if (item.role == Role::input) {
    d.value = item.value;
    d.hint = item.hint;
    d.name = item.name;
    d.numeric = item.numeric;
    d.described_by = item.described_by;
  }
  out.items.push_back(std::move(d));
}

void collect(const ViewItem& item, const ItemResult& r, FrameOutput& out) {
  record(item, r, out);
  if (r.clicked && item.enabled) out.events.push_back({UiEvent::Kind::click, item.id, {}});
  if (r.changed) out.events.push_back({UiEvent::Kind::input, item.id, r.text});
}

// A thin indeterminate progress bar along the top edge while something is in flight.
void draw_busy(const Theme& t) {
  const ImVec2 p = ImGui::GetWindowPos();
  const float w = ImGui::GetWindowWidth();
  const float phase = std::fmod(static_cast<float>(ImGui::GetTime()) * 0.8f, 1.0f);
  const float seg = w * 0.3f;
  const float x = p.x - seg + (w + seg) * phase;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRectFullScreen();
  dl->AddRectFilled(ImVec2(p.x, p.y), ImVec2(p.x + w, p.y + 3.0f), t.surface);
  dl->AddRectFilled(ImVec2(std::max(p.x, x), p.y), ImVec2(std::min(p.x + w, x + seg), p.y + 3.0f), t.accent);
  dl->PopClipRect();
}

// Scrolls the window so that [top, bottom] (screen space) is inside it; true when it scrolls.
bool scroll_into_view(float top, float bottom, const Theme& t) {
  const float view_top = ImGui::GetWindowPos().y + t.pad;
  const float view_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - t.pad;
  float delta = 0.0f;
  if (bottom > view_bottom) delta = bottom - view_bottom;
  if (top - delta < view_top) delta = top - view_top;
  if (std::fabs(delta) < 0.5f) return false;
  ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + delta, 0.0f, ImGui::GetScrollMaxY()));
  return true;
}

// ImGui decides the scrollbar and clamps the scroll offset from the previous frame's content
// (Begin() in imgui.cpp). A view that is shorter or taller than the last one (a failure after a
// long form) is therefore laid out once with the old scrollbar and offset, and moves on the next
// frame: the text wraps to another width, buttons shift. The same test as Begin(), on this
// frame's content, says whether that will happen.
bool layout_changes_next_frame() {
  const ImGuiWindow* w = ImGui::GetCurrentWindow();
  const float content_h = IM_FLOOR(w->DC.CursorMaxPos.y - w->DC.CursorStartPos.y);
  const float needed_h = content_h + w->WindowPadding.y * 2.0f;
  const bool scrollbar = needed_h > w->InnerRect.GetHeight() + w->ScrollbarSizes.y;
  const float max_scroll = std::max(0.0f, needed_h - w->InnerRect.GetHeight());
  return scrollbar != w->ScrollbarY || w->Scroll.y > max_scroll + 0.5f;
}

}  // namespace

void ViewDrawer::set_focus(std::string id, int caret) {
  if (id != focus_) scroll_to_focus_ = !id.empty();
  focus_ = std::move(id);
  caret_ = caret;
}

// The keyboard focus ring (≥ 3:1 against the background, 2 px, outside the item) and, in a
// text field, a caret where the mirror input has it.
void ViewDrawer::draw_focus(const ViewItem& item, ImVec2 min, ImVec2 max, const Theme& t) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  constexpr float kOffset = 3.0f;
  dl->AddRect(ImVec2(min.x - kOffset, min.y - kOffset), ImVec2(max.x + kOffset, max.y + kOffset), t.focus,
              t.radius + kOffset, 0, 2.0f);
  if (item.role != Role::input || caret_ < 0 || !item.enabled) return;
  const ImGuiStyle& style = ImGui::GetStyle();
  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(caret_), item.value.size());
  const float x = std::min(max.x - style.FramePadding.x,
                           min.x + style.FramePadding.x + ImGui::CalcTextSize(item.value.c_str(), item.value.c_str() + n).x);
  const float y = min.y + style.FramePadding.y;
  const float cx = std::floor(x);
  dl->AddRectFilled(ImVec2(cx, y), ImVec2(cx + 1.0f, y + ImGui::GetFontSize()), t.text);
}

std::string event_json(const UiEvent& e) {
  nlohmann::json j = {{"type", e.kind == UiEvent::Kind::click ? "click" : "input"}, {"id", e.id}};
  if (e.kind == UiEvent::Kind::input) j["text"] = e.text;
  return json_text(j);
}

void ViewDrawer::draw(const ViewModel& vm, const Theme& theme, const Fonts& fonts, FrameOutput& out) {
  out = FrameOutput{};
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##acw", nullptr, kWindowFlags);
  ImGui::PushFont(fonts.body);

  ItemContext ctx{theme, fonts, input_buffers_};
  const float avail = std::max(1.0f, ImGui::GetContentRegionAvail().x);
  const float left = ImGui::GetCursorScreenPos().x;
  float y = ImGui::GetCursorScreenPos().y;
  const auto& items = vm.items;
  std::map<std::string, int> seen;

  for (std::size_t first = 0; first < items.size();) {
    std::size_t last = first;
    while (last + 1 < items.size() && items[last + 1].same_line) ++last;
    for (const Line& line : plan_row(items, first, last, avail, ctx)) {
      std::vector<float> heights;
      float line_h = 0.0f, buttons_h = 0.0f;
      bool has_input = false;
      for (const Placed& p : line) {
        const Kind k = kind_of(items[p.index]);
        heights.push_back(item_height(items[p.index], p.width, ctx));
        line_h = std::max(line_h, heights.back());
        has_input = has_input || k == Kind::input;
        if (k == Kind::button || k == Kind::tab) buttons_h = std::max(buttons_h, heights.back());
      }
      // Buttons side by side are equally tall (a wrapped label makes them all grow).
      for (std::size_t j = 0; j < line.size(); ++j) {
        const Kind k = kind_of(items[line[j].index]);
        if (line.size() > 1 && (k == Kind::button || k == Kind::tab)) heights[j] = buttons_h;
      }
      for (std::size_t j = 0; j < line.size(); ++j) {
        const Placed& p = line[j];
        const ViewItem& item = items[p.index];
        // Centre items on the line; with an input (its label sits above) align the bottoms.
        const float dy = has_input ? line_h - heights[j] : std::floor((line_h - heights[j]) * 0.5f);
        // ImGui ids from the item id, not its position: a notice appearing above a text field
        // must not take the field's focus away. Repeated ids get a counter.
        ImGui::PushID(item.id.c_str());
        ImGui::PushID(seen[item.id]++);
        const ItemResult r = draw_item(item, ImVec2(left + p.x, y + dy), p.width, p.segment, ctx, heights[j]);
        collect(item, r, out);
        if (!focus_.empty() && item.id == focus_ && item.role != Role::text) {
          draw_focus(item, r.min, r.max, theme);
          if (scroll_to_focus_) {
            scroll_to_focus_ = false;
            out.scrolled = scroll_into_view(r.min.y, r.max.y, theme);
          }
        }
        ImGui::PopID();
        ImGui::PopID();
      }
      y += line_h + theme.gap;
      // Why a button is disabled: visible text under it, never hover-only.
      for (const Placed& p : line) {
        const ViewItem& item = items[p.index];
        if (item.enabled || item.hint.empty() || item.role == Role::input) continue;
        const float h = hint_height(item.hint, avail, ctx);
        const ImVec2 at(left, y - theme.gap * 0.5f);
        const ImVec2 end = draw_hint(item.hint, at, avail, ctx);
        ViewItem hint;
        hint.id = item.id + ".hint";
        hint.label = item.hint;
        record(hint, ItemResult(at, end), out);
        y += h + theme.gap * 0.5f;
      }
    }
    first = last + 1;
  }

  if (vm.busy) {
    draw_busy(theme);
    out.animating = true;
  }
  out.unsettled = layout_changes_next_frame();
  ImGui::PopFont();
  ImGui::End();
}

}  // namespace acw::ui
