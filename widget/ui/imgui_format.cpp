// The vsnprintf that Dear ImGui's sources are compiled against (cmake/ImGui.cmake renames their
// calls to acw_imgui_vsnprintf). The widget passes ImGui only ready-made text; ImGui formats
// window and popup names ("%s/%s_%08X", "##Popup_%08x") and, in paths the widget does not use,
// numbers. libc's vsnprintf brings long-double float formatting with 128-bit soft-float helpers
// into the wasm; this one does what ImGui asks for in about a tenth of the code.
//
// Supported: flags - + space 0 #, width and precision (also *), length modifiers (ignored but
// for the argument's size), %d %i %u %x %X %o %c %s %p %% and %f %F %e %E %g %G (all floats in
// fixed notation, precision ≤ 17; the last digit is rounded from the scaled double, so it may
// differ from the C library's exact decimal rounding by one unit). Returns the length the full text needs, like vsnprintf; `buf`
// always ends with a NUL when `size` > 0.
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace {

struct Out {
  char* buf;
  size_t size;
  size_t len = 0;
  void put(char c) {
    if (len + 1 < size) buf[len] = c;
    ++len;
  }
  void repeat(char c, int n) {
    for (int i = 0; i < n; ++i) put(c);
  }
};

struct Spec {
  bool left = false, plus = false, space = false, zero = false, alt = false;
  int width = 0;
  int precision = -1;
};

// Writes sign + prefix + digits padded to the spec's width.
void emit(Out& out, const Spec& spec, const char* sign, const char* digits, int ndigits, int min_digits) {
  int sign_len = 0;
  while (sign[sign_len]) ++sign_len;
  const int zeros = min_digits > ndigits ? min_digits - ndigits : 0;
  const int body = sign_len + zeros + ndigits;
  const int pad = spec.width > body ? spec.width - body : 0;
  if (!spec.left && !spec.zero) out.repeat(' ', pad);
  for (int i = 0; i < sign_len; ++i) out.put(sign[i]);
  if (!spec.left && spec.zero) out.repeat('0', pad);
  out.repeat('0', zeros);
  for (int i = 0; i < ndigits; ++i) out.put(digits[i]);
  if (spec.left) out.repeat(' ', pad);
}

int to_digits(uint64_t v, unsigned base, bool upper, char* end) {
  const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  int n = 0;
  do {
    *--end = set[v % base];
    v /= base;
    ++n;
  } while (v);
  return n;
}

void format_integer(Out& out, Spec spec, uint64_t magnitude, bool negative, unsigned base, bool upper,
                    const char* prefix) {
  char digits[24];
  char* end = digits + sizeof digits;
  int n = spec.precision == 0 && magnitude == 0 ? 0 : to_digits(magnitude, base, upper, end);
  if (spec.precision >= 0) spec.zero = false;
  char sign[4] = {0, 0, 0, 0};
  if (negative) sign[0] = '-';
  else if (spec.plus) sign[0] = '+';
  else if (spec.space) sign[0] = ' ';
  if (spec.alt && magnitude != 0 && prefix) {
    sign[0] = prefix[0];
    sign[1] = prefix[1];
  }
  emit(out, spec, sign, end - n, n, spec.precision);
}

void format_float(Out& out, Spec spec, double v) {
  const char* sign = std::signbit(v) ? "-" : spec.plus ? "+" : spec.space ? " " : "";
  v = std::fabs(v);
  if (!std::isfinite(v)) {
    spec.zero = false;
    emit(out, spec, sign, std::isnan(v) ? "nan" : "inf", 3, 0);
    return;
  }
  const int precision = spec.precision < 0 ? 6 : spec.precision > 17 ? 17 : spec.precision;
  double scale = 1;
  for (int i = 0; i < precision; ++i) scale *= 10;
  v = std::nearbyint(v * scale);  // ties to even, like the C library on exact halves
  // Beyond 2^64 units of the last digit ImGui shows nothing meaningful anyway: saturate.
  const uint64_t units = v >= 18446744073709551615.0 ? UINT64_MAX : static_cast<uint64_t>(v);
  char text[48];
  char* end = text + sizeof text;
  int n = 0;
  uint64_t whole = units;
  if (precision > 0) {
    for (int i = 0; i < precision; ++i) {
      *--end = static_cast<char>('0' + whole % 10);
      whole /= 10;
    }
    *--end = '.';
    n = precision + 1;
  } else if (spec.alt) {
    *--end = '.';
    n = 1;
  }
  n += to_digits(whole, 10, false, end);
  emit(out, spec, sign, text + sizeof text - n, n, 0);
}

}  // namespace

