#include "fixture.h"

#include "backend_wire.h"
#include "quote.h"

#include <array>
#include <utility>

namespace acw {

namespace {

template <typename E, size_t N>
using Names = std::array<std::pair<E, const char*>, N>;

const Names<WalletPhase, 5> kWalletPhases{{{WalletPhase::starting, "starting"},
                                           {WalletPhase::no_wallet, "no_wallet"},
                                           {WalletPhase::disconnected, "disconnected"},
                                           {WalletPhase::connecting, "connecting"},
                                           {WalletPhase::connected, "connected"}}};
const Names<View, 5> kViews{{{View::buy, "buy"}, {View::stream, "stream"}, {View::usage, "usage"},
                             {View::api_key, "api_key"}, {View::history, "history"}}};
const Names<PayMode, 2> kModes{{{PayMode::once, "once"}, {PayMode::stream, "stream"}}};
const Names<PaymentPhase, 6> kPaymentPhases{{{PaymentPhase::none, "none"},
                                             {PaymentPhase::awaiting_wallet, "awaiting_wallet"},
                                             {PaymentPhase::on_chain, "on_chain"},
                                             {PaymentPhase::crediting, "crediting"},
                                             {PaymentPhase::confirmed, "confirmed"},
                                             {PaymentPhase::failed, "failed"}}};
const Names<BackendHealth, 3> kHealth{{{BackendHealth::unknown, "unknown"},
                                       {BackendHealth::ok, "ok"},
                                       {BackendHealth::unavailable, "unavailable"}}};
const Names<StreamPhase, 4> kStreamPhases{{{StreamPhase::none, "none"},
                                           {StreamPhase::active, "active"},
                                           {StreamPhase::paused, "paused"},
                                           {StreamPhase::stopped, "stopped"}}};
const Names<HistoryKind, 3> kHistoryKinds{
    {{HistoryKind::all, "all"}, {HistoryKind::once, "once"}, {HistoryKind::stream, "stream"}}};
const Names<HistoryStatus, 4> kHistoryStatuses{{{HistoryStatus::all, "all"},
                                                {HistoryStatus::credited, "credited"},
                                                {HistoryStatus::pending, "pending"},
                                                {HistoryStatus::failed, "failed"}}};
const Names<HistoryPeriod, 4> kHistoryPeriods{{{HistoryPeriod::all, "all"},
                                               {HistoryPeriod::days7, "7"},
                                               {HistoryPeriod::days30, "30"},
                                               {HistoryPeriod::days90, "90"}}};
const Names<NoticeKind, 3> kNoticeKinds{{{NoticeKind::none, "none"},
                                         {NoticeKind::info, "info"},
                                         {NoticeKind::error, "error"}}};

template <typename E, size_t N>
const char* name_of(const Names<E, N>& names, E value) {
  for (const auto& [v, n] : names) {
    if (v == value) return n;
  }
  return names[0].second;
}

// Reads fields of one JSON object into a facet; remembers the first error with its path.
class Reader {
 public:
  Reader(const json& obj, std::string path, std::string& error)
      : obj_(obj), path_(std::move(path)), error_(error) {
    if (!obj_.is_object()) fail("", "must be an object");
  }

