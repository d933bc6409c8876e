#include "browser.h"

// Implemented in library_acw.js.
extern "C" {
void acw_js_set_cursor(const char* name);
void acw_js_write_clipboard(const char* text);
}

namespace acw::web {

void set_canvas_cursor(const char* css_cursor) { acw_js_set_cursor(css_cursor); }
void write_clipboard(const char* utf8) { acw_js_write_clipboard(utf8); }

}  // namespace acw::web
