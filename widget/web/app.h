// One widget instance on one canvas: the core Widget, the GL context, ImGui, fonts, input and
// the frame loop. exports.cpp forwards the C API of docs/c-api.md to the single App.
#pragma once
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/widget.h"
#include "gl_context.h"
#include "input_queue.h"
#include "ui/draw_view.h"
#include "ui/fonts.h"
#include "font_data.h"
#include "ui/glyph_needs.h"
#include "ui/theme.h"

struct ImGuiContext;

namespace acw::web {

class App {
 public:
  App() = default;
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  bool create(std::string_view config_json);  // false when WebGL2 is unavailable
  void resize(int css_w, int css_h, double dpr);
  int frame(double now_ms);

  std::string dispatch(std::string_view event_json);
  std::string resolve(int effect_id, std::string_view result_json);
  std::string load_fixture(std::string_view state_json);
  std::string state_json() const { return widget_->state_json(); }
  std::string take_effects() { return widget_->take_effects_json(); }
  const std::string& snapshot() const { return snapshot_; }
  // The accessibility mirror's tree (ui::semantics_json) and a counter that changes with it.
  const std::string& semantics() const { return semantics_; }
  int semantics_version() const { return semantics_version_; }
  void focus_item(const char* id, int caret);  // the mirror element with the keyboard focus

  void pointer(int kind, double x, double y, int button);
  int wheel(double dx, double dy);        // 1 when the widget scrolls (the page must not)
  int key(int key_code, int down, int mods);  // 1 when a text field takes the key
  int text(const char* utf8);             // 1 when a text field takes the text
  void focus(bool focused);

 private:
  // Puts the drawn frame on the canvas and updates the snapshot and the semantic tree.
  void present(const ViewModel& vm);
  void rebuild_fonts(bool with_value);
  void update_cursor();
  void touch(int frames = 1) { settle_ = std::max(settle_, frames); }

  std::unique_ptr<Widget> widget_;
  GlContext gl_;
  ImGuiContext* imgui_ = nullptr;
  bool backend_ready_ = false;
  bool device_ready_ = false;
  ui::Theme theme_;
  ui::Fonts fonts_;
  float fonts_dpr_ = 0.0f;
  ui::GlyphNeeds glyphs_{reinterpret_cast<const ImWchar*>(kFontGlyphRanges)};
  bool fonts_with_value_ = false;  // the atlas holds the big numbers' face (ui::build_fonts)
  ui::ViewDrawer drawer_;
  ui::FrameOutput out_;
  InputQueue input_;
  int css_w_ = 400, css_h_ = 560;
  float dpr_ = 1.0f;
  double last_ms_ = -1.0;
  int settle_ = 2;
  bool skipped_unsettled_ = false;  // the last frame was not shown (see frame())
  bool wants_text_ = false;     // from the last frame
  float scroll_y_ = 0.0f, scroll_max_y_ = 0.0f;
  int cursor_ = -2;
  std::string snapshot_;
  std::vector<ui::DrawnItem> semantic_items_;  // what semantics_ was made from
  StateName semantic_state_ = StateName::disconnected;
  bool semantic_busy_ = false;
  std::string semantic_focus_;
  std::string semantics_;
  int semantics_version_ = 0;
};

}  // namespace acw::web
