#include "chain/stream_abi.h"

#include "crypto/keccak.h"
#include "util/hex.h"

namespace acw::backend {
namespace {

constexpr auto malformed = malformed_log<DecodedStreamLog>;

DecodedStreamLog decode_stream_updated(const acw::json& log) {
  auto addresses = address_topics(log, 2);  // account, sender
  if (!addresses.ok()) return malformed("StreamUpdated log " + addresses.error);
  auto words = data_words(log);
  if (!words || words->size() != 2) {
    return malformed("StreamUpdated log data must be two 32-byte words");
  }
  // int96, sign-extended to 256 bits: a flow rate to the vault is never negative.
  const std::string& rate_word = words->at(0);  // "0x", 40 digits of sign, the int96's 24
  if (rate_word.compare(2, 40, std::string(40, '0')) != 0) {
    return malformed("StreamUpdated flowRateWeiPerSecond is negative or not an int96");
  }
  auto rate = acw::parse_hex_quantity(rate_word);
  auto price = acw::parse_uint256_word(acw::json(words->at(1)));
  if (!rate) return malformed("StreamUpdated flowRateWeiPerSecond does not decode");
  if (!price.ok()) return malformed("StreamUpdated priceMicroUsdPerG: " + price.error);
  auto at = read_log_position(log);
  if (!at.ok()) return malformed(at.error);
  DecodedStreamLog out;
  out.kind = StreamLogKind::stream;
  out.stream = StreamLog{*at.value, addresses.value->at(0), addresses.value->at(1), *rate,
                         *price.value};
  return out;
}

DecodedStreamLog decode_liquidation(const acw::json& log) {
  auto addresses = address_topics(log, 3);  // agreement class, liquidator, target
  if (!addresses.ok()) return malformed("AgreementLiquidatedV2 log " + addresses.error);
  auto words = data_words(log);
  if (!words || words->empty()) return malformed("AgreementLiquidatedV2 log has no id");
  auto at = read_log_position(log);
  if (!at.ok()) return malformed(at.error);
  const std::vector<std::string>& a = *addresses.value;
  DecodedStreamLog out;
  out.kind = StreamLogKind::liquidation;
  out.liquidation = LiquidationLog{*at.value, a.at(0), a.at(1), a.at(2), words->at(0)};
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

DecodedStreamLog decode_stream_log(const acw::json& log, const std::string& vault,
                                   const std::string& token) {
  auto event = read_log_event(log, {vault, token});
  if (!event.ok()) return malformed(event.error);
  const LogEvent& e = *event.value;
  if (e.emitter == vault && e.topic == stream_updated_topic()) return decode_stream_updated(log);
  if (e.emitter == token && e.topic == agreement_liquidated_v2_topic()) {
    return decode_liquidation(log);
  }
  return DecodedStreamLog{};  // other
}

}  // namespace acw::backend