extern "C" int acw_imgui_vsnprintf(char* buf, size_t size, const char* fmt, va_list args) {
  Out out{buf, buf ? size : 0};
  while (*fmt) {
    if (*fmt != '%') {
      out.put(*fmt++);
      continue;
    }
    ++fmt;
    Spec spec;
    for (;; ++fmt) {
      if (*fmt == '-') spec.left = true;
      else if (*fmt == '+') spec.plus = true;
      else if (*fmt == ' ') spec.space = true;
      else if (*fmt == '0') spec.zero = true;
      else if (*fmt == '#') spec.alt = true;
      else break;
    }
    if (*fmt == '*') {
      spec.width = va_arg(args, int);
      if (spec.width < 0) {
        spec.left = true;
        spec.width = -spec.width;
      }
      ++fmt;
    } else {
      while (*fmt >= '0' && *fmt <= '9') spec.width = spec.width * 10 + (*fmt++ - '0');
    }
    if (*fmt == '.') {
      ++fmt;
      spec.precision = 0;
      if (*fmt == '*') {
        spec.precision = va_arg(args, int);
        ++fmt;
      } else {
        while (*fmt >= '0' && *fmt <= '9') spec.precision = spec.precision * 10 + (*fmt++ - '0');
      }
    }
    if (spec.left) spec.zero = false;
    // The argument's size: int unless l, ll, z (size_t), j (intmax_t) or t (ptrdiff_t) say
    // otherwise; h and hh arrive promoted to int.
    enum class Size { int_, long_, long_long, size, intmax, ptrdiff } size_of = Size::int_;
    for (;; ++fmt) {
      if (*fmt == 'l') size_of = size_of == Size::long_ ? Size::long_long : Size::long_;
      else if (*fmt == 'z') size_of = Size::size;
      else if (*fmt == 'j') size_of = Size::intmax;
      else if (*fmt == 't') size_of = Size::ptrdiff;
      else if (*fmt != 'h' && *fmt != 'L') break;
    }
    const char conv = *fmt ? *fmt++ : '\0';
    switch (conv) {
      case 'd':
      case 'i': {
        long long v;
        switch (size_of) {
          case Size::long_: v = va_arg(args, long); break;
          case Size::long_long: v = va_arg(args, long long); break;
          case Size::size: v = static_cast<long long>(va_arg(args, size_t)); break;
          case Size::intmax: v = va_arg(args, intmax_t); break;
          case Size::ptrdiff: v = va_arg(args, ptrdiff_t); break;
          default: v = va_arg(args, int); break;
        }
        const uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
        format_integer(out, spec, magnitude, v < 0, 10, false, nullptr);
        break;
      }
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        uint64_t v;
        switch (size_of) {
          case Size::long_: v = va_arg(args, unsigned long); break;
          case Size::long_long: v = va_arg(args, unsigned long long); break;
          case Size::size: v = va_arg(args, size_t); break;
          case Size::intmax: v = va_arg(args, uintmax_t); break;
          case Size::ptrdiff: v = static_cast<uint64_t>(va_arg(args, ptrdiff_t)); break;
          default: v = va_arg(args, unsigned); break;
        }
        spec.plus = spec.space = false;
        const unsigned base = conv == 'u' ? 10 : conv == 'o' ? 8 : 16;
        format_integer(out, spec, v, false, base, conv == 'X', conv == 'X' ? "0X" : conv == 'x' ? "0x" : "0");
        break;
      }
      case 'p': {
        spec.alt = true;
        spec.plus = spec.space = false;
        format_integer(out, spec, reinterpret_cast<uintptr_t>(va_arg(args, void*)), false, 16, false, "0x");
        break;
      }
      case 'c': {
        const char c = static_cast<char>(va_arg(args, int));
        spec.zero = false;
        emit(out, spec, "", &c, 1, 0);
        break;
      }
      case 's': {
        const char* s = va_arg(args, const char*);
        if (!s) s = "(null)";
        int n = 0;
        while (s[n] && (spec.precision < 0 || n < spec.precision)) ++n;
        spec.zero = false;
        emit(out, spec, "", s, n, 0);
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': format_float(out, spec, va_arg(args, double)); break;
      case '%': out.put('%'); break;
      case '\0': break;
      default:  // unknown: write it as it stands
        out.put('%');
        out.put(conv);
        break;
    }
  }
  if (out.size > 0) out.buf[out.len < out.size ? out.len : out.size - 1] = '\0';
  return static_cast<int>(out.len);
}

// ImGui's OpenGL3 backend reports shader compile and link errors with fprintf(stderr, …):
// formatted here, written with fputs (cmake/ImGui.cmake renames its calls).
extern "C" int acw_imgui_fprintf(FILE* file, const char* fmt, ...) {
  char text[1024];
  va_list args;
  va_start(args, fmt);
  const int n = acw_imgui_vsnprintf(text, sizeof text, fmt, args);
  va_end(args);
  std::fputs(text, file);
  return n;
}
