// Hex text <-> bytes for the crypto and ABI code. Lower-case output, no "0x" unless named.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace acw::backend {

using Bytes = std::vector<uint8_t>;

std::string to_hex(const uint8_t* data, size_t size);  // "a1b2", lower-case
std::string to_hex(const Bytes& bytes);
std::string to_hex_prefixed(const Bytes& bytes);  // "0xa1b2"

// Hex digits of either case, even count, optional "0x" prefix. nullopt when malformed.
std::optional<Bytes> from_hex(std::string_view text);

bool is_lower_hex(std::string_view text);  // non-empty, only [0-9a-f]
std::string to_lower(std::string_view text);

}  // namespace acw::backend
