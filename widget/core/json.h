// The core's JSON value: null, true/false, a number, a string, an array or an object.
//
//   Json effect = Json::object({{"method", "eth_call"}, {"params", Json::array({call, "latest"})}});
//   std::string text = effect.dump();                      // compact, always valid UTF-8
//   Parsed<Json> doc = Json::parse(text);                  // strict RFC 8259, never throws
//   if (const Json* id = doc.value->find("id")) id->as_u64();
//
// Numbers are kept as the exact text they were read or written as: the core never uses
// floating point, and amounts above 2^64 stay exact (as_u64 / as_i64 read whole numbers).
// Objects keep their members in the order they were added or read. A parsed object keeps
// every member, even one whose key came before; lookups (find, operator[]) give the last one
// with that key, as JavaScript's JSON.parse does, while set() replaces the value of a key.
//
// Construction code sits in json.cpp: every constructor is one call at its call site.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "parsed.h"

namespace acw {

struct JsonField;

class Json {
 public:
  enum class Type : unsigned char { null, boolean, number, string, array, object };

  // Texts longer than this are refused by parse() unless it is given another limit.
  static constexpr size_t kMaxTextBytes = 1 << 20;
  // Arrays and objects nested deeper than this are refused by parse().
  static constexpr int kMaxDepth = 64;

  Json();  // null
  Json(std::nullptr_t);
  Json(bool value);
  Json(const char* text);
  Json(std::string text);
  Json(long long number);
  Json(unsigned long long number);
  // Any other integer type (int, uint32_t, size_t, …) goes through the two above.
  template <typename T, typename = std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>>
  Json(T number) : Json(static_cast<std::conditional_t<std::is_signed_v<T>, long long, unsigned long long>>(number)) {}

  // A braced list of fields is not a value: write Json::object({...}). (Without this, a nested
  // {{"key", 12}} would quietly become the string std::string("key", 12).)
  Json(std::initializer_list<JsonField>) = delete;

  Json(const Json& other);
  Json(Json&& other) noexcept;
  Json& operator=(const Json& other);
  Json& operator=(Json&& other) noexcept;
  ~Json();

  static Json array(std::initializer_list<Json> items = {});
  // Fields with the same key: the last one wins.
  static Json object(std::initializer_list<JsonField> fields = {});
  // A number with `places` decimals: decimal(1234, 2) is 12.34, decimal(1600, 2) is 16.
  static Json decimal(long long units, unsigned places);

  // Strict RFC 8259: no comments, trailing commas, leading zeros, NaN or single quotes; the
  // text must be well-formed UTF-8 and nest at most kMaxDepth arrays/objects. The error says
  // what is wrong and at which byte.
  static Parsed<Json> parse(std::string_view text, size_t max_bytes = kMaxTextBytes);
  // Compact JSON text. Always valid UTF-8: a string byte that is not part of a well-formed
  // UTF-8 sequence is written as U+FFFD.
  std::string dump() const;

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::null; }
  bool is_bool() const { return type_ == Type::boolean; }
  bool is_number() const { return type_ == Type::number; }
  bool is_string() const { return type_ == Type::string; }
  bool is_array() const { return type_ == Type::array; }
  bool is_object() const { return type_ == Type::object; }
  // A number written without fraction or exponent ("-12", not "12.0" or "1e3").
  bool is_integer() const;

  bool boolean() const { return type_ == Type::boolean && bool_; }  // false unless true
  // A string's value or a number's literal text ("12.50"); empty for the other types.
  const std::string& text() const { return text_; }
  // A whole number that fits; nullopt for anything else (a fraction, "-1" for as_u64, …).
  std::optional<uint64_t> as_u64() const;
  std::optional<int64_t> as_i64() const;

  // An array's items or an object's member values, in order (empty for the other types).
  const std::vector<Json>& items() const { return items_; }
  size_t size() const { return items_.size(); }
  const Json& operator[](size_t index) const;    // null when out of range
  const std::string& key(size_t index) const;    // an object's index-th key
  const Json* find(std::string_view key) const;  // the last member with that key, or nullptr
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  const Json& operator[](std::string_view key) const;  // null when missing

  void push_back(Json item);                       // arrays only (ignored otherwise)
  Json& set(std::string_view key, Json value);     // objects only; replaces or appends

  // The same type and contents; numbers compare by their text, objects member by member in
  // order.
  friend bool operator==(const Json& a, const Json& b);
  friend bool operator!=(const Json& a, const Json& b) { return !(a == b); }

 private:
  friend class JsonReader;  // json_parse.cpp: builds values in place

  Type type_ = Type::null;
  bool bool_ = false;
  std::string text_;               // string value or number literal
  std::vector<Json> items_;        // array items, or object member values
  std::vector<std::string> keys_;  // object member keys, parallel to items_
};

struct JsonField {
  std::string_view key;
  Json value;
};

}  // namespace acw