  template <typename E, size_t N>
  void name(const char* key, const Names<E, N>& names, E& out) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_string()) return fail(key, "must be a string");
    for (const auto& [value, n] : names) {
      if (*v == n) {
        out = value;
        return;
      }
    }
    fail(key, "has an unknown value");
  }
  void string(const char* key, std::string& out, size_t max_len = 2000) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_string()) return fail(key, "must be a string");
    if (v->get_ref<const std::string&>().size() > max_len) return fail(key, "is too long");
    out = v->get<std::string>();
  }
  void boolean(const char* key, bool& out) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_boolean()) return fail(key, "must be true or false");
    out = v->get<bool>();
  }
  void amount(const char* key, uint128& out) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_string()) return fail(key, "must be a decimal string");
    auto parsed = parse_decimal(v->get_ref<const std::string&>());
    if (!parsed) return fail(key, "is not a decimal amount");
    out = *parsed;
  }
  void amount(const char* key, std::optional<uint128>& out) {
    uint128 value = 0;
    if (!get(key)) return;
    amount(key, value);
    if (error_.empty()) out = value;
  }
  void count(const char* key, uint64_t& out, uint64_t max) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_number_unsigned() || v->get<uint64_t>() > max) return fail(key, "must be a small whole number");
    out = v->get<uint64_t>();
  }
  void bps(const char* key, uint32_t& out) {
    uint64_t value = out;
    count(key, value, 10'000);
    out = static_cast<uint32_t>(value);
  }
  void address(const char* key, std::string& out) {
    const json* v = get(key);
    if (!v || (v->is_string() && v->get_ref<const std::string&>().empty())) return;
    auto a = parse_address(*v);
    if (!a.ok()) return fail(key, a.error);
    out = *a.value;
  }
  void chain(const char* key, uint64_t& out) {
    const json* v = get(key);
    if (!v) return;
    auto c = parse_chain_id_any(*v);
    if (!c.ok()) return fail(key, c.error);
    out = *c.value;
  }

 private:
  const json* get(const char* key) {
    if (!error_.empty() || !obj_.is_object() || !obj_.contains(key)) return nullptr;
    return &obj_.at(key);
  }
  void fail(const char* key, const std::string& why) {
    if (error_.empty()) error_ = path_ + (*key ? std::string(".") + key : "") + " " + why;
  }
  const json& obj_;
  std::string path_;
  std::string& error_;
};

const json& member(const json& obj, const char* key) {
  static const json kEmpty = json::object();
  return obj.contains(key) ? obj.at(key) : kEmpty;
}

}  // namespace

