#include "abi.h"

#include <vector>

#include "wire.h"

namespace acw {

namespace {

constexpr const char* kBatchCallSelector = "6ad3ca7d";          // batchCall((uint32,address,bytes)[])
constexpr const char* kDepositFromActionSelector = "242fee63";  // depositFromAction(uint256,bytes,bytes)

std::string word(uint128 value) { return abi_word_uint(value); }

// `bytes` tail: length word, then the data right-padded to whole words. `hex` has no 0x.
std::string bytes_tail(const std::string& hex) {
  std::string out = word(hex.size() / 2) + hex;
  if (const size_t rem = hex.size() % 64) out.append(64 - rem, '0');
  return out;
}

struct Operation {
  unsigned type;
  std::string target;  // 0x address
  std::string data;    // hex without 0x
};

// One (uint32,address,bytes) tuple: its head is three words, the bytes offset is 3 words.
std::string encode_operation(const Operation& op) {
  return word(op.type) + abi_word_address(op.target) + word(3 * 32) + bytes_tail(op.data);
}

}  // namespace

std::string encode_account_user_data(std::string_view account) { return "0x" + abi_word_address(account); }

std::string encode_deposit_from_action(uint128 amount, std::string_view account) {
  // head: amount, offset(userData) = 3 words, offset(ctx) = 3 + 2 words (userData is one word).
  const std::string user_data = abi_word_address(account);
  return std::string("0x") + kDepositFromActionSelector + word(amount) + word(3 * 32) +
         word(5 * 32) + bytes_tail(user_data) + bytes_tail("");
}

std::string encode_deposit_batch_call(std::string_view token, std::string_view vault, uint128 amount,
                                      std::string_view account) {
  if (!is_address(token) || !is_address(vault) || !is_address(account)) return "";
  const std::vector<Operation> ops = {
      {kOpErc20Approve, std::string(token), abi_word_address(vault) + word(amount)},
      {kOpCallAppAction, std::string(vault), encode_deposit_from_action(amount, account).substr(2)},
  };
  // Array of dynamic tuples: length, one offset per element (from the start of the offsets),
  // then the elements.
  std::vector<std::string> encoded;
  for (const auto& op : ops) encoded.push_back(encode_operation(op));
  std::string offsets;
  size_t offset = ops.size() * 32;
  for (const auto& e : encoded) {
    offsets += word(offset);
    offset += e.size() / 2;
  }
  std::string out = std::string("0x") + kBatchCallSelector + word(32) + word(ops.size()) + offsets;
  for (const auto& e : encoded) out += e;
  return out;
}

}  // namespace acw
