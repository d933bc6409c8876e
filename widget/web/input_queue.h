// Input from the canvas listeners, queued and fed to ImGui frame by frame. imgui 1.86 samples
// io.MouseDown[] and io.KeysDown[] once per frame, so a press and release inside one frame would
// be lost: each frame applies at most one button or key transition (and nothing after it).
#pragma once
#include <deque>
#include <string>

#include "imgui.h"

namespace acw::web {

struct InputEvent {
  enum class Type { move, button, leave, wheel, key, text, focus } type = Type::move;
  float x = 0, y = 0;   // move: CSS px; wheel: CSS px deltas
  int code = 0;         // button index (ImGui order) or DOM keyCode
  bool down = false;    // button / key / focus
  int mods = 0;         // bit 1 ctrl, 2 shift, 4 alt, 8 meta
  std::string text;     // text
};

class InputQueue {
 public:
  void push(InputEvent event);
  bool empty() const { return queue_.empty(); }
  void clear() { queue_.clear(); }

  // Applies events to `io` up to and including the first button/key transition. `wheel_unit`
  // is how many CSS px one unit of io.MouseWheel scrolls. Returns true if anything was applied.
  bool apply(ImGuiIO& io, float wheel_unit);

  // DOM keyCodes in io.KeyMap.
  static void map_keys(ImGuiIO& io);

 private:
  std::deque<InputEvent> queue_;
};

}  // namespace acw::web
