#include "streaming.h"

#include <algorithm>

#include "chain/log_fields.h"

namespace acw::backend {

ExtractedStreamLogs extract_stream_logs(const acw::json& logs, const StreamContracts& c) {
  ExtractedStreamLogs out;
  if (!logs.is_array()) {
    out.errors.push_back("logs is not an array");
    return out;
  }
  for (const acw::json& log : logs) {
    DecodedStreamLog decoded = decode_stream_log(log, c.vault, c.token);
    switch (decoded.kind) {
      case StreamLogKind::stream: out.streams.push_back(std::move(decoded.stream)); break;
      case StreamLogKind::liquidation:
        out.liquidations.push_back(std::move(decoded.liquidation));
        break;
      case StreamLogKind::malformed: out.errors.push_back(std::move(decoded.error)); break;
      case StreamLogKind::other: break;
    }
  }
  std::stable_sort(out.streams.begin(), out.streams.end(),
                   [](const StreamLog& a, const StreamLog& b) {
                     if (a.at.block_number != b.at.block_number) {
                       return a.at.block_number < b.at.block_number;
                     }
                     return a.at.log_index < b.at.log_index;
                   });
  return out;
}

std::optional<std::string> liquidator_of(const StreamLog& s,
                                         const std::vector<LiquidationLog>& liquidations,
                                         const StreamContracts& c) {
  if (s.flow_rate_wei_per_second != 0) return std::nullopt;
  const std::string flow_id = cfa_flow_id(s.sender, c.vault);
  for (const LiquidationLog& l : liquidations) {
    if (l.at.tx_hash != s.at.tx_hash || l.target != s.sender || l.agreement_id != flow_id) {
      continue;
    }
    if (!c.cfa.empty() && l.agreement_class != c.cfa) continue;
    return l.liquidator;
  }
  return std::nullopt;
}

StreamEventRecord stream_event_record(const StreamLog& log, int64_t block_time_s,
                                      std::optional<std::string> liquidator) {
  StreamEventRecord e;
  e.id = log.at.id();
  e.tx_hash = log.at.tx_hash;
  e.log_index = static_cast<int64_t>(log.at.log_index);
  e.block_number = static_cast<int64_t>(log.at.block_number);
  e.block_time_s = block_time_s;
  e.account = log.account;
  e.sender = log.sender;
  e.flow_rate_wei_per_second = log.flow_rate_wei_per_second;
  e.price_micro_usd_per_g = log.price_micro_usd_per_g;
  e.liquidator = std::move(liquidator);
  return e;
}

acw::Parsed<BlockHeader> fetch_block(JsonRpc& rpc, const std::string& tag) {
  using P = acw::Parsed<BlockHeader>;
  auto block = rpc.call("eth_getBlockByNumber", acw::json::array({tag, false}));
  if (!block.ok()) return P::fail(block.error);
  const acw::json& b = *block.value;
  if (b.is_null()) return P::fail("the chain node knows no block " + tag);
  if (!b.is_object() || !b.contains("number") || !b.contains("timestamp")) {
    return P::fail("the chain node answered a malformed block");
  }
  auto number = parse_small_quantity(b.at("number"));
  auto timestamp = parse_small_quantity(b.at("timestamp"));
  if (!number || !timestamp) return P::fail("the chain node answered a malformed block");
  return P::good(BlockHeader{*number, static_cast<int64_t>(*timestamp)});
}

acw::Parsed<int64_t> BlockTimes::at(uint64_t block_number) {
  using P = acw::Parsed<int64_t>;
  if (auto it = times_.find(block_number); it != times_.end()) return P::good(it->second);
  auto header = fetch_block(rpc_, acw::to_hex_quantity(block_number));
  if (!header.ok()) return P::fail(header.error);
  if (header.value->number != block_number) {
    return P::fail("the chain node answered another block than " + std::to_string(block_number));
  }
  times_[block_number] = header.value->timestamp_s;
  return P::good(header.value->timestamp_s);
}

}  // namespace acw::backend
