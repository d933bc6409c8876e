#include "server/views.h"

#include "ledger.h"
#include "store/store.h"
#include "util/time.h"

namespace acw::backend {
namespace {

acw::json optional_time(const std::optional<int64_t>& ms) {
  return ms ? acw::json(iso8601_ms(*ms)) : acw::json(nullptr);
}

acw::json block_time(int64_t seconds) { return iso8601_ms(seconds * 1000); }

acw::json optional_block_time(const std::optional<int64_t>& seconds) {
  return seconds ? block_time(*seconds) : acw::json(nullptr);
}

acw::json optional_text(const std::optional<std::string>& text) {
  return text ? acw::json(*text) : acw::json(nullptr);
}

}  // namespace

acw::json credit_json(const CreditEntry& e) {
  acw::json out = {{"id", e.id},
          {"account", e.account},
          {"payer", e.payer},
          {"source", e.source},
          {"gdAmountWei", acw::to_decimal(e.gd_amount_wei)},
          {"priceMicroUsdPerG", acw::to_decimal(e.price_micro_usd_per_g)},
          {"principalUsd", acw::to_decimal(e.principal_usd)},
          {"bonusUsd", acw::to_decimal(e.bonus_usd)},
          {"totalCreditUsd", acw::to_decimal(e.total_credit_usd)},
          {"fundingStatus", e.funding_status},
          {"txHash", e.tx_hash.empty() ? acw::json(nullptr) : acw::json(e.tx_hash)},
          {"logIndex", e.log_index < 0 ? acw::json(nullptr) : acw::json(e.log_index)},
          {"blockNumber", e.block_number},
          {"createdAt", iso8601_ms(e.created_at_ms)}};
  // Stream credits: the block-time interval they pay for.
  if (e.period_from_s && e.period_to_s) {
    out["periodStart"] = block_time(*e.period_from_s);
    out["periodEnd"] = block_time(*e.period_to_s);
  }
  return out;
}

acw::json stream_event_json(const StreamEventRecord& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"account", e.account},
          {"sender", e.sender},
          {"flowRateWeiPerSecond", acw::to_decimal(e.flow_rate_wei_per_second)},
          {"priceMicroUsdPerG", acw::to_decimal(e.price_micro_usd_per_g)},
          {"liquidator", optional_text(e.liquidator)},
          {"txHash", e.tx_hash},
          {"logIndex", e.log_index},
          {"blockNumber", e.block_number},
          {"blockTime", block_time(e.block_time_s)}};
}

StreamSummary summarize_streams(const std::vector<StreamRecord>& streams) {
  StreamSummary out;
  for (const StreamRecord& s : streams) {
    if (s.status == "active") {
      if (!out.shown || out.shown->status != "active") out.shown = s;
      out.active_flow_rate_wei_per_second += s.flow_rate_wei_per_second;  // each < 2^96
    }
    if (!out.credited_until_s || s.credited_until_s > *out.credited_until_s) {
      out.credited_until_s = s.credited_until_s;
    }
  }
  if (!out.shown && !streams.empty()) out.shown = streams.front();
  return out;
}

acw::json stream_json(const std::optional<StreamRecord>& s) {
  if (!s) {
    return {{"status", "none"},
            {"flowRateWeiPerSecond", "0"},
            {"startedAt", nullptr},
            {"endedAt", nullptr},
            {"endReason", nullptr},
            {"sender", nullptr}};
  }
  return {{"status", s->status},
          {"flowRateWeiPerSecond", acw::to_decimal(s->flow_rate_wei_per_second)},
          {"startedAt", block_time(s->started_at_s)},
          {"endedAt", optional_block_time(s->ended_at_s)},
          {"endReason", optional_text(s->end_reason)},
          {"sender", s->sender}};
}

acw::json api_key_json(const ApiKeyRecord& k) {
  return {{"id", k.id},
          {"account", k.account},
          {"tokenPrefix", k.token_prefix},
          {"createdAt", iso8601_ms(k.created_at_ms)},
          {"lastUsedAt", optional_time(k.last_used_at_ms)},
          {"revokedAt", optional_time(k.revoked_at_ms)}};
}

acw::json usage_json(const UsageEntry& u) {
  return {{"id", std::to_string(u.id)},
          {"at", iso8601_ms(u.at_ms)},
          {"model", u.model},
          {"requestId", u.request_id},
          {"costUsd", acw::to_decimal(u.cost_usd)},
          {"apiKeyId", u.api_key_id}};
}

acw::json profile_json(const std::string& account, const AccountTotals& t,
                       const StreamSummary& streams) {
  const acw::uint128 total = t.principal_usd + t.bonus_usd;  // checked by Store::totals
  const acw::uint128 remaining = remaining_usd(t);
  return {{"account", account},
          {"totalGdDepositedWei", acw::to_decimal(t.deposited_wei)},
          {"totalPrincipalUsd", acw::to_decimal(t.principal_usd)},
          {"totalBonusUsd", acw::to_decimal(t.bonus_usd)},
          {"totalCreditUsd", acw::to_decimal(total)},
          {"totalGDStreamedWei", acw::to_decimal(t.streamed_wei)},
          {"streamFlowRateWeiPerSecond", acw::to_decimal(streams.active_flow_rate_wei_per_second)},
          {"lastStreamCreditAt", optional_block_time(streams.credited_until_s)},
          {"usedUsd", acw::to_decimal(t.used_usd)},
          {"remainingUsd", acw::to_decimal(remaining)},
          {"remainingCredits", credits_text(remaining)},
          {"stream", stream_json(streams.shown)}};
}

}  // namespace acw::backend
