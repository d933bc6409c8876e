// ABI calldata the widget sends to the chain (hex strings with 0x). Selectors are the first 4
// bytes of keccak256 of the signature, written here as constants with their signatures.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "money.h"

namespace acw {

// Superfluid host operation types (ISuperfluid.BatchOperation).
constexpr unsigned kOpErc20Approve = 1;
constexpr unsigned kOpCallAppAction = 202;

// batchCall((uint32,address,bytes)[]) on the Superfluid host: one transaction that
//   1. approves `amount` of `token` for `vault` (ERC20_APPROVE), and
//   2. calls the vault's depositFromAction(amount, abi.encode(account), ctx) (CALL_APP_ACTION),
// which pulls the G$ and credits `account`. Addresses are 0x + 40 hex.
std::string encode_deposit_batch_call(std::string_view token, std::string_view vault, uint128 amount,
                                      std::string_view account);

// depositFromAction(uint256,bytes,bytes) with userData = abi.encode(account) and an empty ctx
// placeholder (the host fills in the real context).
std::string encode_deposit_from_action(uint128 amount, std::string_view account);

// abi.encode(account): the userData the vault reads the credited account from.
std::string encode_account_user_data(std::string_view account);

// CFAv1Forwarder calls (the same address on every network). Rates are int96 wei per second;
// the widget only sends positive rates. userData = abi.encode(account) so the vault knows whom
// to credit (setFlowrate carries no userData, so it is never used).
std::string encode_create_flow(std::string_view token, std::string_view sender, std::string_view receiver,
                               uint128 rate, std::string_view account);
std::string encode_update_flow(std::string_view token, std::string_view sender, std::string_view receiver,
                               uint128 rate, std::string_view account);
std::string encode_delete_flow(std::string_view token, std::string_view sender, std::string_view receiver,
                               std::string_view account);
// getFlowInfo(token, sender, receiver) -> (uint256 lastUpdated, int96 flowrate, uint256 deposit,
// uint256 owedDeposit), and getBufferAmountByFlowrate(token, int96) -> uint256.
std::string encode_get_flow_info(std::string_view token, std::string_view sender, std::string_view receiver);
std::string encode_get_buffer_amount(std::string_view token, uint128 rate);

struct FlowInfo {
  uint64_t last_updated = 0;  // block time, seconds
  uint128 flow_rate = 0;      // a negative (incoming) rate reads as 0: not our stream
  uint128 deposit = 0;
};
// Decodes getFlowInfo's four words; nullopt on a malformed answer.
std::optional<FlowInfo> decode_flow_info(std::string_view hex);

}  // namespace acw
