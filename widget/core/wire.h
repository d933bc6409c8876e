// Wire formats from outside the widget (EIP-1193 answers, ABI data, JSON text), parsed
// strictly. Nothing here throws: every failure is a typed error with a message.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "money.h"

namespace acw {

using json = nlohmann::json;

template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;  // empty exactly when value is set
  bool ok() const { return value.has_value(); }
  static Parsed fail(std::string why) { return Parsed{std::nullopt, std::move(why)}; }
  static Parsed good(T v) { return Parsed{std::move(v), {}}; }
};

// Arrays and objects nested deeper than this are refused by parse_json().
constexpr int kMaxJsonDepth = 64;

// Parses JSON text without exceptions (invalid UTF-8 is an error too); rejects texts longer
// than max_bytes before reading them, and nesting deeper than kMaxJsonDepth while reading.
Parsed<json> parse_json(std::string_view text, size_t max_bytes = 1 << 20);

// A JSON number that is a whole number from 0 to 2^64 - 1 (parsed as number_unsigned, or built
// from a non-negative integer); nullopt for a negative number, a fraction, a value past 2^64
// (nlohmann reads those as floats) and every other type.
std::optional<uint64_t> whole_number(const json& value);

// Compact JSON text that never fails: a string byte that is not well-formed UTF-8 is written
// as U+FFFD (nlohmann's plain dump() would throw, and so abort here).
std::string json_text(const json& value);

// "0x" + 40 hex digits (any case; the EIP-55 checksum is not checked). Returns the
// lower-case form.
Parsed<std::string> parse_address(const json& value);
bool is_address(std::string_view text);

// eth_requestAccounts / eth_accounts result: an array of address strings (may be empty).
// Every entry must be an address; at most 64 entries. Lower-cased.
Parsed<std::vector<std::string>> parse_accounts(const json& value);

// eth_chainId result: hex quantity string ("0x" + 1..64 hex digits, leading zeros allowed),
// non-zero, fits in 64 bits ("0x7a69"). Decimal strings and JSON numbers are rejected.
Parsed<uint64_t> parse_chain_id(const json& value);
std::string chain_id_hex(uint64_t chain_id);  // 31337 -> "0x7a69"

// eth_call result holding one uint256 ABI word: "0x" + 64 hex digits (also accept "0x" +
// 1..64 digits from lenient nodes). Values above 2^128-1 are an error ("value too large");
// "0x" (a call to an address without code) is an error too.
Parsed<uint128> parse_uint256_word(const json& value);

// 32-byte transaction hash "0x" + 64 hex, lower-cased.
Parsed<std::string> parse_tx_hash(const json& value);

// ABI encoding. Output is lower-case.
// 64 hex chars, no 0x; "" when `address` fails is_address (never a zero-address word).
std::string abi_word_address(std::string_view address);
std::string abi_word_uint(uint128 value);                // 64 hex chars, no 0x
// balanceOf(address) calldata: "0x70a08231" + address word; "" for an invalid address.
std::string encode_balance_of(std::string_view address);

// An EIP-1193 error object {code: int, message: string}; anything else (not an object, a
// field missing or of another type, a code outside int) gives code -32603 and a generic
// message. An empty message keeps the code with the generic message. Messages are cut to 300
// characters (UTF-8 code points, the last three being "..."), never inside a code point.
struct WalletError {
  int code = -32603;
  std::string message;
};
WalletError parse_wallet_error(const json& value);

}  // namespace acw
