#include "input_queue.h"

#include <cfloat>

#include "imgui_internal.h"  // ClearActiveID when the canvas loses focus

namespace acw::web {
namespace {

constexpr std::size_t kMaxQueued = 512;  // a flood of moves must not grow without bound

void set_mods(ImGuiIO& io, int mods) {
  io.KeyCtrl = (mods & 1) != 0;
  io.KeyShift = (mods & 2) != 0;
  io.KeyAlt = (mods & 4) != 0;
  io.KeySuper = (mods & 8) != 0;
}

}  // namespace

void InputQueue::map_keys(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = 9;
  io.KeyMap[ImGuiKey_LeftArrow] = 37;
  io.KeyMap[ImGuiKey_RightArrow] = 39;
  io.KeyMap[ImGuiKey_UpArrow] = 38;
  io.KeyMap[ImGuiKey_DownArrow] = 40;
  io.KeyMap[ImGuiKey_PageUp] = 33;
  io.KeyMap[ImGuiKey_PageDown] = 34;
  io.KeyMap[ImGuiKey_Home] = 36;
  io.KeyMap[ImGuiKey_End] = 35;
  io.KeyMap[ImGuiKey_Insert] = 45;
  io.KeyMap[ImGuiKey_Delete] = 46;
  io.KeyMap[ImGuiKey_Backspace] = 8;
  io.KeyMap[ImGuiKey_Space] = 32;
  io.KeyMap[ImGuiKey_Enter] = 13;
  io.KeyMap[ImGuiKey_Escape] = 27;
  io.KeyMap[ImGuiKey_KeyPadEnter] = 13;
  io.KeyMap[ImGuiKey_A] = 65;
  io.KeyMap[ImGuiKey_C] = 67;
  io.KeyMap[ImGuiKey_V] = 86;
  io.KeyMap[ImGuiKey_X] = 88;
  io.KeyMap[ImGuiKey_Y] = 89;
  io.KeyMap[ImGuiKey_Z] = 90;
}

void InputQueue::push(InputEvent e) {
  // Consecutive moves collapse into the last one.
  if (e.type == InputEvent::Type::move && !queue_.empty() && queue_.back().type == InputEvent::Type::move) {
    queue_.back() = std::move(e);
    return;
  }
  if (queue_.size() >= kMaxQueued) {
    if (e.type == InputEvent::Type::move || e.type == InputEvent::Type::wheel) return;
    queue_.pop_front();
  }
  queue_.push_back(std::move(e));
}

bool InputQueue::apply(ImGuiIO& io, float wheel_unit) {
  bool applied = false;
  bool transition = false;  // once one happened, the rest waits for the next frame
  while (!queue_.empty() && !transition) {
    InputEvent& e = queue_.front();
    switch (e.type) {
      case InputEvent::Type::move:
        io.MousePos = ImVec2(e.x, e.y);
        break;
      case InputEvent::Type::leave:
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        break;
      case InputEvent::Type::wheel:
        io.MouseWheelH -= e.x / wheel_unit;
        io.MouseWheel -= e.y / wheel_unit;
        break;
      case InputEvent::Type::text:
        io.AddInputCharactersUTF8(e.text.c_str());
        break;
      case InputEvent::Type::focus:
        if (!e.down) {
          io.AddFocusEvent(false);
          ImGui::ClearActiveID();  // leave any text field being edited
          for (bool& b : io.MouseDown) b = false;
          for (bool& k : io.KeysDown) k = false;
          set_mods(io, 0);
        }
        break;
      case InputEvent::Type::button: {
        if (e.code < 0 || e.code >= IM_ARRAYSIZE(io.MouseDown)) break;
        bool& down = io.MouseDown[e.code];
        transition = true;
        if (down && e.down) {  // a missed release: release now, press next frame
          down = false;
          applied = true;
          continue;
        }
        down = e.down;
        break;
      }
      case InputEvent::Type::key: {
        set_mods(io, e.mods);
        if (e.code <= 0 || e.code >= IM_ARRAYSIZE(io.KeysDown)) break;
        bool& down = io.KeysDown[e.code];
        transition = true;
        if (down && e.down) {  // auto-repeat: release now, press again next frame
          down = false;
          applied = true;
          continue;
        }
        down = e.down;
        break;
      }
    }
    queue_.pop_front();
    applied = true;
    // Text typed after a key press waits: ImGui handles characters before keys in a frame.
    if (!queue_.empty() && queue_.front().type == InputEvent::Type::text && transition) break;
  }
  return applied;
}

}  // namespace acw::web
