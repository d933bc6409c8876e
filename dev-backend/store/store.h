// The backend's persistent state in one SQLite file (WAL mode): credits, sign-in nonces,
// API keys (hashes only), usage, and the log scanner's position. Thread-safe: every call
// takes the store's lock. Failures of SQLite itself come back as nullopt / false.
#pragma once
#include <mutex>
#include <optional>
#include <string>

#include "store/db.h"
#include "store/records.h"

namespace acw::backend {

struct InsertedCredit {
  CreditEntry entry;  // the stored row (the earlier one when it existed already)
  bool inserted = false;
};

enum class UsageStatus { recorded, duplicate, conflict, insufficient };
struct UsageOutcome {
  UsageStatus status = UsageStatus::recorded;
  UsageEntry entry;                 // recorded/duplicate/conflict: the stored row
  acw::uint128 remaining_usd = 0;  // after this call
};

class Store {
 public:
  // Opens the file and creates the schema when missing.
  bool open(const std::string& path, std::string& error);

  // Credits: exactly once per id. A second insert of the same id returns the stored entry.
  std::optional<InsertedCredit> insert_credit(const CreditEntry& entry);
  std::optional<CreditEntry> find_credit(const std::string& id);
  std::optional<AccountTotals> totals(const std::string& account);
  std::optional<Page<CreditEntry>> credit_history(const HistoryQuery& query);

  // Key/value facts, e.g. the scanner's next block.
  std::optional<std::string> meta(const std::string& key);
  bool set_meta(const std::string& key, const std::string& value);

  // Sign-in nonces.
  bool insert_nonce(const NonceRecord& record);
  std::optional<NonceRecord> find_nonce(const std::string& nonce);
  // Marks the nonce used; false when it was used already (or does not exist).
  bool consume_nonce(const std::string& nonce, int64_t now_ms);

  // API keys.
  bool insert_api_key(const ApiKeyRecord& record);
  std::optional<ApiKeyRecord> find_api_key(const std::string& id);
  std::optional<ApiKeyRecord> find_api_key_by_hash(const std::string& token_sha256);
  std::optional<std::vector<ApiKeyRecord>> list_api_keys(const std::string& account);
  // Sets revokedAt when not set yet; returns the row (nullopt when unknown or on error).
  std::optional<ApiKeyRecord> revoke_api_key(const std::string& id, int64_t now_ms);
  bool touch_api_key(const std::string& id, int64_t now_ms);

  // Usage: spends credits atomically. requestId is unique per account: a repeat with the
  // same model and cost is `duplicate` (nothing spent again), with other values `conflict`.
  std::optional<UsageOutcome> record_usage(const UsageEntry& entry);
  std::optional<Page<UsageEntry>> usage(const std::string& account, int64_t limit,
                                        int64_t offset);

 private:
  std::optional<AccountTotals> totals_locked(const std::string& account);
  std::optional<CreditEntry> find_credit_locked(const std::string& id);
  std::optional<ApiKeyRecord> find_api_key_locked(const char* where, const std::string& value);
  std::optional<UsageEntry> find_usage_locked(const std::string& account,
                                              const std::string& request_id);

  std::mutex mutex_;
  Db db_;
};

// (total credited) - (used), floored at zero.
acw::uint128 remaining_usd(const AccountTotals& totals);

}  // namespace acw::backend
