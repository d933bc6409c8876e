// The exported C API of docs/c-api.md (but the fixture calls: exports_fixture.cpp). One module
// instance holds one widget; returned strings live in an instance-owned buffer until the next
// call.
#include <emscripten/emscripten.h>

#include <memory>
#include <string>

#include "exports_shared.h"

namespace {

std::unique_ptr<acw::web::App> g_app;
std::string g_ret;

using acw::web::kNotCreated;
const char* ret(std::string s) { return acw::web::exported_string(std::move(s)); }
const char* str(const char* s) { return acw::web::or_empty(s); }

}  // namespace

namespace acw::web {

App* exported_app() { return g_app.get(); }

const char* exported_string(std::string s) {
  g_ret = std::move(s);
  return g_ret.c_str();
}

}  // namespace acw::web

extern "C" {

EMSCRIPTEN_KEEPALIVE int acw_create(const char* config_json) {
  g_app = std::make_unique<acw::web::App>();
  return g_app->create(str(config_json)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void acw_destroy() { g_app.reset(); }

EMSCRIPTEN_KEEPALIVE void acw_resize(int css_w, int css_h, double dpr) {
  if (g_app) g_app->resize(css_w, css_h, dpr);
}

EMSCRIPTEN_KEEPALIVE const char* acw_dispatch(const char* event_json) {
  return ret(g_app ? g_app->dispatch(str(event_json)) : kNotCreated);
}

EMSCRIPTEN_KEEPALIVE const char* acw_resolve(int effect_id, const char* result_json) {
  return ret(g_app ? g_app->resolve(effect_id, str(result_json)) : kNotCreated);
}

EMSCRIPTEN_KEEPALIVE const char* acw_take_effects() { return ret(g_app ? g_app->take_effects() : "[]"); }

EMSCRIPTEN_KEEPALIVE const char* acw_snapshot() {
  return ret(g_app ? g_app->snapshot() : R"({"state":"disconnected","items":[]})");
}

EMSCRIPTEN_KEEPALIVE const char* acw_semantics() {
  return ret(g_app ? g_app->semantics() : R"({"state":"disconnected","busy":false,"focus":"","items":[]})");
}

EMSCRIPTEN_KEEPALIVE int acw_semantics_version() { return g_app ? g_app->semantics_version() : 0; }

EMSCRIPTEN_KEEPALIVE void acw_focus_item(const char* id, int caret) {
  if (g_app) g_app->focus_item(str(id), caret);
}

// acw_load_fixture and acw_state_json: exports_fixture.cpp, in the storybook's wasm only.

EMSCRIPTEN_KEEPALIVE int acw_frame(double now_ms) { return g_app ? g_app->frame(now_ms) : 0; }

EMSCRIPTEN_KEEPALIVE void acw_pointer(int kind, double x, double y, int button) {
  if (g_app) g_app->pointer(kind, x, y, button);
}

EMSCRIPTEN_KEEPALIVE int acw_wheel(double dx, double dy) { return g_app ? g_app->wheel(dx, dy) : 0; }

EMSCRIPTEN_KEEPALIVE int acw_key(int key_code, int down, int mods) {
  return g_app ? g_app->key(key_code, down, mods) : 0;
}

EMSCRIPTEN_KEEPALIVE int acw_text(const char* utf8) { return g_app ? g_app->text(utf8) : 0; }

EMSCRIPTEN_KEEPALIVE void acw_focus(int focused) {
  if (g_app) g_app->focus(focused != 0);
}

}  // extern "C"
