// Everything the widget knows, as independent facets. The one reported state name is
// derived from these by derive_state_name() (SPEC.md §1 precedence); nothing stores it.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config.h"
#include "money.h"
#include "state_name.h"

namespace acw {

enum class WalletPhase {
  starting,      // before the shim has looked for a wallet
  no_wallet,     // no EIP-1193 provider on the page
  disconnected,  // a wallet exists, no account shared
  connecting,    // eth_requestAccounts / eth_chainId in flight
  connected,     // account and chain known
};

struct WalletFacet {
  WalletPhase phase = WalletPhase::starting;
  std::string account;   // lower-case address while connected
  uint64_t chain_id = 0;
  std::optional<uint128> balance_wei;  // G$ balance; unset while unknown
  bool balance_loading = false;
  bool balance_reread = false;         // asked again while a read was in flight: read once more
  bool switching_chain = false;        // wallet_switch/addEthereumChain in flight
};

enum class View { buy, stream, usage, api_key, history };
enum class PayMode { once, stream };

struct PurchaseFacet {
  PayMode mode = PayMode::once;
  std::string amount_text;          // what the person typed (Buy once)
  std::string monthly_amount_text;  // what the person typed (Stream)
};

enum class PaymentPhase { none, awaiting_wallet, on_chain, crediting, confirmed, failed };

// What the transaction in flight does: a one-time purchase or a change to the stream.
enum class TxKind { one_time, stream_create, stream_update, stream_delete };

struct PaymentFacet {
  PaymentPhase phase = PaymentPhase::none;
  TxKind kind = TxKind::one_time;
  uint128 flow_rate = 0;  // stream changes: the new rate (0 for delete)
  bool pausing = false;   // stream_delete: remember the rate to resume
  std::string account;  // who pays: the hash is kept for this account even if the wallet switches
  uint64_t chain_id = 0;
  std::string tx_hash;
  uint128 amount_wei = 0;
  uint128 credited_micro_usd = 0;
  std::string failure;     // plain-words reason when failed
  int receipt_polls = 0;   // receipt checks so far; past the limit the payment needs "check again"
  bool backend_retrying = false;  // the credit request failed and is being retried
  // While the backend waits for its block to be deep enough (its 202): how deep, of how deep.
  uint64_t confirmations = 0;
  uint64_t required_confirmations = 0;
};

enum class BackendHealth { unknown, ok, unavailable };

struct BackendFacet {
  BackendHealth health = BackendHealth::unknown;
  bool config_loaded = false;     // /config/values answered and matched this widget's setup
  std::string mismatch;           // why the backend's setup disagrees with the widget's: never pay
  std::string host_address;       // Superfluid host (batchCall target)
  std::string vault_address;      // receives payments
  std::string forwarder_address;  // Superfluid CFAv1Forwarder (stream calls)
  std::optional<uint128> price_micro_usd_per_g;  // unset: no backend configured / loaded
  uint32_t deposit_bonus_bps = 0;
  uint32_t stream_bonus_bps = 0;
  uint128 min_first_deposit_micro_usd = 0;
  uint128 min_stream_micro_usd_per_month = 0;
  uint128 min_credit_micro_usd = 0;  // "below the backend's minimum" for insufficient_ai_credits
};

// The chain as the backend's /config/values describes it (kept across account and chain
// changes: it describes the configured chain, not the wallet's). Used where no attribute pins
// a value (chain_settings.h).
struct BackendChain {
  bool loaded = false;
  std::string name, rpc_url, native_symbol, explorer_url;
};

struct CreditsFacet {
  bool known = false;
  uint128 remaining_micro_usd = 0;
  uint128 used_micro_usd = 0;
  // The account's totals from the profile (the History view's totals card).
  uint128 paid_once_wei = 0;           // totalGdDepositedWei
  uint128 bought_micro_usd = 0;        // totalPrincipalUsd
  uint128 bonus_micro_usd = 0;         // totalBonusUsd
};

enum class StreamPhase { none, active, paused, stopped };

struct StreamFacet {
  StreamPhase phase = StreamPhase::none;
  bool editing = false;  // the setup form is open (new stream or "Change rate")
  bool flow_known = false;  // the flow was read from the chain for this account
  uint128 flow_rate_wei_per_second = 0;  // on chain (active) or remembered (paused)
  uint64_t flow_updated_at = 0;          // block time of the last flow change, seconds
  uint128 deposit_wei = 0;               // buffer the protocol locks for the flow
  std::string end_reason;  // "user" | "liquidated" when stopped
  // From the backend's profile.
  std::string backend_status;  // "none" | "active" | "ended"
  uint128 streamed_wei = 0;        // total G$ streamed and credited so far
  uint64_t last_credit_at = 0;     // when the backend last credited the stream (unix s)
  // Setup form: the buffer for the rate being entered, read from the forwarder.
  uint128 setup_rate = 0;
  std::optional<uint128> setup_buffer_wei;
  uint64_t profile_read_at = 0;    // wall clock (s) when streamed_wei was read: the ticker's base
  // Balance known at `balance_read_at` (wall clock, s), to count down while it streams out.
  uint64_t balance_read_at = 0;
};

struct UsageEntry {
  std::string id;
  std::string at;     // ISO-8601 time from the backend
  std::string model;
  uint128 cost_micro_usd = 0;
};

// The usage log, one page at a time from `offset` (newest first).
struct UsageFacet {
  static constexpr uint64_t kPageSize = 8;
  uint64_t count = 0;  // usage entries recorded for the account (the backend's total)
  uint64_t offset = 0;
  std::vector<UsageEntry> recent;  // the page from `offset`, newest first
  bool loading = false;
};

// One entry of the account's credit history (GET …/credit-history), as the backend sends it.
struct HistoryEntry {
  std::string id;
  std::string source;      // deposit | streamUpdate | streamCron
  std::string status;      // pending | funded | failed
  std::string tx_hash;     // "" when the entry has none
  std::string created_at;  // ISO-8601 time from the backend
  uint128 gd_wei = 0;
  uint128 principal_micro_usd = 0;
  uint128 bonus_micro_usd = 0;
};

enum class HistoryKind { all, once, stream };              // the backend's `source` filter
enum class HistoryStatus { all, credited, pending, failed };  // its `fundingStatus` filter
enum class HistoryPeriod { all, days7, days30, days90 };      // its `from`: the last N days
inline int period_days(HistoryPeriod p) {
  return p == HistoryPeriod::days7 ? 7 : p == HistoryPeriod::days30 ? 30 : p == HistoryPeriod::days90 ? 90 : 0;
}

// The History view: one page of entries for the filters, loaded from the backend (never
// filtered here), newest first.
struct HistoryFacet {
  static constexpr uint64_t kPageSize = 10;
  HistoryKind kind = HistoryKind::all;
  HistoryStatus status = HistoryStatus::all;
  HistoryPeriod period = HistoryPeriod::all;
  uint64_t offset = 0;
  uint64_t total = 0;
  std::vector<HistoryEntry> items;
  bool loaded = false;     // items and total are the answer for these filters and offset
  bool loading = false;
  std::string failure;     // why the last load failed ("" when it did not)
  int request_id = 0;      // the load whose answer counts: an older filter's answer is dropped
};

struct ApiKeyMeta {
  std::string id;
  std::string prefix;     // first characters of the key, safe to show
  std::string created_at;
  bool revoked = false;
};

enum class KeyTask { none, creating, revoking, rotating, signing_in };

struct ApiKeyFacet {
  std::vector<ApiKeyMeta> keys;   // metadata only, from the backend
  bool loaded = false;
  KeyTask task = KeyTask::none;
  std::string revoke_id;          // the key being revoked (or replaced by a rotation)
  std::string nonce;              // the sign-in nonce being signed (single use, not secret)
  std::string new_token;          // the full key, shown once in memory, never stored
  // The backend's read session (the usage log and the key list answer only the account):
  // from a sign-in, in memory only, never stored or sent in an event.
  std::string read_session;
  bool sign_in_needed = false;    // those reads wait for a sign-in (none yet, or it expired)
};

// Copy buttons: the one whose text reached the clipboard reads "Copied" for a moment.
struct CopyFeedback {
  std::string asked;   // the button whose copy is in flight
  std::string copied;  // the button that reads "Copied"
  std::string refused; // the button whose copy the browser refused: said beside it
  int timer_id = 0;    // the timer that ends it; an older timer's answer changes nothing
};

enum class NoticeKind { none, info, error };

// One message at a time, so an error is never shown twice.
struct Notice {
  NoticeKind kind = NoticeKind::none;
  std::string text;
};

// What an in-flight effect is for, so its answer can be routed (and dropped when stale).
enum class Purpose {
  read_flow, read_buffer, credit_stream,
  read_accounts, request_accounts, read_chain, read_balance, switch_chain, add_chain,
  load_config, load_chain, load_profile, load_usage, load_keys,
  send_payment, poll_receipt, receipt_timer, record_payment, record_timer,
  key_nonce, key_sign, key_create, key_revoke, key_session,
  copy_text, copied_timer,
  load_history,
};

struct InFlight {
  Purpose purpose;
  uint64_t epoch;  // State::epoch when sent; an answer from an older epoch is stale
};

struct State {
  Config config;
  std::string config_error;
  WalletFacet wallet;
  View view = View::buy;
  PurchaseFacet purchase;
  PaymentFacet payment;
  BackendFacet backend;
  BackendChain backend_chain;
  CreditsFacet credits;
  StreamFacet stream;
  UsageFacet usage;
  ApiKeyFacet api_key;
  CopyFeedback copy;
  HistoryFacet history;
  Notice notice;
  // Saved payments with a hash, by "<account>.<chainId>" (from localStorage at start): resumed
  // when that account connects, forgotten only once credited or clearly failed.
  std::map<std::string, std::string> stored_pending;
  // Payments waiting for the wallet's answer when the account or chain changed, by effect id:
  // if a hash comes back it is still stored for the account that signed.
  std::map<int, PaymentFacet> detached_sends;
  // Paused streams' rates by "<account>.<chainId>" (localStorage), for "Resume".
  std::map<std::string, std::string> stored_paused;

  uint64_t now_s = 0;  // wall clock from tick events (seconds), for the stream ticker
  int utc_offset_min = 0;  // the page's local time minus UTC (start event): times shown local
  uint64_t epoch = 0;  // bumped on every account or chain change
  int next_effect_id = 1;
  std::map<int, InFlight> in_flight;
  std::optional<StateName> last_reported;  // for state-change events
};

}  // namespace acw
