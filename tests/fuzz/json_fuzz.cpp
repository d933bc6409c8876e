// The core's own JSON (core/json.h): the input is read as JSON text by Json::parse, and as raw
// bytes of a string that Json::dump writes.
// Invariants: no crash; parse accepts exactly what nlohmann::json (a strict RFC 8259 parser)
// accepts, except where the core is stricter on purpose (nesting deeper than Json::kMaxDepth,
// a byte order mark, a NUL byte after the value: nlohmann reads a NUL as the end) or more
// lenient (a number beyond double's range, which the core keeps as its text); an accepted text writes back as valid UTF-8 that parses to the same
// value and writes the same again; any bytes written as a string give valid UTF-8 JSON that
// reads back as the same bytes when they were valid UTF-8.
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/json.h"
#include "fuzz_check.h"

using acw::Json;
using acw::fuzz::valid_utf8;

namespace {

// A number that a double cannot hold (nlohmann refuses those as an overflow).
bool has_huge_number(const Json& value) {
  if (value.is_number()) return std::isinf(std::strtod(value.text().c_str(), nullptr));
  for (const Json& item : value.items()) {
    if (has_huge_number(item)) return true;
  }
  return false;
}

void check_parse(std::string_view text) {
  const auto parsed = Json::parse(text);
  FUZZ_CHECK(parsed.ok() == parsed.error.empty(), parsed.error);
  FUZZ_CHECK(valid_utf8(parsed.error), parsed.error);

  const bool too_deep = parsed.error.find("nested too deep") != std::string::npos;
  const bool bom = text.substr(0, 3) == "\xEF\xBB\xBF";  // nlohmann skips one; JSON has none
  const bool nul = text.find('\0') != std::string_view::npos;  // nlohmann stops reading there
  if (!too_deep && !bom && !nul) {
    const bool nlohmann_ok = !nlohmann::json::parse(text.begin(), text.end(), nullptr, false).is_discarded() ||
                             (parsed.ok() && has_huge_number(*parsed.value));
    FUZZ_CHECK(parsed.ok() == nlohmann_ok, std::string(parsed.ok() ? "accepted" : "refused: " + parsed.error) +
                                               " but nlohmann " + (nlohmann_ok ? "accepts" : "refuses") + " it");
  }
  if (!parsed.ok()) return;

  const std::string once = parsed.value->dump();
  FUZZ_CHECK(valid_utf8(once), once);
  const auto again = Json::parse(once);
  FUZZ_CHECK(again.ok(), again.error + "\n" + once);
  FUZZ_CHECK(*again.value == *parsed.value, once);
  FUZZ_CHECK(again.value->dump() == once, once);
}

void check_write(std::string_view bytes) {
  const std::string written = Json(std::string(bytes)).dump();
  FUZZ_CHECK(valid_utf8(written), written);
  const auto back = Json::parse(written);
  FUZZ_CHECK(back.ok() && back.value->is_string(), back.error + "\n" + written);
  if (valid_utf8(bytes)) FUZZ_CHECK(back.value->text() == bytes, written);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = acw::fuzz::as_text(data, size);
  check_parse(text);
  check_write(text);
  return 0;
}
