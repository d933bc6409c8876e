#include "gl_context.h"

#include <emscripten/html5.h>

namespace acw::web {
namespace {
constexpr const char* kCanvas = "!canvas";
}

bool GlContext::create() {
  // The shim (embed/core.js, createGlContext) has usually made this context already, while
  // the wasm downloaded, and getContext returns that one: its attributes must stay the same.
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;        // the widget paints its own opaque background
  attrs.depth = false;
  attrs.stencil = false;
  attrs.antialias = false;    // ImGui anti-aliases in its geometry
  attrs.premultipliedAlpha = true;
  attrs.preserveDrawingBuffer = false;
  attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
  attrs.enableExtensionsByDefault = true;
  handle_ = static_cast<int>(emscripten_webgl_create_context(kCanvas, &attrs));
  if (handle_ <= 0) {
    handle_ = 0;
    return false;
  }
  return make_current();
}

void GlContext::destroy() {
  if (handle_ == 0) return;
  emscripten_webgl_destroy_context(handle_);
  handle_ = 0;
}

bool GlContext::make_current() const {
  return handle_ != 0 && emscripten_webgl_make_context_current(handle_) == EMSCRIPTEN_RESULT_SUCCESS;
}

void GlContext::set_backing_size(int width, int height) const {
  emscripten_set_canvas_element_size(kCanvas, width, height);
}

}  // namespace acw::web
