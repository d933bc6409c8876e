// Implementation of acw::text: fills the positional placeholders {0}…{9} of a template from
// the locale tables. A few lines of our own instead of a formatting library: the tables only
// need strings and whole numbers, and a library (with its locale support) would add tens of
// KB to the wasm download.
#pragma once
#include <cstdint>
#include <string>
#include <type_traits>

namespace acw {

std::string format_positional(const char* templ, const std::string* values, size_t count);
std::string integer_text(int64_t value);
std::string integer_text(uint64_t value);

inline std::string arg_text(const std::string& s) { return s; }
inline std::string arg_text(const char* s) { return s; }
template <typename T, typename = std::enable_if_t<std::is_integral_v<T>>>
std::string arg_text(T value) {
  if constexpr (std::is_signed_v<T>) return integer_text(static_cast<int64_t>(value));
  return integer_text(static_cast<uint64_t>(value));
}

template <typename... Args>
std::string text(const char* templ, const Args&... args) {
  const std::string values[] = {arg_text(args)..., std::string()};
  return format_positional(templ, values, sizeof...(Args));
}

}  // namespace acw
