// The chain events of a stream to the vault, as far as the backend needs them:
//  - the vault's StreamUpdated(address indexed account, address indexed sender,
//    int96 flowRateWeiPerSecond, uint256 priceMicroUsdPerG), emitted from the vault's
//    SuperApp callbacks on every create / update / delete of a CFA flow to it (the callbacks
//    run only for the host, so only a real flow change emits it; rate 0 = the flow ended);
//  - the SuperToken's AgreementLiquidatedV2(address indexed agreementClass, bytes32 id,
//    address indexed liquidatorAccount, address indexed targetAccount, address
//    rewardAmountReceiver, uint256 rewardAmount, int256 targetAccountBalanceDelta, bytes
//    liquidationTypeData), which Superfluid emits (from the token, not the CFA) when a flow
//    of an insolvent sender is deleted. A StreamUpdated(…, 0) whose transaction holds such a
//    log for agreementClass = CFA, targetAccount = the sender and id = keccak256(abi.encode(
//    sender, vault)) (the CFA's flow id) ended by liquidation; any other end is the user's.
#pragma once
#include <cstdint>
#include <string>

#include "chain/log_fields.h"
#include "core/wire.h"

namespace acw::backend {

inline constexpr const char* kStreamUpdatedSignature =
    "StreamUpdated(address,address,int96,uint256)";
inline constexpr const char* kAgreementLiquidatedV2Signature =
    "AgreementLiquidatedV2(address,bytes32,address,address,address,uint256,int256,bytes)";

const std::string& stream_updated_topic();
const std::string& agreement_liquidated_v2_topic();

struct StreamLog {
  LogPosition at;
  std::string account;  // lower-case: credited (userData of the flow)
  std::string sender;   // lower-case: the flow's sender
  acw::uint128 flow_rate_wei_per_second = 0;  // 0 = the flow ended
  acw::uint128 price_micro_usd_per_g = 0;
};

struct LiquidationLog {
  LogPosition at;
  std::string agreement_class;  // lower-case
  std::string liquidator;
  std::string target;           // the flow sender that was liquidated
  std::string agreement_id;     // "0x" + 64 hex digits
};

enum class StreamLogKind { other, stream, liquidation, malformed };

struct DecodedStreamLog {
  StreamLogKind kind = StreamLogKind::other;
  StreamLog stream;
  LiquidationLog liquidation;
  std::string error;
};

// `log`: a receipt's or eth_getLogs' entry. StreamUpdated counts only from `vault`,
// AgreementLiquidatedV2 only from `token` (both lower-case). Removed logs are `other`.
DecodedStreamLog decode_stream_log(const acw::json& log, const std::string& vault,
                                   const std::string& token);

// The CFA's flow id: keccak256(abi.encode(sender, receiver)), "0x" + 64 hex digits.
std::string cfa_flow_id(const std::string& sender, const std::string& receiver);

}  // namespace acw::backend
