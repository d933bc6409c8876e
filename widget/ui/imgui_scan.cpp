// The sscanf that Dear ImGui's sources are compiled against (cmake/ImGui.cmake renames their
// calls to acw_imgui_sscanf). ImGui reads only integers with it in what the widget runs (the GL
// and GLSL version strings; its .ini handlers, which the widget never feeds), but libc's sscanf
// brings its whole floating-point scanner with 128-bit soft-float helpers into the wasm.
//
// Supported: literal characters, whitespace (any run, also none), %d %i (decimal), %x %X (hex,
// optional "0x"), %c, %n, %% and a field width. Anything else (e.g. %f) stops the scan, as a
// mismatch would; the return value is the number of fields assigned, or -1 at the end of the
// input before the first conversion, like sscanf.
#include <cctype>
#include <cstdarg>

extern "C" int acw_imgui_sscanf(const char* s, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  const char* const start = s;
  int assigned = 0;
  bool converted = false;
  auto done = [&](int result) {
    va_end(args);
    return result;
  };
  while (*fmt) {
    if (std::isspace(static_cast<unsigned char>(*fmt))) {
      while (std::isspace(static_cast<unsigned char>(*s))) ++s;
      ++fmt;
      continue;
    }
    if (*fmt != '%' || fmt[1] == '%') {
      const char want = *fmt == '%' ? '%' : *fmt;
      fmt += *fmt == '%' ? 2 : 1;
      if (*s != want) return done(*s == '\0' && !converted ? -1 : assigned);
      ++s;
      continue;
    }
    ++fmt;
    int width = 0;
    while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
    const char conv = *fmt++;
    if (conv == 'n') {
      *va_arg(args, int*) = static_cast<int>(s - start);
      continue;
    }
    if (*s == '\0') return done(converted ? assigned : -1);
    if (conv == 'c') {
      *va_arg(args, char*) = *s++;
      ++assigned;
      converted = true;
      continue;
    }
    const bool hex = conv == 'x' || conv == 'X';
    if (!hex && conv != 'd' && conv != 'i') return done(assigned);
    while (std::isspace(static_cast<unsigned char>(*s))) ++s;
    const char* const field = s;
    auto room = [&] { return width == 0 || s - field < width; };
    bool negative = false;
    if (!hex && room() && (*s == '-' || *s == '+')) negative = *s++ == '-';
    if (hex && room() && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s += 2;
    unsigned value = 0;
    const char* const digits = s;
    while (*s && room()) {
      const unsigned char c = static_cast<unsigned char>(*s);
      unsigned d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && std::isxdigit(c)) d = (std::tolower(c) - 'a') + 10;
      else break;
      value = value * (hex ? 16u : 10u) + d;
      ++s;
    }
    if (s == digits) return done(assigned);
    if (hex) *va_arg(args, unsigned*) = value;
    else *va_arg(args, int*) = negative ? -static_cast<int>(value) : static_cast<int>(value);
    ++assigned;
    converted = true;
  }
  return done(assigned);
}
