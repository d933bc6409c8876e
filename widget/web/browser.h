// The few things the C++ side asks of the page directly (everything else goes through effects).
#pragma once

namespace acw::web {

void set_canvas_cursor(const char* css_cursor);  // style.cursor of the "!canvas" element
void write_clipboard(const char* utf8);          // Ctrl+C / Ctrl+X in a text field

}  // namespace acw::web
