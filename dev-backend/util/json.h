// The dev backend's JSON: nlohmann::json, and the core's wire parsers (core/wire.h,
// core/config.h) for nlohmann values. The widget's core has a JSON type of its own
// (core/json.h, acw::Json) and no nlohmann; the overloads here hand it the value.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/config.h"
#include "util/json.h"

namespace acw {

using json = nlohmann::json;

// Deeper JSON is refused while it is parsed: every other step on a value (dump, compare,
// copy) recurses once per level.
inline constexpr int kMaxJsonDepth = 64;

// Parses JSON text without exceptions (invalid UTF-8 is an error too); rejects texts longer
// than max_bytes and values nested deeper than max_depth arrays/objects.
Parsed<json> parse_json(std::string_view text, size_t max_bytes = 1 << 20,
                        int max_depth = kMaxJsonDepth);

// The core's parsers of the same names, for nlohmann values (same results, same errors).
Parsed<std::string> parse_address(const json& value);
Parsed<std::string> parse_tx_hash(const json& value);
Parsed<uint128> parse_uint256_word(const json& value);
Parsed<uint64_t> parse_chain_id_any(const json& value);

}  // namespace acw
