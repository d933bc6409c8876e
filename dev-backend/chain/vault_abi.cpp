#include "chain/vault_abi.h"

#include "chain/log_fields.h"
#include "crypto/keccak.h"

namespace acw::backend {
namespace {

constexpr auto malformed = malformed_log<DecodedLog>;

}  // namespace

const std::string& deposited_topic() {
  static const std::string topic = event_topic(kDepositedSignature);
  return topic;
}

DecodedLog decode_deposited_log(const acw::json& log, const std::string& vault) {
  auto event = read_log_event(log, {vault});
  if (!event.ok()) return malformed(event.error);
  if (event.value->topic != deposited_topic()) return DecodedLog{};  // not a payment: other

  auto addresses = address_topics(log, 2);  // account, payer
  if (!addresses.ok()) return malformed("Deposited log " + addresses.error);
  auto words = data_words(log);
  if (!words || words->size() != 2) {
    return malformed("Deposited log data must be two 32-byte words");
  }
  auto amount = acw::parse_uint256_word(acw::json(words->at(0)));
  auto price = acw::parse_uint256_word(acw::json(words->at(1)));
  if (!amount.ok()) return malformed("amountWei: " + amount.error);
  if (!price.ok()) return malformed("priceMicroUsdPerG: " + price.error);
  auto at = read_log_position(log);
  if (!at.ok()) return malformed(at.error);

  DecodedLog out;
  out.kind = LogKind::deposit;
  out.deposit = Deposit{at.value->tx_hash, at.value->log_index, at.value->block_number,
                        addresses.value->at(0), addresses.value->at(1), *amount.value,
                        *price.value};
  return out;
}

}  // namespace acw::backend
