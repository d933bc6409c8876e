#include "util/json.h"

namespace acw {

namespace {

// The same value as the core's Json, through its text (every call here reads a scalar).
Json core_value(const json& value) {
  auto parsed = Json::parse(value.dump(-1, ' ', false, json::error_handler_t::replace));
  return parsed.ok() ? std::move(*parsed.value) : Json();
}

}  // namespace

Parsed<json> parse_json(std::string_view text, size_t max_bytes, int max_depth) {
  if (text.size() > max_bytes) return Parsed<json>::fail("JSON text is too long.");
  // The parser itself keeps its own stack; the callback drops every container opened past
  // max_depth (nothing deeper is ever built) and remembers that it did.
  bool too_deep = false;
  const json::parser_callback_t depth_check = [&](int depth, json::parse_event_t event, json&) {
    const bool opens = event == json::parse_event_t::object_start ||
                       event == json::parse_event_t::array_start;
    if (opens && depth >= max_depth) too_deep = true;
    return !too_deep;
  };
  // allow_exceptions = false: invalid text yields a "discarded" value instead of a throw.
  json value = json::parse(text.begin(), text.end(), depth_check, false);
  if (too_deep) return Parsed<json>::fail("JSON is nested too deeply.");
  if (value.is_discarded()) return Parsed<json>::fail("Text is not valid JSON.");
  return Parsed<json>::good(std::move(value));
}

Parsed<std::string> parse_address(const json& value) { return parse_address(core_value(value)); }
Parsed<std::string> parse_tx_hash(const json& value) { return parse_tx_hash(core_value(value)); }
Parsed<uint128> parse_uint256_word(const json& value) { return parse_uint256_word(core_value(value)); }
Parsed<uint64_t> parse_chain_id_any(const json& value) { return parse_chain_id_any(core_value(value)); }

}  // namespace acw
