// From chain logs to stream events: the vault's StreamUpdated logs, each with its block's
// timestamp and, for an end, whether the same transaction liquidated that flow. The scanner
// applies them in chain order (Store::apply_stream_event), for the record route too.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "chain/rpc_client.h"
#include "chain/stream_abi.h"
#include "store/records.h"

namespace acw::backend {

// Lower-case addresses; cfa may be empty (then a liquidation's agreement class is not checked,
// its flow id still is).
struct StreamContracts {
  std::string vault;
  std::string token;
  std::string cfa;
};

struct ExtractedStreamLogs {
  std::vector<StreamLog> streams;  // in chain order (block, log index)
  std::vector<LiquidationLog> liquidations;
  // StreamUpdated / AgreementLiquidatedV2 logs that did not decode
  std::vector<std::string> errors;
};

ExtractedStreamLogs extract_stream_logs(const acw::json& logs, const StreamContracts& contracts);

// The liquidator when `stream` ends a flow that its own transaction liquidated: an
// AgreementLiquidatedV2 of the CFA with target = the sender and id = the flow sender -> vault.
std::optional<std::string> liquidator_of(const StreamLog& stream,
                                         const std::vector<LiquidationLog>& liquidations,
                                         const StreamContracts& contracts);

StreamEventRecord stream_event_record(const StreamLog& log, int64_t block_time_s,
                                      std::optional<std::string> liquidator);

struct BlockHeader {
  uint64_t number = 0;
  int64_t timestamp_s = 0;
};

// eth_getBlockByNumber(tag, false): tag is "latest" or a hex quantity.
acw::Parsed<BlockHeader> fetch_block(JsonRpc& rpc, const std::string& tag);

// Block timestamps, fetched once per block.
class BlockTimes {
 public:
  explicit BlockTimes(JsonRpc& rpc) : rpc_(rpc) {}
  acw::Parsed<int64_t> at(uint64_t block_number);
  void remember(const BlockHeader& header) { times_[header.number] = header.timestamp_s; }

 private:
  JsonRpc& rpc_;
  std::map<uint64_t, int64_t> times_;
};

}  // namespace acw::backend
