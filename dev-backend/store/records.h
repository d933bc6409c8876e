// Rows of the backend's tables, as the rest of the backend sees them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"

namespace acw::backend {

struct CreditEntry {
  std::string id;              // "<txHash>:<logIndex>", unique
  std::string account;         // lower-case, credited
  std::string payer;           // lower-case, paid
  std::string source = "deposit";         // deposit | streamUpdate | streamCron
  std::string funding_status = "funded";  // pending | funded | failed
  acw::uint128 gd_amount_wei = 0;
  acw::uint128 price_micro_usd_per_g = 0;
  acw::uint128 principal_usd = 0;  // micro-USD
  acw::uint128 bonus_usd = 0;      // micro-USD
  acw::uint128 total_credit_usd = 0;
  std::string tx_hash;
  int64_t log_index = 0;
  int64_t block_number = 0;
  int64_t created_at_ms = 0;
  // Stream credits only: the block-time interval [from, to) they pay for (Unix seconds).
  std::optional<int64_t> period_from_s;
  std::optional<int64_t> period_to_s;
};

// Sums over an account's funded credits and its usage (micro-USD, wei).
struct AccountTotals {
  acw::uint128 deposited_wei = 0;  // source deposit
  acw::uint128 streamed_wei = 0;   // sources streamUpdate and streamCron
  acw::uint128 principal_usd = 0;
  acw::uint128 bonus_usd = 0;
  acw::uint128 used_usd = 0;
};

// One stream: a CFA flow from `sender` to the vault crediting `account`, from its creation to
// its end. A sender has at most one active stream (one flow to the vault); a new flow after
// an end is a new stream. Times are block timestamps (Unix seconds).
struct StreamRecord {
  int64_t id = 0;
  std::string sender;   // lower-case
  std::string account;  // lower-case
  std::string status = "active";  // active | ended
  acw::uint128 flow_rate_wei_per_second = 0;  // the last rate (kept after the end)
  acw::uint128 price_micro_usd_per_g = 0;     // of the last StreamUpdated event
  int64_t started_at_s = 0;
  std::optional<int64_t> ended_at_s;
  std::optional<std::string> end_reason;  // user | liquidated
  int64_t credited_until_s = 0;           // credits cover [started_at, credited_until)
  acw::uint128 streamed_wei = 0;          // credited so far
  // The running sums at the current price (reset when an update changes the price): each
  // credit's principal and bonus are the growth of floor(sum) so no fraction is lost between
  // credits.
  acw::uint128 segment_wei = 0;
  acw::uint128 segment_principal_usd = 0;
  acw::uint128 segment_bonus_usd = 0;
  std::string start_event_id;
  std::optional<std::string> end_event_id;
};

// A StreamUpdated event of the vault, applied once (id = txHash:logIndex).
struct StreamEventRecord {
  std::string id;
  std::string tx_hash;
  int64_t log_index = 0;
  int64_t block_number = 0;
  int64_t block_time_s = 0;
  std::string account;
  std::string sender;
  acw::uint128 flow_rate_wei_per_second = 0;  // 0 = the flow ended
  acw::uint128 price_micro_usd_per_g = 0;
  std::optional<std::string> liquidator;  // set when the flow was liquidated
  // Decided when applied: created | updated | moved (now credits another account) |
  // deleted | liquidated | ignored (an end of a flow the backend never saw start).
  std::string kind;
  int64_t stream_id = 0;  // the stream it changed (created: the new one); 0 when ignored
  int64_t recorded_at_ms = 0;
};

struct NonceRecord {
  std::string nonce;
  std::string account;  // lower-case
  uint64_t chain_id = 0;
  std::string message;  // the exact EIP-4361 text to be signed
  std::string origin;   // the site it was issued for ("https://a.example"), its message's URI
  int64_t issued_at_ms = 0;
  int64_t expires_at_ms = 0;
  std::optional<int64_t> used_at_ms;
};

struct ApiKeyRecord {
  std::string id;            // "key_" + 16 hex digits
  std::string account;       // lower-case
  std::string token_sha256;  // hex digest of the whole token; the token itself is never stored
  std::string token_prefix;  // first 12 characters, for display
  int64_t created_at_ms = 0;
  std::optional<int64_t> last_used_at_ms;
  std::optional<int64_t> revoked_at_ms;
};

struct ReadSessionRecord {
  std::string token_sha256;  // hex digest of the token; the token itself is never stored
  std::string account;       // lower-case
  int64_t created_at_ms = 0;
  int64_t expires_at_ms = 0;
};

struct UsageEntry {
  int64_t id = 0;
  std::string account;
  std::string api_key_id;
  std::string request_id;
  std::string model;
  acw::uint128 cost_usd = 0;  // micro-USD
  int64_t at_ms = 0;
};

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
};

struct HistoryQuery {
  std::string account;
  int64_t limit = 20;
  int64_t offset = 0;
  std::optional<std::string> source;
  std::optional<std::string> funding_status;
  std::optional<int64_t> from_ms;  // inclusive
  std::optional<int64_t> to_ms;    // inclusive
};

}  // namespace acw::backend
