// ABI calldata the widget sends to the chain (hex strings with 0x). Selectors are the first 4
// bytes of keccak256 of the signature, written here as constants with their signatures.
#pragma once
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

}  // namespace acw
