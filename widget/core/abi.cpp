#include "abi.h"

#include <vector>

#include "wire.h"

namespace acw {

namespace {

constexpr const char* kBatchCallSelector = "6ad3ca7d";          // batchCall((uint32,address,bytes)[])
constexpr const char* kDepositFromActionSelector = "242fee63";  // depositFromAction(uint256,bytes,bytes)
constexpr const char* kCreateFlowSelector = "e15536b6";  // createFlow(address,address,address,int96,bytes)
constexpr const char* kUpdateFlowSelector = "0c033991";  // updateFlow(address,address,address,int96,bytes)
constexpr const char* kDeleteFlowSelector = "b4b333c6";  // deleteFlow(address,address,address,bytes)
constexpr const char* kGetFlowInfoSelector = "2860fd93";  // getFlowInfo(address,address,address)
constexpr const char* kGetBufferSelector = "09f0b495";    // getBufferAmountByFlowrate(address,int96)

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

bool all_addresses(std::initializer_list<std::string_view> addresses) {
  for (auto a : addresses) {
    if (!is_address(a)) return false;
  }
  return true;
}

// (token, sender, receiver, int96 rate, bytes userData): userData's offset is 5 words.
std::string encode_flow_change(const char* selector, std::string_view token, std::string_view sender,
                               std::string_view receiver, uint128 rate, std::string_view account) {
  if (!all_addresses({token, sender, receiver, account})) return "";
  return std::string("0x") + selector + abi_word_address(token) + abi_word_address(sender) +
         abi_word_address(receiver) + word(rate) + word(5 * 32) + bytes_tail(abi_word_address(account));
}

}  // namespace

std::string encode_create_flow(std::string_view token, std::string_view sender, std::string_view receiver,
                               uint128 rate, std::string_view account) {
  return encode_flow_change(kCreateFlowSelector, token, sender, receiver, rate, account);
}

std::string encode_update_flow(std::string_view token, std::string_view sender, std::string_view receiver,
                               uint128 rate, std::string_view account) {
  return encode_flow_change(kUpdateFlowSelector, token, sender, receiver, rate, account);
}

std::string encode_delete_flow(std::string_view token, std::string_view sender, std::string_view receiver,
                               std::string_view account) {
  if (!all_addresses({token, sender, receiver, account})) return "";
  // (token, sender, receiver, bytes userData): userData's offset is 4 words.
  return std::string("0x") + kDeleteFlowSelector + abi_word_address(token) + abi_word_address(sender) +
         abi_word_address(receiver) + word(4 * 32) + bytes_tail(abi_word_address(account));
}

std::string encode_get_flow_info(std::string_view token, std::string_view sender, std::string_view receiver) {
  if (!all_addresses({token, sender, receiver})) return "";
  return std::string("0x") + kGetFlowInfoSelector + abi_word_address(token) + abi_word_address(sender) +
         abi_word_address(receiver);
}

std::string encode_get_buffer_amount(std::string_view token, uint128 rate) {
  if (!is_address(token)) return "";
  return std::string("0x") + kGetBufferSelector + abi_word_address(token) + word(rate);
}

std::optional<FlowInfo> decode_flow_info(std::string_view hex) {
  if (hex.size() != 2 + 4 * 64 || hex.substr(0, 2) != "0x") return std::nullopt;
  // Every word must be hex, also those not decoded below (found by fuzz_flow_info).
  for (const char c : hex.substr(2)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return std::nullopt;
  }
  auto word_at = [&](size_t i) { return parse_hex_quantity("0x" + std::string(hex.substr(2 + i * 64, 64))); };
  const auto updated = word_at(0);
  const auto deposit = word_at(2);
  if (!updated || !deposit || *updated > UINT64_MAX) return std::nullopt;
  FlowInfo info;
  info.last_updated = static_cast<uint64_t>(*updated);
  info.deposit = *deposit;
  // int96 in a signed word: a set top bit is negative (an incoming flow), read as no stream.
  const std::string_view rate_word = hex.substr(2 + 64, 64);
  if (rate_word[0] >= '8') {
    info.flow_rate = 0;
  } else {
    const auto rate = word_at(1);
    if (!rate) return std::nullopt;
    info.flow_rate = *rate;
  }
  return info;
}

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
