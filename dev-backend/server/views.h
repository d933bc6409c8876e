// JSON shapes of SPEC.md §4 responses. Amounts are decimal strings; times ISO 8601 UTC.
#pragma once
#include <string>

#include "core/wire.h"
#include "store/records.h"

namespace acw::backend {

acw::json credit_json(const CreditEntry& entry);
acw::json api_key_json(const ApiKeyRecord& key);  // metadata only, never the token
acw::json usage_json(const UsageEntry& entry);
acw::json profile_json(const std::string& account, const AccountTotals& totals);

}  // namespace acw::backend
