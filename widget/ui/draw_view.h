// Draws a ViewModel as one full-canvas ImGui window and reports what the user did and where
// every item landed. Call between ImGui::NewFrame() and ImGui::Render().
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/view_model.h"
#include "fonts.h"
#include "snapshot.h"
#include "theme.h"

namespace acw::ui {

struct UiEvent {
  enum class Kind { click, input } kind = Kind::click;
  std::string id;
  std::string text;  // input only
};

// `{"type":"click","id":…}` / `{"type":"input","id":…,"text":…}` (docs/c-api.md).
std::string event_json(const UiEvent& event);

struct FrameOutput {
  std::vector<UiEvent> events;
  std::vector<DrawnItem> items;  // visible items, in draw order
  bool animating = false;        // something moves (busy indicator): draw again soon
};

class ViewDrawer {
 public:
  void draw(const ViewModel& vm, const Theme& theme, const Fonts& fonts, FrameOutput& out);

 private:
  std::unordered_map<std::string, std::string> input_buffers_;
};

}  // namespace acw::ui
