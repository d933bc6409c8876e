// The fixture part of the C API (docs/c-api.md), linked only into the storybook's wasm
// (widget/web/CMakeLists.txt): the shipped widget carries no fixture loader.
#include <emscripten/emscripten.h>

#include "exports_shared.h"

using acw::web::exported_app;
using acw::web::exported_string;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* acw_load_fixture(const char* state_json) {
  return exported_string(exported_app() ? exported_app()->load_fixture(acw::web::or_empty(state_json))
                                        : acw::web::kNotCreated);
}

EMSCRIPTEN_KEEPALIVE const char* acw_state_json() {
  return exported_string(exported_app() ? exported_app()->state_json() : "{}");
}

}  // extern "C"
