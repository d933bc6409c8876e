#include "app.h"

#include <emscripten/html5.h>  // emscripten_date_now

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>

#include "browser.h"
#include "font_data.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // the window's scroll limits, for wheel capture
#include "ui/snapshot.h"

namespace acw::web {
namespace {

constexpr int kTickerMs = 100;  // ≤ 10 Hz while something animates or ticks
constexpr const char* kWindowName = "##acw";

void set_clipboard(void*, const char* text) { write_clipboard(text); }
// Pasting arrives as text (the page's paste event), so ImGui's own Ctrl+V inserts nothing.
const char* get_clipboard(void*) { return ""; }

ImVec4 rgba(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

bool shows_value(const ViewModel& vm) {
  return std::any_of(vm.items.begin(), vm.items.end(), [](const ViewItem& i) { return i.look == Look::value; });
}

}  // namespace

App::~App() {
  if (imgui_) {
    ImGui::SetCurrentContext(imgui_);
    if (backend_ready_) {
      gl_.make_current();
      ImGui_ImplOpenGL3_Shutdown();
    }
    ImGui::DestroyContext(imgui_);
    imgui_ = nullptr;
  }
  gl_.destroy();
}

bool App::create(std::string_view config_json) {
  widget_ = std::make_unique<Widget>(config_json);
  theme_ = ui::make_theme(ui::theme_tokens_from_config(config_json));
  snapshot_ = ui::snapshot_json(widget_->state_name(), {});
  semantics_ = ui::semantics_json(widget_->state_name(), {}, false, "");
  if (!gl_.create()) return false;

  IMGUI_CHECKVERSION();
  imgui_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // frames are drawn on demand: no blinking
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  InputQueue::map_keys(io);
  ui::apply_theme(theme_, ImGui::GetStyle());
  backend_ready_ = ImGui_ImplOpenGL3_Init("#version 300 es");
  touch(2);
  return backend_ready_;
}

void App::resize(int css_w, int css_h, double dpr) {
  css_w_ = std::max(0, css_w);
  css_h_ = std::max(0, css_h);
  dpr_ = static_cast<float>(std::clamp(std::isfinite(dpr) ? dpr : 1.0, 0.5, 4.0));
  if (gl_.valid()) {
    gl_.set_backing_size(static_cast<int>(std::lround(css_w_ * dpr_)),
                         static_cast<int>(std::lround(css_h_ * dpr_)));
  }
  touch(2);
}

void App::rebuild_fonts(bool with_value) {
  ImGuiIO& io = ImGui::GetIO();
  // Until the whole subset is needed, both faces get the first texts' glyphs (ImGui skips
  // what a face lacks).
  ui::FontSources src{kFontRegular, kFontRegularSize, kFontBold, kFontBoldSize, glyphs_.ranges(),
                      glyphs_.full() ? reinterpret_cast<const ImWchar*>(kFontBoldGlyphRanges) : nullptr};
  ui::build_fonts(io, src, theme_.font_size, dpr_, with_value, fonts_);
  if (device_ready_) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  } else {
    device_ready_ = ImGui_ImplOpenGL3_CreateDeviceObjects();
  }
  io.Fonts->ClearTexData();  // the GPU has it; free the CPU copy
  fonts_dpr_ = dpr_;
  fonts_with_value_ = with_value;
}

int App::frame(double now_ms) {
  if (!imgui_ || !backend_ready_ || css_w_ <= 0 || css_h_ <= 0) return 0;
  ImGui::SetCurrentContext(imgui_);
  if (!gl_.make_current()) return 0;

  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(css_w_), static_cast<float>(css_h_));
  io.DisplayFramebufferScale = ImVec2(dpr_, dpr_);
  const double dt = last_ms_ < 0 ? 1.0 / 60.0 : (now_ms - last_ms_) / 1000.0;
  io.DeltaTime = static_cast<float>(std::clamp(dt, 0.001, 0.25));
  last_ms_ = now_ms;
  if (input_.apply(io, theme_.font_size * 5.0f)) touch();

  // The wall clock, for what ticks (credits accruing while a stream runs).
  widget_->dispatch(acw::Event::tick(static_cast<uint64_t>(emscripten_date_now())));
  const ViewModel vm = widget_->view();
  // The atlas is built before the frame that needs it: the balance's face only once a view
  // shows a balance (not on the first screen), and kept from then on; the glyphs the texts
  // shown so far use (ui::GlyphNeeds).
  const bool with_value = fonts_with_value_ || shows_value(vm);
  const bool more_glyphs = glyphs_.grow_for(vm);
  if (more_glyphs || fonts_dpr_ != dpr_ || with_value != fonts_with_value_) rebuild_fonts(with_value);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  drawer_.draw(vm, theme_, fonts_, out_);
  if (ImGuiWindow* w = ImGui::FindWindowByName(kWindowName)) {
    scroll_y_ = w->Scroll.y;
    scroll_max_y_ = w->ScrollMax.y;
  }
  update_cursor();
  ImGui::Render();
  wants_text_ = io.WantTextInput;

