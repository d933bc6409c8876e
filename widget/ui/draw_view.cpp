#include "draw_view.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "items.h"
#include "layout.h"

namespace acw::ui {
namespace {

constexpr ImGuiWindowFlags kWindowFlags =
    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNavFocus;

void record(const ViewItem& item, const ItemResult& r, FrameOutput& out) {
  if (!ImGui::IsRectVisible(r.min, r.max)) return;  // scrolled out of view
  out.items.push_back({item.id, item.label, item.role, r.min.x, r.min.y, r.max.x - r.min.x,
                       r.max.y - r.min.y, item.enabled});
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

}  // namespace

std::string event_json(const UiEvent& e) {
  nlohmann::json j = {{"type", e.kind == UiEvent::Kind::click ? "click" : "input"}, {"id", e.id}};
  if (e.kind == UiEvent::Kind::input) j["text"] = e.text;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
  std::unordered_map<std::string, int> seen;

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
        collect(item, draw_item(item, ImVec2(left + p.x, y + dy), p.width, p.segment, ctx, heights[j]), out);
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
  ImGui::PopFont();
  ImGui::End();
}

}  // namespace acw::ui
