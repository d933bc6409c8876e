#include "util/json.h"

namespace acw {

namespace {

// The same value as the core's Json, through its text (every call here reads a scalar).
Json core_value(const json& value) {
  auto parsed = Json::parse(value.dump(-1, ' ', false, json::error_handler_t::replace));
  return parsed.ok() ? std::move(*parsed.value) : Json();
}

}  // namespace

Parsed<json> parse_json(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) return Parsed<json>::fail("JSON text is too long.");
  // allow_exceptions = false: invalid text yields a "discarded" value instead of a throw.
  json value = json::parse(text.begin(), text.end(), nullptr, false);
  if (value.is_discarded()) return Parsed<json>::fail("Text is not valid JSON.");
  return Parsed<json>::good(std::move(value));
}

Parsed<std::string> parse_address(const json& value) { return parse_address(core_value(value)); }
Parsed<std::string> parse_tx_hash(const json& value) { return parse_tx_hash(core_value(value)); }
Parsed<uint128> parse_uint256_word(const json& value) { return parse_uint256_word(core_value(value)); }
Parsed<uint64_t> parse_chain_id_any(const json& value) { return parse_chain_id_any(core_value(value)); }

}  // namespace acw
