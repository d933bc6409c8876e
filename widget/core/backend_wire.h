// The credits backend's JSON answers (SPEC.md §4), parsed strictly into plain structs.
// Amounts are decimal strings (micro-USD for fields ending in Usd, wei for *Wei).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "state.h"
#include "wire.h"

namespace acw {

struct ConfigValues {
  uint64_t chain_id = 0;
  uint128 price_micro_usd_per_g = 0;
  uint32_t deposit_bonus_bps = 0;
  uint32_t stream_bonus_bps = 0;
  uint128 min_first_deposit_micro_usd = 0;
  uint128 min_stream_micro_usd_per_month = 0;
  std::string token, vault, host, forwarder;  // lower-case addresses ("" when absent)
  // How to name and add the chain ("" when absent): chainName, rpcUrl, nativeSymbol, explorerUrl.
  std::string chain_name, rpc_url, native_symbol, explorer_url;
};

struct Profile {
  uint128 remaining_micro_usd = 0;
  uint128 used_micro_usd = 0;
  uint128 streamed_wei = 0;          // totalGDStreamedWei
  uint128 paid_once_wei = 0;         // totalGdDepositedWei
  uint128 principal_micro_usd = 0;   // totalPrincipalUsd
  uint128 bonus_micro_usd = 0;       // totalBonusUsd
  std::string stream_status = "none";  // stream.status: none | active | ended
  std::string stream_end_reason;       // stream.endReason: user | liquidated
};

struct UsagePage {
  std::vector<UsageEntry> items;
  uint64_t total = 0;
};

struct HistoryPage {
  std::vector<HistoryEntry> items;
  uint64_t total = 0;
};

struct NonceAnswer {
  std::string message;  // the EIP-4361 text to sign
  std::string nonce;
};

struct CreatedKey {
  std::string token;  // the whole key, shown once
  ApiKeyMeta meta;
  std::string read_session;  // readSession.token ("" when the backend sent none)
};

Parsed<ConfigValues> parse_config_values(const json& body);
Parsed<Profile> parse_profile(const json& body);
// POST /v1/celo/events/record: the credit (principal + bonus, micro-USD) of this tx's events.
Parsed<uint128> parse_record_credit(const json& body);
Parsed<UsagePage> parse_usage_page(const json& body);
// GET …/credit-history: entries with a known source and status, amounts as decimal strings.
Parsed<HistoryPage> parse_history_page(const json& body);
Parsed<std::vector<ApiKeyMeta>> parse_api_keys(const json& body);
Parsed<NonceAnswer> parse_nonce(const json& body);
Parsed<CreatedKey> parse_created_key(const json& body);
// {readSession: {token: "gd_read_…", …}} (POST /v1/auth/session): the token.
Parsed<std::string> parse_read_session(const json& body);

// The backend's error text from an error body ({"error":"…"} or {"error":{…}}), cut short.
std::string backend_error_text(const json& body);

}  // namespace acw
