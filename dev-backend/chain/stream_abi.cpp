#include "chain/stream_abi.h"

#include "chain/vault_abi.h"
#include "crypto/keccak.h"
#include "util/hex.h"

namespace acw::backend {
namespace {

constexpr size_t kWord = 64;  // hex digits per 32-byte word

DecodedStreamLog malformed(std::string why) {
  DecodedStreamLog out;
  out.kind = StreamLogKind::malformed;
  out.error = std::move(why);
  return out;
}

std::optional<std::string> topic_address(const acw::json& topic) {
  auto word = acw::parse_tx_hash(topic);  // any 32-byte "0x" word, lower-cased
  if (!word.ok()) return std::nullopt;
  const std::string& w = *word.value;
  if (w.compare(2, 24, std::string(24, '0')) != 0) return std::nullopt;
  return "0x" + w.substr(26);
}

// The data's words (without "0x"); nullopt unless it is "0x" + whole words.
std::optional<std::string> data_hex(const acw::json& log) {
  if (!log.contains("data") || !log.at("data").is_string()) return std::nullopt;
  const std::string& data = log.at("data").get_ref<const std::string&>();
  if (data.size() < 2 || data.compare(0, 2, "0x") != 0 || (data.size() - 2) % kWord != 0) {
    return std::nullopt;
  }
  if (!from_hex(data)) return std::nullopt;
  return to_lower(data.substr(2));
}

DecodedStreamLog decode_stream_updated(const acw::json& log) {
  const acw::json& topics = log.at("topics");
  if (topics.size() != 3) return malformed("StreamUpdated log must have 3 topics");
  auto account = topic_address(topics.at(1));
  auto sender = topic_address(topics.at(2));
  if (!account || !sender) return malformed("StreamUpdated log has a malformed address topic");
  auto data = data_hex(log);
  if (!data || data->size() != 2 * kWord) {
    return malformed("StreamUpdated log data must be two 32-byte words");
  }
  // int96, sign-extended to 256 bits: a flow rate to the vault is never negative.
  const std::string rate_word = data->substr(0, kWord);
  if (rate_word.compare(0, kWord - 24, std::string(kWord - 24, '0')) != 0) {
    return malformed("StreamUpdated flowRateWeiPerSecond is negative or not an int96");
  }
  auto rate = acw::parse_hex_quantity("0x" + rate_word);
  auto price = acw::parse_uint256_word(acw::json("0x" + data->substr(kWord, kWord)));
  if (!rate) return malformed("StreamUpdated flowRateWeiPerSecond does not decode");
  if (!price.ok()) return malformed("StreamUpdated priceMicroUsdPerG: " + price.error);
  std::string error;
  auto at = read_log_position(log, error);
  if (!at) return malformed(error);
  DecodedStreamLog out;
  out.kind = StreamLogKind::stream;
  out.stream = StreamLog{*at, *account, *sender, *rate, *price.value};
  return out;
}

DecodedStreamLog decode_liquidation(const acw::json& log) {
  const acw::json& topics = log.at("topics");
  if (topics.size() != 4) return malformed("AgreementLiquidatedV2 log must have 4 topics");
  auto agreement = topic_address(topics.at(1));
  auto liquidator = topic_address(topics.at(2));
  auto target = topic_address(topics.at(3));
  if (!agreement || !liquidator || !target) {
    return malformed("AgreementLiquidatedV2 log has a malformed address topic");
  }
  auto data = data_hex(log);
  if (!data || data->size() < kWord) return malformed("AgreementLiquidatedV2 log has no id");
  std::string error;
  auto at = read_log_position(log, error);
  if (!at) return malformed(error);
  DecodedStreamLog out;
  out.kind = StreamLogKind::liquidation;
  out.liquidation = LiquidationLog{*at, *agreement, *liquidator, *target,
                                   "0x" + data->substr(0, kWord)};
  return out;
}

}  // namespace

const std::string& stream_updated_topic() {
  static const std::string topic = event_topic(kStreamUpdatedSignature);
  return topic;
}

const std::string& agreement_liquidated_v2_topic() {
  static const std::string topic = event_topic(kAgreementLiquidatedV2Signature);
  return topic;
}

std::string cfa_flow_id(const std::string& sender, const std::string& receiver) {
  const auto bytes = from_hex(acw::abi_word_address(sender) + acw::abi_word_address(receiver));
  if (!bytes || bytes->size() != 64) return {};
  return "0x" + to_hex(keccak256(bytes->data(), bytes->size()));
}

std::optional<LogPosition> read_log_position(const acw::json& log, std::string& error) {
  if (!log.contains("transactionHash")) {
    error = "log has no transactionHash";
    return std::nullopt;
  }
  auto tx = acw::parse_tx_hash(log.at("transactionHash"));
  if (!tx.ok()) {
    error = "transactionHash: " + tx.error;
    return std::nullopt;
  }
  auto index = log.contains("logIndex") ? parse_small_quantity(log.at("logIndex")) : std::nullopt;
  auto block =
      log.contains("blockNumber") ? parse_small_quantity(log.at("blockNumber")) : std::nullopt;
  if (!index) {
    error = "log has no valid logIndex";
    return std::nullopt;
  }
  if (!block) {
    error = "log has no valid blockNumber";
    return std::nullopt;
  }
  return LogPosition{*tx.value, *index, *block};
}

DecodedStreamLog decode_stream_log(const acw::json& log, const std::string& vault,
                                   const std::string& token) {
  DecodedStreamLog other;
  if (!log.is_object()) return malformed("log is not an object");
  if (!log.contains("address")) return malformed("log has no address");
  auto address = acw::parse_address(log.at("address"));
  if (!address.ok()) return malformed("log address: " + address.error);
  const bool from_vault = *address.value == vault;
  const bool from_token = *address.value == token;
  if (!from_vault && !from_token) return other;
  if (!log.contains("topics") || !log.at("topics").is_array()) {
    return malformed("log has no topics array");
  }
  const acw::json& topics = log.at("topics");
  if (topics.empty()) return other;
  auto topic0 = acw::parse_tx_hash(topics.at(0));
  if (!topic0.ok()) return other;
  if (log.contains("removed") && log.at("removed").is_boolean() && log.at("removed").get<bool>()) {
    return other;  // dropped by a reorganisation
  }
  if (from_vault && *topic0.value == stream_updated_topic()) return decode_stream_updated(log);
  if (from_token && *topic0.value == agreement_liquidated_v2_topic()) {
    return decode_liquidation(log);
  }
  return other;
}

}  // namespace acw::backend
