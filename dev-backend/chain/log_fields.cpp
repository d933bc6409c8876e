#include "chain/log_fields.h"

#include <algorithm>

#include "util/hex.h"

namespace acw::backend {
namespace {

constexpr size_t kWordDigits = 64;  // hex digits per 32-byte word
constexpr uint64_t kMaxSmallQuantity = static_cast<uint64_t>(INT64_MAX);

bool removed_by_reorganisation(const acw::json& log) {
  return log.contains("removed") && log.at("removed").is_boolean() &&
         log.at("removed").get<bool>();
}

// An indexed address topic: 12 zero bytes, then the address.
std::optional<std::string> topic_address(const acw::json& topic) {
  auto word = acw::parse_tx_hash(topic);  // any 32-byte "0x" word, lower-cased
  if (!word.ok()) return std::nullopt;
  const std::string& w = *word.value;
  if (w.compare(2, 24, std::string(24, '0')) != 0) return std::nullopt;
  return "0x" + w.substr(26);
}

}  // namespace

acw::Parsed<LogEvent> read_log_event(const acw::json& log,
                                     std::initializer_list<std::string_view> emitters) {
  using P = acw::Parsed<LogEvent>;
  if (!log.is_object()) return P::fail("log is not an object");
  if (!log.contains("address")) return P::fail("log has no address");
  auto address = acw::parse_address(log.at("address"));
  if (!address.ok()) return P::fail("log address: " + address.error);
  LogEvent event{*address.value, ""};
  if (std::find(emitters.begin(), emitters.end(), event.emitter) == emitters.end()) {
    return P::good(std::move(event));
  }
  if (!log.contains("topics") || !log.at("topics").is_array()) {
    return P::fail("log has no topics array");
  }
  const acw::json& topics = log.at("topics");
  if (topics.empty() || removed_by_reorganisation(log)) return P::good(std::move(event));
  auto topic0 = acw::parse_tx_hash(topics.at(0));  // any 32-byte "0x" word, lower-cased
  if (topic0.ok()) event.topic = *topic0.value;
  return P::good(std::move(event));
}

acw::Parsed<std::vector<std::string>> address_topics(const acw::json& log, size_t count) {
  using P = acw::Parsed<std::vector<std::string>>;
  const acw::json& topics = log.at("topics");
  if (topics.size() != count + 1) {
    return P::fail("must have " + std::to_string(count + 1) + " topics");
  }
  std::vector<std::string> addresses;
  for (size_t i = 1; i <= count; ++i) {
    auto address = topic_address(topics.at(i));
    if (!address) return P::fail("has a malformed address topic");
    addresses.push_back(std::move(*address));
  }
  return P::good(std::move(addresses));
}

std::optional<std::vector<std::string>> data_words(const acw::json& log) {
  if (!log.contains("data") || !log.at("data").is_string()) return std::nullopt;
  const std::string& data = log.at("data").get_ref<const std::string&>();
  if (data.size() < 2 || data.compare(0, 2, "0x") != 0 || (data.size() - 2) % kWordDigits != 0) {
    return std::nullopt;
  }
  if (!from_hex(data)) return std::nullopt;
  std::vector<std::string> words;
  for (size_t at = 2; at < data.size(); at += kWordDigits) {
    words.push_back("0x" + to_lower(std::string_view(data).substr(at, kWordDigits)));
  }
  return words;
}

acw::Parsed<LogPosition> read_log_position(const acw::json& log) {
  using P = acw::Parsed<LogPosition>;
  if (!log.contains("transactionHash")) return P::fail("log has no transactionHash");
  auto tx = acw::parse_tx_hash(log.at("transactionHash"));
  if (!tx.ok()) return P::fail("transactionHash: " + tx.error);
  auto index = log.contains("logIndex") ? parse_small_quantity(log.at("logIndex")) : std::nullopt;
  auto block =
      log.contains("blockNumber") ? parse_small_quantity(log.at("blockNumber")) : std::nullopt;
  if (!index) return P::fail("log has no valid logIndex");
  if (!block) return P::fail("log has no valid blockNumber");
  return P::good(LogPosition{*tx.value, *index, *block});
}

std::optional<uint64_t> parse_small_quantity(const acw::json& value) {
  if (!value.is_string()) return std::nullopt;
  auto quantity = acw::parse_hex_quantity(value.get_ref<const std::string&>());
  if (!quantity || *quantity > kMaxSmallQuantity) return std::nullopt;
  return static_cast<uint64_t>(*quantity);
}

}  // namespace acw::backend
