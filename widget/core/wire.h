// Wire formats from outside the widget (EIP-1193 answers, ABI data), parsed
// strictly. Nothing here throws: every failure is a typed error with a message.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json.h"
#include "money.h"
#include "parsed.h"

namespace acw {

// "0x" + 40 hex digits (any case; the EIP-55 checksum is not checked). Returns the
// lower-case form.
Parsed<std::string> parse_address(const Json& value);
bool is_address(std::string_view text);

// eth_requestAccounts / eth_accounts result: an array of address strings (may be empty).
// Every entry must be an address; at most 64 entries. Lower-cased.
Parsed<std::vector<std::string>> parse_accounts(const Json& value);

// eth_chainId result: hex quantity string ("0x" + 1..64 hex digits, leading zeros allowed),
// non-zero, fits in 64 bits ("0x7a69"). Decimal strings and JSON numbers are rejected.
Parsed<uint64_t> parse_chain_id(const Json& value);
std::string chain_id_hex(uint64_t chain_id);  // 31337 -> "0x7a69"

// eth_call result holding one uint256 ABI word: "0x" + 64 hex digits (also accept "0x" +
// 1..64 digits from lenient nodes). Values above 2^128-1 are an error ("value too large");
// "0x" (a call to an address without code) is an error too.
Parsed<uint128> parse_uint256_word(const Json& value);

// 32-byte transaction hash "0x" + 64 hex, lower-cased.
Parsed<std::string> parse_tx_hash(const Json& value);

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
WalletError parse_wallet_error(const Json& value);

}  // namespace acw
