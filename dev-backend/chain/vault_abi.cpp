#include "chain/vault_abi.h"

#include <cstdint>

#include "crypto/keccak.h"

namespace acw::backend {
namespace {

constexpr uint64_t kMaxSmallQuantity = static_cast<uint64_t>(INT64_MAX);

DecodedLog malformed(std::string why) {
  DecodedLog out;
  out.kind = LogKind::malformed;
  out.error = std::move(why);
  return out;
}

// An indexed address topic: 12 zero bytes then the 20-byte address.
std::optional<std::string> topic_address(const acw::json& topic) {
  auto word = acw::parse_tx_hash(topic);  // any 32-byte "0x" word, lower-cased
  if (!word.ok()) return std::nullopt;
  const std::string& w = *word.value;
  if (w.compare(2, 24, std::string(24, '0')) != 0) return std::nullopt;
  return "0x" + w.substr(26);
}

}  // namespace

const std::string& deposited_topic() {
  static const std::string topic = event_topic(kDepositedSignature);
  return topic;
}

std::optional<uint64_t> parse_small_quantity(const acw::json& value) {
  if (!value.is_string()) return std::nullopt;
  auto quantity = acw::parse_hex_quantity(value.get_ref<const std::string&>());
  if (!quantity || *quantity > kMaxSmallQuantity) return std::nullopt;
  return static_cast<uint64_t>(*quantity);
}

DecodedLog decode_deposited_log(const acw::json& log, const std::string& vault) {
  DecodedLog other;
  if (!log.is_object()) return malformed("log is not an object");
  if (!log.contains("address")) return malformed("log has no address");
  auto address = acw::parse_address(log.at("address"));
  if (!address.ok()) return malformed("log address: " + address.error);
  if (*address.value != vault) return other;
  if (!log.contains("topics") || !log.at("topics").is_array()) {
    return malformed("log has no topics array");
  }
  const acw::json& topics = log.at("topics");
  if (topics.empty()) return other;
  auto topic0 = acw::parse_tx_hash(topics.at(0));
  if (!topic0.ok() || *topic0.value != deposited_topic()) return other;
  if (log.contains("removed") && log.at("removed").is_boolean() && log.at("removed").get<bool>()) {
    return other;  // dropped by a reorganisation
  }

  DecodedLog out;
  out.kind = LogKind::deposit;
  Deposit& d = out.deposit;
  if (topics.size() != 3) return malformed("Deposited log must have 3 topics");
  auto account = topic_address(topics.at(1));
  auto payer = topic_address(topics.at(2));
  if (!account || !payer) return malformed("Deposited log has a malformed address topic");
  d.account = *account;
  d.payer = *payer;

  if (!log.contains("data") || !log.at("data").is_string()) return malformed("log has no data");
  const std::string& data = log.at("data").get_ref<const std::string&>();
  if (data.size() != 2 + 128 || data.compare(0, 2, "0x") != 0) {
    return malformed("Deposited log data must be two 32-byte words");
  }
  auto amount = acw::parse_uint256_word(acw::json("0x" + data.substr(2, 64)));
  auto price = acw::parse_uint256_word(acw::json("0x" + data.substr(66, 64)));
  if (!amount.ok()) return malformed("amountWei: " + amount.error);
  if (!price.ok()) return malformed("priceMicroUsdPerG: " + price.error);
  d.amount_wei = *amount.value;
  d.price_micro_usd_per_g = *price.value;

  if (!log.contains("transactionHash")) return malformed("log has no transactionHash");
  auto tx = acw::parse_tx_hash(log.at("transactionHash"));
  if (!tx.ok()) return malformed("transactionHash: " + tx.error);
  d.tx_hash = *tx.value;
  auto index = log.contains("logIndex") ? parse_small_quantity(log.at("logIndex")) : std::nullopt;
  auto block = log.contains("blockNumber") ? parse_small_quantity(log.at("blockNumber"))
                                           : std::nullopt;
  if (!index) return malformed("log has no valid logIndex");
  if (!block) return malformed("log has no valid blockNumber");
  d.log_index = *index;
  d.block_number = *block;
  return out;
}

}  // namespace acw::backend
