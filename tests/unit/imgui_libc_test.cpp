// The small sscanf / vsnprintf that Dear ImGui is built against (widget/ui/imgui_scan.cpp,
// imgui_format.cpp), checked against the C library's own on the formats ImGui uses and more.
#include <doctest/doctest.h>

#include <climits>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

extern "C" int acw_imgui_sscanf(const char* s, const char* fmt, ...);
extern "C" int acw_imgui_vsnprintf(char* buf, size_t size, const char* fmt, va_list args);

namespace {

struct Formatted {
  std::string text;
  int result;
};

Formatted ours(size_t size, const char* fmt, ...) {
  std::string buf(size, '\x7f');
  va_list args;
  va_start(args, fmt);
  const int n = acw_imgui_vsnprintf(size ? buf.data() : nullptr, size, fmt, args);
  va_end(args);
  return {size ? std::string(buf.c_str()) : std::string(), n};
}

Formatted libc(size_t size, const char* fmt, ...) {
  std::string buf(size, '\x7f');
  va_list args;
  va_start(args, fmt);
  const int n = std::vsnprintf(size ? buf.data() : nullptr, size, fmt, args);
  va_end(args);
  return {size ? std::string(buf.c_str()) : std::string(), n};
}

// Both formatters on the same arguments must agree on the text and the returned length.
#define SAME(size, ...)                               \
  do {                                                \
    const Formatted a = ours(size, __VA_ARGS__);      \
    const Formatted b = libc(size, __VA_ARGS__);      \
    CHECK(a.text == b.text);                          \
    CHECK(a.result == b.result);                      \
  } while (0)

}  // namespace

TEST_CASE("vsnprintf: what ImGui formats, like the C library") {
  SAME(64, "%s/%s_%08X", "##acw", "child", 0xBEEFu);
  SAME(64, "%s/%08X", "parent", 0x12u);
  SAME(64, "##Tooltip_%02d", 7);
  SAME(64, "##Popup_%08x", 0xabcdefu);
  SAME(64, "##Menu_%02d", 123);
  SAME(64, "%d", INT_MIN);
  SAME(64, "%d %i %u", -42, 42, 4000000000u);
  SAME(64, "%.*s|", 3, "abcdef");
  SAME(64, "[%5s][%-5s][%.2s]", "ab", "ab", "abc");
  SAME(64, "[%5d][%-5d][%05d][%+d][% d]", 42, 42, -42, 42, 42);
  SAME(64, "%x %X %#x %#o %o", 255u, 255u, 255u, 8u, 8u);
  SAME(64, "%lld %llu %ld %zu", -9000000000000000000LL, 18000000000000000000ULL, -7L, size_t{99});
  SAME(64, "%zu %d %jd %td %lu", size_t{7}, 8, intmax_t{-9}, ptrdiff_t{-10}, 11UL);  // sizes differ in wasm32
  SAME(64, "%hd %hhu", 5, 6);
  SAME(64, "%c%c%%", 'o', 'k');
  SAME(64, "%.0f %.1f %.3f %f", 2.5, -0.25, 3.14159, 1.0 / 3.0);
  SAME(64, "(%6.1f,%6.1f)", 12.34, -5.0);
  SAME(64, "%08.2f|%-8.2f|%+.1f", 3.14159, 2.5, 7.0);
  SAME(64, "%.5d %.0d|", 42, 0);
  SAME(64, "%*d|%-*d|", 6, 1, 4, 2);
}

TEST_CASE("vsnprintf: truncation keeps a NUL and returns the full length") {
  SAME(5, "%s", "abcdefgh");
  SAME(1, "%d", 12345);
  SAME(0, "%s and %d", "text", 42);  // size 0: nothing written, the length still returned
  const Formatted f = ours(8, "%s", "0123456789");
  CHECK(f.text == "0123456");
  CHECK(f.result == 10);
}

TEST_CASE("vsnprintf: special floats") {
  const Formatted inf = ours(16, "%f", 1.0 / 0.0);
  CHECK(inf.text == "inf");
  const Formatted nan = ours(16, "%f", 0.0 / 0.0);
  CHECK((nan.text == "nan" || nan.text == "-nan"));
}

TEST_CASE("sscanf: the integer formats ImGui reads") {
  int a = 0, b = 0, n = 0;
  CHECK(acw_imgui_sscanf("3.0", "%d.%d", &a, &b) == 2);
  CHECK((a == 3 && b == 0));
  CHECK(acw_imgui_sscanf("#version 300 es", "#version %d", &a) == 1);
  CHECK(a == 300);
  CHECK(acw_imgui_sscanf("Pos=-12,34", "Pos=%i,%i", &a, &b) == 2);
  CHECK((a == -12 && b == 34));
  CHECK(acw_imgui_sscanf("Size=40,50", "Pos=%i,%i", &a, &b) == 0);
  unsigned id = 0;
  CHECK(acw_imgui_sscanf("0x0000BEEF,3", "0x%08X,%d", &id, &a) == 2);
  CHECK((id == 0xBEEF && a == 3));
  CHECK(acw_imgui_sscanf("Column 2 Width=10", "Column %d%n", &a, &n) == 1);
  CHECK((a == 2 && n == 8));
  char c = 0;
  CHECK(acw_imgui_sscanf("Sort=1^", "Sort=%d%c%n", &a, &c, &n) == 2);
  CHECK((a == 1 && c == '^' && n == 7));
  // Floats are not read: the scan stops there, as on a mismatch.
  float f = 0;
  CHECK(acw_imgui_sscanf("RefScale=1.5", "RefScale=%f", &f) == 0);
  // The end of the input before the first conversion is EOF, like the C library.
  CHECK(acw_imgui_sscanf("", "%d", &a) == -1);
  CHECK(acw_imgui_sscanf("x", "%d", &a) == 0);
  // A field width bounds the digits read.
  CHECK(acw_imgui_sscanf("123456", "%3d%d", &a, &b) == 2);
  CHECK((a == 123 && b == 456));
}

TEST_CASE("sscanf: agrees with the C library on integers") {
  for (const char* text : {"0", "7", "-7", "+7", "  42", "2147483647", "12abc", "0x1F", "abc"}) {
    CAPTURE(text);
    int ours_v = -1, libc_v = -1;
    const int r1 = acw_imgui_sscanf(text, "%d", &ours_v);
    const int r2 = std::sscanf(text, "%d", &libc_v);
    CHECK(r1 == r2);
    if (r1 == 1) CHECK(ours_v == libc_v);
  }
}
