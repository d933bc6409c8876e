// The backend's persistent state in one SQLite file (WAL mode): credits, sign-in nonces,
// API keys (hashes only), usage, and the log scanner's position. Thread-safe: every call
// takes the store's lock, except the pages that a browser polls (the usage log, the key
// list), which read on a second, read-only connection under a lock of their own, so they
// never wait for a write (WAL readers see the last commit). Failures of SQLite itself come
// back as nullopt / false.
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"
#include "store/records.h"

namespace acw::backend {

struct InsertedCredit {
  CreditEntry entry;  // the stored row (the earlier one when it existed already)
  bool inserted = false;
};

struct AppliedStreamEvent {
  StreamEventRecord event;              // as stored (the earlier row when applied before)
  bool applied = false;                 // false: this id was applied already
  std::optional<InsertedCredit> credit;  // the streamUpdate credit it closed, if any
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

  // Streams. Applying an event first closes the old rate's interval at the event's block
  // time (a streamUpdate credit, id = the event's id), then changes the stream; all in one
  // transaction, once per event id. Events must come in chain order.
  std::optional<AppliedStreamEvent> apply_stream_event(const StreamEventRecord& event,
                                                       uint32_t stream_bonus_bps, int64_t now_ms);
  // Credits every active stream (of `account`, or all) for [credited_until, until_s) when
  // that is at least min_elapsed_s long: one transaction per stream, so concurrent callers
  // never credit the same seconds twice. Returns the new credits (source streamCron).
  std::optional<std::vector<InsertedCredit>> credit_streams(
      const std::optional<std::string>& account, int64_t until_s, int64_t block_number,
      int64_t min_elapsed_s, uint32_t stream_bonus_bps, int64_t now_ms);
  std::optional<std::vector<StreamRecord>> streams_of(const std::string& account);  // newest first
  std::optional<std::vector<StreamEventRecord>> stream_events_of_tx(const std::string& tx_hash);

  // Key/value facts, e.g. the scanner's next block.
  std::optional<std::string> meta(const std::string& key);
  bool set_meta(const std::string& key, const std::string& value);

  // Sign-in nonces.
  bool insert_nonce(const NonceRecord& record);
  std::optional<NonceRecord> find_nonce(const std::string& nonce);
  // Marks the nonce used; false when it was used already (or does not exist).
  bool consume_nonce(const std::string& nonce, int64_t now_ms);

  // API keys. list_api_keys reads on the read connection.
  bool insert_api_key(const ApiKeyRecord& record);
  std::optional<ApiKeyRecord> find_api_key(const std::string& id);
  std::optional<ApiKeyRecord> find_api_key_by_hash(const std::string& token_sha256);
  std::optional<std::vector<ApiKeyRecord>> list_api_keys(const std::string& account);
  // Sets revokedAt when not set yet; returns the row (nullopt when unknown or on error).
  std::optional<ApiKeyRecord> revoke_api_key(const std::string& id, int64_t now_ms);
  bool touch_api_key(const std::string& id, int64_t now_ms);

  // Read sessions (store/read_sessions.cpp). Inserting one removes the long expired.
  bool insert_read_session(const ReadSessionRecord& record);
  std::optional<ReadSessionRecord> find_read_session(const std::string& token_sha256);

  // Usage: spends credits atomically. requestId is unique per account: a repeat with the
  // same model and cost is `duplicate` (nothing spent again), with other values `conflict`.
  // usage() reads a page on the read connection: rows by the index (account, at_ms), the
  // total from usage_totals (kept with every spend) rather than COUNT(*) over the rows.
  std::optional<UsageOutcome> record_usage(const UsageEntry& entry);
  std::optional<Page<UsageEntry>> usage(const std::string& account, int64_t limit,
                                        int64_t offset);

 private:
  bool migrate_locked(std::string& error);
  // usage_totals from the usage rows (at every open: it is derived data).
  bool rebuild_usage_totals_locked(std::string& error);
  std::optional<AccountTotals> totals_locked(const std::string& account);
  std::optional<CreditEntry> find_credit_locked(const std::string& id);
  std::optional<InsertedCredit> insert_credit_locked(const CreditEntry& entry);
  std::optional<StreamRecord> find_active_stream_locked(const std::string& sender);
  std::optional<StreamRecord> find_stream_locked(int64_t id);
  // Credits [credited_until, until_s) of `stream` as `shape` (id, source, tx fields) and
  // advances it in memory; the caller saves it. False on a store failure or overflow.
  bool credit_stream_locked(StreamRecord& stream, int64_t until_s, const CreditEntry& shape,
                            uint32_t stream_bonus_bps, std::optional<InsertedCredit>& out);
  bool save_stream_locked(const StreamRecord& stream);
  std::optional<int64_t> insert_stream_locked(const StreamRecord& stream);
  std::optional<ApiKeyRecord> find_api_key_locked(const char* where, const std::string& value);
  std::optional<UsageEntry> find_usage_locked(const std::string& account,
                                              const std::string& request_id);

  // Runs `read(Db&)` on the read connection under its lock, or (":memory:", which a second
  // connection cannot share) on the writer's.
  template <class Read>
  auto read(Read read) {
    if (!has_reader_) {
      std::lock_guard<std::mutex> lock(mutex_);
      return read(db_);
    }
    std::lock_guard<std::mutex> lock(read_mutex_);
    return read(read_db_);
  }

  std::mutex mutex_;  // the writer connection's
  Db db_;
  std::mutex read_mutex_;
  Db read_db_;
  bool has_reader_ = false;
};

// (total credited) - (used), floored at zero.
acw::uint128 remaining_usd(const AccountTotals& totals);

}  // namespace acw::backend
