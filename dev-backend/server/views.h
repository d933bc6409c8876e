// JSON shapes of SPEC.md §4 responses. Amounts are decimal strings; times ISO 8601 UTC.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/wire.h"
#include "store/records.h"

namespace acw::backend {

acw::json credit_json(const CreditEntry& entry);
acw::json api_key_json(const ApiKeyRecord& key);  // metadata only, never the token
acw::json usage_json(const UsageEntry& entry);
acw::json stream_event_json(const StreamEventRecord& event);

// What the profile shows of an account's streams (`streams` newest first): its newest active
// stream, else its newest ended one; the sum of the active rates; the block time up to which
// its streams are credited.
struct StreamSummary {
  std::optional<StreamRecord> shown;
  acw::uint128 active_flow_rate_wei_per_second = 0;
  std::optional<int64_t> credited_until_s;
};
StreamSummary summarize_streams(const std::vector<StreamRecord>& streams);
// {status: none|active|ended, flowRateWeiPerSecond, startedAt, endedAt, endReason, sender}
acw::json stream_json(const std::optional<StreamRecord>& stream);

acw::json profile_json(const std::string& account, const AccountTotals& totals,
                       const StreamSummary& streams);

}  // namespace acw::backend
