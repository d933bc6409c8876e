// Json::parse: strict RFC 8259 text to a Json value. Recursive descent, at most
// Json::kMaxDepth levels deep, so the stack stays small whatever the input.
#include "json.h"
#include "utf8.h"

namespace acw {

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  Parsed<Json> read() {
    Json value;
    skip_space();
    if (read_value(value, 0)) {
      skip_space();
      if (!at_end()) fail("unexpected text after the value");
    }
    if (error_) {
      return Parsed<Json>::fail(std::string("Text is not valid JSON: ") + error_ + " at byte " +
                                std::to_string(error_at_) + ".");
    }
    return Parsed<Json>::good(std::move(value));
  }

 private:
  bool fail(const char* why) {
    if (!error_) error_ = why, error_at_ = at_;
    return false;
  }
  bool unexpected() { return fail(at_end() ? "unexpected end of text" : "unexpected character"); }
  bool at_end() const { return at_ >= text_.size(); }
  bool consume() {  // the current byte was read
    ++at_;
    return true;
  }
  char peek() const { return at_end() ? '\0' : text_[at_]; }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  static int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  void skip_digits() {
    while (is_digit(peek())) ++at_;
  }
  void skip_space() {
    while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r') ++at_;
  }
  bool word(std::string_view expected) {
    for (char c : expected) {
      if (peek() != c) return unexpected();
      ++at_;
    }
    return true;
  }

  // `depth`: how many arrays and objects enclose this value.
  bool read_value(Json& out, int depth) {
    switch (peek()) {
      case '{': return read_container(out, depth + 1, Json::Type::object);
      case '[': return read_container(out, depth + 1, Json::Type::array);
      case '"':
        out.type_ = Json::Type::string;
        return read_string(out.text_);
      case 't':
        out.type_ = Json::Type::boolean;
        out.bool_ = true;
        return word("true");
      case 'f':
        out.type_ = Json::Type::boolean;
        return word("false");
      case 'n': return word("null");
      default: return read_number(out);
    }
  }

  // An array or an object: items separated by commas up to the closing bracket, each item of
  // an object a "key": value member.
  bool read_container(Json& out, int depth, Json::Type type) {
    if (depth > Json::kMaxDepth) return fail("arrays and objects nested too deep");
    const bool object = type == Json::Type::object;
    const char close = object ? '}' : ']';
    out.type_ = type;
    ++at_;  // [ or {
    skip_space();
    if (peek() == close) return consume();
    for (;;) {
      skip_space();
      if (object) {
        if (peek() != '"') return unexpected();
        // Every member is kept, in order; Json::find gives the last one with a key.
        out.keys_.emplace_back();
        if (!read_string(out.keys_.back())) return false;
        skip_space();
        if (peek() != ':') return unexpected();
        ++at_;
        skip_space();
      }
      out.items_.emplace_back();
      if (!read_value(out.items_.back(), depth)) return false;
      skip_space();
      if (peek() == close) return consume();
      if (peek() != ',') return unexpected();
      ++at_;
    }
  }

  // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, kept as its text.
  bool read_number(Json& out) {
    const size_t start = at_;
    if (peek() == '-') ++at_;
    if (peek() == '0') {
      ++at_;
    } else if (is_digit(peek())) {
      skip_digits();
    } else {
      return unexpected();
    }
    if (peek() == '.') {
      ++at_;
      if (!is_digit(peek())) return unexpected();
      skip_digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      ++at_;
      if (peek() == '+' || peek() == '-') ++at_;
      if (!is_digit(peek())) return unexpected();
      skip_digits();
    }
    out.type_ = Json::Type::number;
    out.text_.assign(text_.substr(start, at_ - start));
    return true;
  }

  bool read_string(std::string& out) {
    ++at_;  // "
    for (;;) {
      if (at_end()) return unexpected();
      const auto c = static_cast<unsigned char>(text_[at_]);
      if (c == '"') return consume();
      if (c < 0x20) return fail("control character in a string");
      if (c == '\\') {
        if (!read_escape(out)) return false;
        continue;
      }
      const size_t length = utf8_sequence_length(text_, at_);
      if (length == 0) return fail("invalid UTF-8");
      out.append(text_.data() + at_, length);
      at_ += length;
    }
  }

  bool read_escape(std::string& out) {
    ++at_;  // backslash
    if (at_end()) return unexpected();
    const char c = peek();
    const char* const kEscapes = "\"\"\\\\//b\bf\fn\nr\rt\t";  // pairs: escape letter, byte
    for (const char* e = kEscapes; *e; e += 2) {
      if (c == e[0]) {
        out += e[1];
        return consume();
      }
    }
    if (c != 'u') return fail("invalid escape");
    ++at_;
    uint32_t cp = 0;
    if (!read_hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("lone surrogate");
    if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate: its low half must follow
      uint32_t low = 0;
      if (peek() != '\\' || at_ + 1 >= text_.size() || text_[at_ + 1] != 'u') return fail("lone surrogate");
      at_ += 2;
      if (!read_hex4(low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return fail("lone surrogate");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, cp);
    return true;
  }

  bool read_hex4(uint32_t& cp) {
    for (int k = 0; k < 4; ++k, ++at_) {
      const int digit = hex_value(peek());
      if (digit < 0) return fail("invalid \\u escape");
      cp = cp * 16 + static_cast<uint32_t>(digit);
    }
    return true;
  }

  std::string_view text_;
  size_t at_ = 0;
  const char* error_ = nullptr;
  size_t error_at_ = 0;
};

Parsed<Json> Json::parse(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) return Parsed<Json>::fail("JSON text is too long.");
  return JsonReader(text).read();
}

}  // namespace acw
