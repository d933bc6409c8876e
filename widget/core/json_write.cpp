// Json::dump: compact JSON text, always valid UTF-8.
#include "json.h"
#include "utf8.h"

namespace acw {

namespace {

// Escapes quotes, backslashes and control characters; any byte that does not belong to a
// well-formed UTF-8 sequence becomes U+FFFD.
void write_string(std::string& out, const std::string& text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(text, i, length);
        i += length;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void write_value(std::string& out, const Json& value) {
  switch (value.type()) {
    case Json::Type::null: out += "null"; return;
    case Json::Type::boolean: out += value.boolean() ? "true" : "false"; return;
    case Json::Type::number: out += value.text(); return;
    case Json::Type::string: write_string(out, value.text()); return;
    case Json::Type::array:
    case Json::Type::object: break;
  }
  const bool object = value.is_object();
  out += object ? '{' : '[';
  for (size_t i = 0; i < value.size(); ++i) {
    if (i > 0) out += ',';
    if (object) {
      write_string(out, value.key(i));
      out += ':';
    }
    write_value(out, value[i]);
  }
  out += object ? '}' : ']';
}

}  // namespace

std::string Json::dump() const {
  std::string out;
  write_value(out, *this);
  return out;
}

}  // namespace acw
