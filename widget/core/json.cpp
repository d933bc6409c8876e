// The JSON value itself: construction, reading, changing. Parsing is in json_parse.cpp,
// writing in json_write.cpp.
#include "json.h"

#include <limits>

namespace acw {

namespace {

const Json& null_json() {
  static const Json kNull;
  return kNull;
}

// The digits of a whole-number literal and whether it had a minus sign; nullopt when the
// literal has a fraction or an exponent.
std::optional<uint64_t> whole_magnitude(const std::string& literal, bool& negative) {
  negative = !literal.empty() && literal[0] == '-';
  uint64_t value = 0;
  for (size_t i = negative ? 1 : 0; i < literal.size(); ++i) {
    const char c = literal[i];
    if (c < '0' || c > '9') return std::nullopt;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (std::numeric_limits<uint64_t>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

}  // namespace

Json::Json() = default;
Json::Json(std::nullptr_t) {}
Json::Json(bool value) : type_(Type::boolean), bool_(value) {}
Json::Json(const char* text) : type_(Type::string), text_(text ? text : "") {}
Json::Json(std::string text) : type_(Type::string), text_(std::move(text)) {}
Json::Json(long long number) : type_(Type::number), text_(std::to_string(number)) {}
Json::Json(unsigned long long number) : type_(Type::number), text_(std::to_string(number)) {}
Json::Json(const Json& other) = default;
Json::Json(Json&& other) noexcept = default;
Json& Json::operator=(const Json& other) = default;
Json& Json::operator=(Json&& other) noexcept = default;
Json::~Json() = default;

Json Json::array(std::initializer_list<Json> items) {
  Json out;
  out.type_ = Type::array;
  out.items_.assign(items.begin(), items.end());
  return out;
}

Json Json::object(std::initializer_list<JsonField> fields) {
  Json out;
  out.type_ = Type::object;
  for (const JsonField& field : fields) out.set(field.key, field.value);
  return out;
}

Json Json::decimal(long long units, unsigned places) {
  const bool negative = units < 0;
  // The magnitude as unsigned: -LLONG_MIN does not fit a long long.
  const unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(units)
                                                : static_cast<unsigned long long>(units);
  std::string digits = std::to_string(magnitude);
  if (digits.size() <= places) digits.insert(0, places + 1 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - places);
  std::string fraction = digits.substr(digits.size() - places);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  Json out;
  out.type_ = Type::number;
  out.text_ = (negative ? "-" : "") + whole;
  if (!fraction.empty()) out.text_ += "." + fraction;
  return out;
}

bool Json::is_integer() const {
  return is_number() && text_.find_first_of(".eE") == std::string::npos;
}

std::optional<uint64_t> Json::as_u64() const {
  if (!is_number()) return std::nullopt;
  bool negative = false;
  const std::optional<uint64_t> magnitude = whole_magnitude(text_, negative);
  if (!magnitude || negative) return std::nullopt;
  return magnitude;
}

std::optional<int64_t> Json::as_i64() const {
  if (!is_number()) return std::nullopt;
  bool negative = false;
  const std::optional<uint64_t> magnitude = whole_magnitude(text_, negative);
  if (!magnitude) return std::nullopt;
  const uint64_t limit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + (negative ? 1 : 0);
  if (*magnitude > limit) return std::nullopt;
  // 0 - magnitude in unsigned arithmetic, then back: exact for every value down to INT64_MIN.
  return negative ? static_cast<int64_t>(0 - *magnitude) : static_cast<int64_t>(*magnitude);
}

const Json& Json::operator[](size_t index) const {
  return index < items_.size() ? items_[index] : null_json();
}

const std::string& Json::key(size_t index) const {
  static const std::string kNone;
  return index < keys_.size() ? keys_[index] : kNone;
}

const Json* Json::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (size_t i = keys_.size(); i-- > 0;) {
    if (keys_[i] == key) return &items_[i];
  }
  return nullptr;
}

const Json& Json::operator[](std::string_view key) const {
  const Json* value = find(key);
  return value ? *value : null_json();
}

void Json::push_back(Json item) {
  if (is_array()) items_.push_back(std::move(item));
}

Json& Json::set(std::string_view key, Json value) {
  if (!is_object()) return *this;
  if (const Json* existing = find(key)) {
    items_[static_cast<size_t>(existing - items_.data())] = std::move(value);
  } else {
    keys_.emplace_back(key);
    items_.push_back(std::move(value));
  }
  return *this;
}

bool operator==(const Json& a, const Json& b) {
  return a.type_ == b.type_ && a.bool_ == b.bool_ && a.text_ == b.text_ && a.keys_ == b.keys_ &&
         a.items_ == b.items_;
}

}  // namespace acw
