// Draws a ViewModel as one full-canvas ImGui window and reports what the user did and where
// every item landed. Call between ImGui::NewFrame() and ImGui::Render().
#pragma once
#include <string>
#include <map>
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
  bool scrolled = false;         // scrolled to bring the focused item into view: draw again
  // Laid out with a scrollbar or scroll offset that this frame's content changes on the next
  // frame (a view shorter or taller than the last): nothing of it stays where it is. Draw again
  // before showing or reporting it.
  bool unsettled = false;
};

class ViewDrawer {
 public:
  void draw(const ViewModel& vm, const Theme& theme, const Fonts& fonts, FrameOutput& out);

  // The item that has the keyboard focus outside the canvas (the shim's accessibility mirror):
  // drawn with a focus ring and scrolled into view once. "" for none. `caret` is a UTF-8 byte
  // offset into an input's value where a caret is drawn, or -1.
  void set_focus(std::string id, int caret);
  const std::string& focus() const { return focus_; }

 private:
  void draw_focus(const ViewItem& item, ImVec2 min, ImVec2 max, const Theme& theme);

  std::map<std::string, std::string> input_buffers_;
  std::string focus_;
  int caret_ = -1;
  bool scroll_to_focus_ = false;
};

}  // namespace acw::ui
