// The credits vault's ABI as far as the backend needs it: the view functions for price and
// minimums, and the Deposited event of a one-time payment.
#pragma once
#include <cstdint>
#include <string>

#include "core/wire.h"

namespace acw::backend {

// Signatures; selectors and topics are computed from them with keccak, never hard-coded.
inline constexpr const char* kPriceSignature = "priceMicroUsdPerG()";
inline constexpr const char* kMinFirstDepositSignature = "minFirstDepositMicroUsd()";
inline constexpr const char* kMinStreamSignature = "minStreamMicroUsdPerMonth()";
inline constexpr const char* kDepositedSignature = "Deposited(address,address,uint256,uint256)";

const std::string& deposited_topic();  // "0x" + 64 hex digits

// One Deposited log: event Deposited(address indexed account, address indexed payer,
// uint256 amountWei, uint256 priceMicroUsdPerG).
struct Deposit {
  std::string tx_hash;       // lower-case "0x" + 64 hex digits
  uint64_t log_index = 0;
  uint64_t block_number = 0;
  std::string account;       // lower-case address credited
  std::string payer;         // lower-case address that paid
  acw::uint128 amount_wei = 0;
  acw::uint128 price_micro_usd_per_g = 0;
  std::string id() const { return tx_hash + ":" + std::to_string(log_index); }
};

enum class LogKind {
  other,      // not a Deposited log of this vault (or a removed log): skip it
  deposit,    // decoded into `deposit`
  malformed,  // the vault's Deposited log, but its fields do not decode: `error` says why
};

struct DecodedLog {
  LogKind kind = LogKind::other;
  Deposit deposit;
  std::string error;
};

// `log` is one entry of a receipt's `logs` or of eth_getLogs; `vault` is lower-case.
DecodedLog decode_deposited_log(const acw::json& log, const std::string& vault);

}  // namespace acw::backend
