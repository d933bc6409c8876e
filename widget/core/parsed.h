// The result of parsing something from outside: a value, or an error sentence. Nothing in the
// core throws; every parser returns one of these.
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace acw {

template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;  // empty exactly when value is set
  bool ok() const { return value.has_value(); }
  static Parsed fail(std::string why) { return Parsed{std::nullopt, std::move(why)}; }
  static Parsed good(T v) { return Parsed{std::move(v), {}}; }
};

}  // namespace acw
