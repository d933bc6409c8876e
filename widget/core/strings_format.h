// Implementation of acw::text (kept apart so strings.h reads as the list of texts).
#pragma once
#include <fmt/format.h>

namespace acw {

template <typename... Args>
std::string text(const char* templ, const Args&... args) {
  // The templates are ours and fixed; a mismatch would be a bug in the tables, which the
  // unit tests format once each. Catching keeps a bad template from killing the instance.
  try {
    return fmt::format(fmt::runtime(templ), args...);
  } catch (const fmt::format_error&) {
    return templ;
  }
}

}  // namespace acw
