// From chain logs to stored credits, exactly once per log (id = txHash:logIndex). Shared by
// POST /v1/celo/events/record and the background log scanner, so both may see the same log.
#pragma once
#include <string>
#include <vector>

#include "chain/vault_abi.h"
#include "store/store.h"

namespace acw::backend {

struct ExtractedDeposits {
  std::vector<Deposit> deposits;
  std::vector<std::string> errors;  // the vault's Deposited logs that did not decode
};

// `logs`: a receipt's `logs` or an eth_getLogs result. Logs of other contracts and other
// events are skipped.
ExtractedDeposits extract_deposits(const acw::json& logs, const std::string& vault);

struct CreditResult {
  std::vector<InsertedCredit> credits;  // one per deposit, in order, new or already stored
  std::vector<std::string> errors;      // deposits that could not be priced
  bool store_failed = false;
};

CreditResult credit_deposits(Store& store, const std::vector<Deposit>& deposits,
                             uint32_t deposit_bonus_bps, int64_t now_ms);

}  // namespace acw::backend
