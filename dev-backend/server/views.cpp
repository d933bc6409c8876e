#include "server/views.h"

#include "ledger.h"
#include "store/store.h"
#include "util/time.h"

namespace acw::backend {
namespace {

acw::json optional_time(const std::optional<int64_t>& ms) {
  return ms ? acw::json(iso8601_ms(*ms)) : acw::json(nullptr);
}

}  // namespace

acw::json credit_json(const CreditEntry& e) {
  return {{"id", e.id},
          {"account", e.account},
          {"payer", e.payer},
          {"source", e.source},
          {"gdAmountWei", acw::to_decimal(e.gd_amount_wei)},
          {"priceMicroUsdPerG", acw::to_decimal(e.price_micro_usd_per_g)},
          {"principalUsd", acw::to_decimal(e.principal_usd)},
          {"bonusUsd", acw::to_decimal(e.bonus_usd)},
          {"totalCreditUsd", acw::to_decimal(e.total_credit_usd)},
          {"fundingStatus", e.funding_status},
          {"txHash", e.tx_hash},
          {"logIndex", e.log_index},
          {"blockNumber", e.block_number},
          {"createdAt", iso8601_ms(e.created_at_ms)}};
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

acw::json profile_json(const std::string& account, const AccountTotals& t) {
  const acw::uint128 total = t.principal_usd + t.bonus_usd;  // checked by Store::totals
  const acw::uint128 remaining = remaining_usd(t);
  return {{"account", account},
          {"totalGdDepositedWei", acw::to_decimal(t.deposited_wei)},
          {"totalPrincipalUsd", acw::to_decimal(t.principal_usd)},
          {"totalBonusUsd", acw::to_decimal(t.bonus_usd)},
          {"totalCreditUsd", acw::to_decimal(total)},
          {"totalGDStreamedWei", "0"},
          {"streamFlowRateWeiPerSecond", "0"},
          {"lastStreamCreditAt", nullptr},
          {"usedUsd", acw::to_decimal(t.used_usd)},
          {"remainingUsd", acw::to_decimal(remaining)},
          {"remainingCredits", credits_text(remaining)},
          {"stream", {{"status", "none"}}}};
}

}  // namespace acw::backend
