#include "crediting.h"

#include "ledger.h"
#include "util/log.h"

namespace acw::backend {

ExtractedDeposits extract_deposits(const acw::json& logs, const std::string& vault) {
  ExtractedDeposits out;
  if (!logs.is_array()) {
    out.errors.push_back("logs is not an array");
    return out;
  }
  for (const acw::json& log : logs) {
    DecodedLog decoded = decode_deposited_log(log, vault);
    if (decoded.kind == LogKind::deposit) out.deposits.push_back(std::move(decoded.deposit));
    if (decoded.kind == LogKind::malformed) out.errors.push_back(std::move(decoded.error));
  }
  return out;
}

CreditResult credit_deposits(Store& store, const std::vector<Deposit>& deposits,
                             uint32_t deposit_bonus_bps, int64_t now_ms) {
  CreditResult out;
  for (const Deposit& deposit : deposits) {
    auto entry = credit_for_deposit(deposit, deposit_bonus_bps, now_ms);
    if (!entry.ok()) {
      out.errors.push_back(entry.error);
      continue;
    }
    auto stored = store.insert_credit(*entry.value);
    if (!stored) {
      out.store_failed = true;
      return out;
    }
    if (stored->inserted) {
      log_info("credited " + stored->entry.id + " to " + stored->entry.account + ": " +
               acw::to_decimal(stored->entry.total_credit_usd) + " micro-USD");
    }
    out.credits.push_back(std::move(*stored));
  }
  return out;
}

}  // namespace acw::backend
