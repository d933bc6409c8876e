// What exports.cpp and exports_fixture.cpp share: the module instance's one widget and the
// buffer that returned strings live in until the next call.
#pragma once
#include <string>

#include "app.h"

namespace acw::web {

App* exported_app();                            // null before acw_create
const char* exported_string(std::string s);     // valid until the next exported call
inline const char* or_empty(const char* s) { return s ? s : ""; }
inline constexpr const char* kNotCreated = "acw_create has not been called";

}  // namespace acw::web
