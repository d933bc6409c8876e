// Ethereum's Keccak-256 (the original Keccak padding, not NIST SHA3-256), from Crypto++.
#pragma once
#include <string>
#include <string_view>

#include "util/hex.h"

namespace acw::backend {

Bytes keccak256(const uint8_t* data, size_t size);
Bytes keccak256(std::string_view data);
std::string keccak256_hex(std::string_view data);  // 64 lower-case hex digits, no 0x

// A Solidity function selector: "0x" + the first 4 bytes of keccak(signature).
// function_selector("balanceOf(address)") == "0x70a08231".
std::string function_selector(std::string_view signature);
// An event's topic0: "0x" + keccak(signature), 64 hex digits.
std::string event_topic(std::string_view signature);

}  // namespace acw::backend