Parsed<State> state_from_json(const json& j) {
  if (!j.is_object()) return Parsed<State>::fail("fixture must be a JSON object");
  State s;
  std::string err;
  if (j.contains("config")) {
    auto c = parse_config(j.at("config"));
    if (!c.ok()) return Parsed<State>::fail("config: " + c.error);
    s.config = *c.value;
  }
  {
    Reader r(member(j, "wallet"), "wallet", err);
    r.name("phase", kWalletPhases, s.wallet.phase);
    r.address("account", s.wallet.account);
    r.chain("chainId", s.wallet.chain_id);
    r.amount("balanceWei", s.wallet.balance_wei);
    r.boolean("balanceLoading", s.wallet.balance_loading);
    r.boolean("switchingChain", s.wallet.switching_chain);
  }
  if (j.contains("view")) Reader(j, "", err).name("view", kViews, s.view);
  {
    Reader r(member(j, "purchase"), "purchase", err);
    r.name("mode", kModes, s.purchase.mode);
    r.string("amountText", s.purchase.amount_text, 256);
    r.string("monthlyAmountText", s.purchase.monthly_amount_text, 256);
  }
  {
    Reader r(member(j, "payment"), "payment", err);
    r.name("phase", kPaymentPhases, s.payment.phase);
    r.string("txHash", s.payment.tx_hash, 66);
    r.amount("amountWei", s.payment.amount_wei);
    r.amount("creditedUsd", s.payment.credited_micro_usd);
    r.string("failure", s.payment.failure);
    r.boolean("backendRetrying", s.payment.backend_retrying);
  }
  {
    Reader r(member(j, "backend"), "backend", err);
    r.name("health", kHealth, s.backend.health);
    r.amount("priceMicroUsdPerG", s.backend.price_micro_usd_per_g);
    r.bps("depositBonusBps", s.backend.deposit_bonus_bps);
    r.bps("streamBonusBps", s.backend.stream_bonus_bps);
    r.amount("minFirstDepositUsd", s.backend.min_first_deposit_micro_usd);
    r.amount("minStreamUsdPerMonth", s.backend.min_stream_micro_usd_per_month);
    r.amount("minCreditUsd", s.backend.min_credit_micro_usd);
    r.boolean("configLoaded", s.backend.config_loaded);
    r.address("hostAddress", s.backend.host_address);
    r.address("vaultAddress", s.backend.vault_address);
    r.address("forwarderAddress", s.backend.forwarder_address);
  }
  {
    Reader r(member(j, "credits"), "credits", err);
    r.boolean("known", s.credits.known);
    r.amount("remainingUsd", s.credits.remaining_micro_usd);
    r.amount("usedUsd", s.credits.used_micro_usd);
    r.amount("paidOnceWei", s.credits.paid_once_wei);
    r.amount("boughtUsd", s.credits.bought_micro_usd);
    r.amount("bonusUsd", s.credits.bonus_micro_usd);
  }
  {
    Reader r(member(j, "stream"), "stream", err);
    r.name("phase", kStreamPhases, s.stream.phase);
    r.boolean("editing", s.stream.editing);
    r.amount("flowRateWeiPerSecond", s.stream.flow_rate_wei_per_second);
    r.string("endReason", s.stream.end_reason, 32);
    r.amount("streamedWei", s.stream.streamed_wei);
    r.amount("setupBufferWei", s.stream.setup_buffer_wei);
  }
  {
    Reader r(member(j, "usage"), "usage", err);
    r.count("count", s.usage.count, 1'000'000'000);
    r.count("offset", s.usage.offset, 1'000'000'000);
  }
  if (err.empty() && j.contains("usage") && j.at("usage").is_object() && j.at("usage").contains("recent")) {
    auto page = parse_usage_page(json{{"items", j.at("usage").at("recent")}, {"total", s.usage.count}});
    if (!page.ok()) return Parsed<State>::fail("usage.recent: " + page.error);
    s.usage.recent = std::move(page.value->items);
  }
  if (err.empty() && j.contains("apiKeys")) {
    auto keys = parse_api_keys(json{{"items", j.at("apiKeys")}});
    if (!keys.ok()) return Parsed<State>::fail("apiKeys: " + keys.error);
    s.api_key.keys = std::move(*keys.value);
    s.api_key.loaded = true;
  }
  {
    Reader r(member(j, "history"), "history", err);
    r.name("kind", kHistoryKinds, s.history.kind);
    r.name("status", kHistoryStatuses, s.history.status);
    r.name("period", kHistoryPeriods, s.history.period);
    r.count("offset", s.history.offset, 1'000'000'000);
    r.count("total", s.history.total, 1'000'000'000);
    r.boolean("loaded", s.history.loaded);
    r.boolean("loading", s.history.loading);
    r.string("failure", s.history.failure);
  }
  if (err.empty() && j.contains("history") && j.at("history").is_object() && j.at("history").contains("items")) {
    auto page = parse_history_page(json{{"items", j.at("history").at("items")}, {"total", s.history.total}});
    if (!page.ok()) return Parsed<State>::fail("history.items: " + page.error);
    s.history.items = std::move(page.value->items);
  }
  {
    Reader r(member(j, "notice"), "notice", err);
    r.name("kind", kNoticeKinds, s.notice.kind);
    r.string("text", s.notice.text);
  }
  if (!err.empty()) return Parsed<State>::fail(err);
  // A setup buffer in a fixture belongs to the rate of the monthly amount it shows.
  if (s.stream.setup_buffer_wei) s.stream.setup_rate = stream_check(s).rate;
  return Parsed<State>::good(std::move(s));
}

json state_to_json(const State& s) {
  json wallet = {{"phase", name_of(kWalletPhases, s.wallet.phase)},
                 {"account", s.wallet.account},
                 {"balanceLoading", s.wallet.balance_loading},
                 {"switchingChain", s.wallet.switching_chain}};
  if (s.wallet.chain_id) wallet["chainId"] = chain_id_hex(s.wallet.chain_id);
  if (s.wallet.balance_wei) wallet["balanceWei"] = to_decimal(*s.wallet.balance_wei);
  json backend = {{"health", name_of(kHealth, s.backend.health)},
                  {"depositBonusBps", s.backend.deposit_bonus_bps},
                  {"streamBonusBps", s.backend.stream_bonus_bps},
                  {"minFirstDepositUsd", to_decimal(s.backend.min_first_deposit_micro_usd)},
                  {"minStreamUsdPerMonth", to_decimal(s.backend.min_stream_micro_usd_per_month)},
                  {"minCreditUsd", to_decimal(s.backend.min_credit_micro_usd)}};
  if (s.backend.price_micro_usd_per_g) backend["priceMicroUsdPerG"] = to_decimal(*s.backend.price_micro_usd_per_g);
  backend["configLoaded"] = s.backend.config_loaded;
  backend["hostAddress"] = s.backend.host_address;
  backend["vaultAddress"] = s.backend.vault_address;
  backend["forwarderAddress"] = s.backend.forwarder_address;
  json stream = {{"phase", name_of(kStreamPhases, s.stream.phase)},
                 {"editing", s.stream.editing},
                 {"flowRateWeiPerSecond", to_decimal(s.stream.flow_rate_wei_per_second)},
                 {"endReason", s.stream.end_reason},
                 {"streamedWei", to_decimal(s.stream.streamed_wei)}};
  if (s.stream.setup_buffer_wei) stream["setupBufferWei"] = to_decimal(*s.stream.setup_buffer_wei);
  json recent = json::array();
  for (const auto& u : s.usage.recent) {
    recent.push_back({{"id", u.id}, {"at", u.at}, {"model", u.model}, {"costUsd", to_decimal(u.cost_micro_usd)}});
  }
  json history_items = json::array();
  for (const HistoryEntry& h : s.history.items) {
    history_items.push_back({{"id", h.id}, {"source", h.source}, {"fundingStatus", h.status},
                             {"txHash", h.tx_hash.empty() ? json(nullptr) : json(h.tx_hash)},
                             {"createdAt", h.created_at}, {"gdAmountWei", to_decimal(h.gd_wei)},
                             {"principalUsd", to_decimal(h.principal_micro_usd)},
                             {"bonusUsd", to_decimal(h.bonus_micro_usd)}});
  }
  json keys = json::array();
  for (const auto& k : s.api_key.keys) {
    keys.push_back({{"id", k.id}, {"tokenPrefix", k.prefix}, {"createdAt", k.created_at},
                    {"revokedAt", k.revoked ? json("revoked") : json(nullptr)}});
  }
  json out = {
      {"wallet", wallet},
      {"view", name_of(kViews, s.view)},
      {"purchase", {{"mode", name_of(kModes, s.purchase.mode)},
                    {"amountText", s.purchase.amount_text},
                    {"monthlyAmountText", s.purchase.monthly_amount_text}}},
      {"payment", {{"phase", name_of(kPaymentPhases, s.payment.phase)},
                   {"txHash", s.payment.tx_hash},
                   {"amountWei", to_decimal(s.payment.amount_wei)},
                   {"creditedUsd", to_decimal(s.payment.credited_micro_usd)},
                   {"failure", s.payment.failure},
                   {"backendRetrying", s.payment.backend_retrying}}},
      {"backend", backend},
      {"credits", {{"known", s.credits.known},
                   {"remainingUsd", to_decimal(s.credits.remaining_micro_usd)},
                   {"usedUsd", to_decimal(s.credits.used_micro_usd)},
                   {"paidOnceWei", to_decimal(s.credits.paid_once_wei)},
                   {"boughtUsd", to_decimal(s.credits.bought_micro_usd)},
                   {"bonusUsd", to_decimal(s.credits.bonus_micro_usd)}}},
      {"stream", stream},
      {"usage", {{"count", s.usage.count}, {"offset", s.usage.offset}, {"recent", recent}}},
      {"history", {{"kind", name_of(kHistoryKinds, s.history.kind)},
                   {"status", name_of(kHistoryStatuses, s.history.status)},
                   {"period", name_of(kHistoryPeriods, s.history.period)},
                   {"offset", s.history.offset},
                   {"total", s.history.total},
                   {"loaded", s.history.loaded},
                   {"loading", s.history.loading},
                   {"failure", s.history.failure},
                   {"items", history_items}}},
      {"apiKeys", keys},
      {"notice", {{"kind", name_of(kNoticeKinds, s.notice.kind)}, {"text", s.notice.text}}},
  };
  // No chain id = no configuration (a fixture without one, or an invalid one): leave it out,
  // since {"chainId":"0x0"} would be a fixture that state_from_json refuses.
  if (s.config.chain_id != 0) out["config"] = config_to_json(s.config);
  return out;
}

}  // namespace acw