  // An unsettled frame (see FrameOutput::unsettled) is neither shown nor reported: the canvas
  // keeps the last frame until the next animation frame draws the settled one. Never twice in
  // a row, so that a layout that keeps flipping still shows.
  if (out_.unsettled && !skipped_unsettled_) {
    skipped_unsettled_ = true;
    touch();
  } else {
    skipped_unsettled_ = false;
    present(vm);
  }
  if (out_.scrolled) touch(2);
  for (const ui::UiEvent& e : out_.events) widget_->dispatch_json(ui::event_json(e));
  if (!out_.events.empty()) touch();

  if (!input_.empty()) return 1;
  if (settle_ > 0) return settle_--;
  if (out_.animating || vm.busy || vm.wants_ticker) return -kTickerMs;
  return 0;
}

void App::present(const ViewModel& vm) {
  const int fb_w = static_cast<int>(std::lround(css_w_ * dpr_));
  const int fb_h = static_cast<int>(std::lround(css_h_ * dpr_));
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 bg = rgba(theme_.bg);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  snapshot_ = ui::snapshot_json(vm.state, out_.items);
  // The mirror's tree is rebuilt only when something in it changed (not on hover frames).
  if (out_.items != semantic_items_ || vm.state != semantic_state_ || vm.busy != semantic_busy_ ||
      drawer_.focus() != semantic_focus_ || semantics_version_ == 0) {
    semantic_items_ = out_.items;
    semantic_state_ = vm.state;
    semantic_busy_ = vm.busy;
    semantic_focus_ = drawer_.focus();
    semantics_ = ui::semantics_json(vm.state, out_.items, vm.busy, semantic_focus_);
    ++semantics_version_;
  }
}

void App::focus_item(const char* id, int caret) {
  drawer_.set_focus(id ? id : "", caret);
  touch();
}

void App::update_cursor() {
  const int c = ImGui::GetMouseCursor();
  if (c == cursor_) return;
  cursor_ = c;
  switch (c) {
    case ImGuiMouseCursor_TextInput: set_canvas_cursor("text"); break;
    case ImGuiMouseCursor_Hand: set_canvas_cursor("pointer"); break;
    case ImGuiMouseCursor_NotAllowed: set_canvas_cursor("not-allowed"); break;
    default: set_canvas_cursor("default"); break;
  }
}

std::string App::dispatch(std::string_view event_json) {
  touch();
  return widget_->dispatch_json(event_json);
}

std::string App::resolve(int effect_id, std::string_view result_json) {
  touch();
  return widget_->resolve_json(effect_id, result_json);
}

std::string App::load_fixture(std::string_view state_json) {
  touch(2);
  return widget_->load_fixture_json(state_json);
}

void App::pointer(int kind, double x, double y, int button) {
  InputEvent e;
  e.x = static_cast<float>(x);
  e.y = static_cast<float>(y);
  switch (kind) {
    case 0: e.type = InputEvent::Type::move; break;
    case 1:
    case 2: {
      InputEvent move = e;  // the press happens where the pointer is
      move.type = InputEvent::Type::move;
      input_.push(move);
      e.type = InputEvent::Type::button;
      e.code = button == 2 ? 1 : button == 1 ? 2 : button;  // DOM → ImGui: right is 1, middle 2
      e.down = kind == 1;
      break;
    }
    case 3: e.type = InputEvent::Type::leave; break;
    default: return;
  }
  input_.push(std::move(e));
}

int App::wheel(double dx, double dy) {
  InputEvent e;
  e.type = InputEvent::Type::wheel;
  e.x = static_cast<float>(dx);
  e.y = static_cast<float>(dy);
  input_.push(std::move(e));
  return (dy > 0 && scroll_y_ < scroll_max_y_ - 0.5f) || (dy < 0 && scroll_y_ > 0.5f) ? 1 : 0;
}

int App::key(int key_code, int down, int mods) {
  InputEvent e;
  e.type = InputEvent::Type::key;
  e.code = key_code;
  e.down = down != 0;
  e.mods = mods;
  input_.push(std::move(e));
  // Tab always leaves to the page; other keys belong to the widget only while a field is active.
  return wants_text_ && key_code != 9 ? 1 : 0;
}

int App::text(const char* utf8) {
  if (!utf8 || !*utf8) return 0;
  InputEvent e;
  e.type = InputEvent::Type::text;
  e.text = utf8;
  input_.push(std::move(e));
  return wants_text_ ? 1 : 0;
}

void App::focus(bool focused) {
  InputEvent e;
  e.type = InputEvent::Type::focus;
  e.down = focused;
  input_.push(std::move(e));
  if (!focused) wants_text_ = false;
}

}  // namespace acw::web
