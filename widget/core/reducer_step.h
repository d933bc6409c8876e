// Internal to the reducer files: the per-event context that collects effects, and the
// handlers each reducer_*.cpp file provides.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "effect.h"
#include "event.h"
#include "state.h"
#include "strings.h"

namespace acw {

constexpr int kReceiptPollMs = 1'000;
constexpr int kMaxReceiptPolls = 600;  // ~10 minutes before "check again"
constexpr int kRecordRetryMs = 3'000;

struct Step {
  State& s;
  std::vector<Effect> effects;

  const Strings& t() const { return strings_for(s.config.locale); }
  int track(Purpose purpose) {
    const int id = s.next_effect_id++;
    s.in_flight[id] = InFlight{purpose, s.epoch};
    return id;
  }
  // Requests that open a wallet prompt wait as long as the configuration allows; reads keep the
  // shim's short default.
  void wallet(Purpose purpose, const char* method, json params = json::array()) {
    const int id = track(purpose);
    Effect e = wallet_effect(id, method, std::move(params));
    if (opens_prompt(method)) e.ms = s.config.wallet_timeout_ms;
    effects.push_back(std::move(e));
  }
  int http(Purpose purpose, const char* method, const std::string& path, json body = nullptr) {
    const int id = track(purpose);
    effects.push_back(http_effect(id, method, s.config.backend_url + path, std::move(body), s.config.http_timeout_ms));
    return id;
  }
  // A GET of the account's private data (usage log, key list), with the read session.
  void http_private(Purpose purpose, const std::string& path) {
    http(purpose, "GET", path);
    effects.back().auth = "Bearer " + s.api_key.read_session;
  }
  static bool opens_prompt(const std::string& method) {
    return method == "eth_requestAccounts" || method == "eth_sendTransaction" || method == "personal_sign" ||
           method == "wallet_switchEthereumChain" || method == "wallet_addEthereumChain";
  }
  int timer(Purpose purpose, int ms) {
    const int id = track(purpose);
    effects.push_back(timer_effect(id, ms));
    return id;
  }
  // Puts `text` on the clipboard for the Copy button `button` (which then reads "Copied").
  void copy(const char* button, std::string text) {
    s.copy.asked = button;
    effects.push_back(copy_effect(track(Purpose::copy_text), std::move(text)));
  }
  void emit(const char* name, json detail) { effects.push_back(emit_effect(name, std::move(detail))); }
  void notice(NoticeKind kind, std::string text) { s.notice = Notice{kind, std::move(text)}; }
  void clear_notice() { s.notice = Notice{}; }
  bool in_flight(Purpose purpose) const {
    for (const auto& [id, f] : s.in_flight) {
      if (f.purpose == purpose && f.epoch == s.epoch) return true;
    }
    return false;
  }
};

// An HTTP answer: its body parsed when the status is 2xx; otherwise why not, in plain words.
struct HttpResult {
  bool ok = false;
  int status = 0;
  json body;
  std::string error;
};
HttpResult read_http(const Event& answer);

bool on_right_chain(const State& s);

// Previous / Next of a paged list (History, the usage log): moves `offset` by `page` within
// `total`; false when there is no such page (nothing to load).
inline bool turn_page(uint64_t& offset, uint64_t page, uint64_t total, bool next) {
  if (next ? offset + page >= total : offset == 0) return false;
  offset = next ? offset + page : offset - std::min(offset, page);
  return true;
}

// reducer_wallet.cpp
void wallet_answer(Step& st, Purpose purpose, bool stale, const Event& ev);
void wallet_click(Step& st, const std::string& id);
void on_accounts_changed(Step& st, const Event& ev);
void on_chain_changed(Step& st, const Event& ev);
void become_disconnected(Step& st);
void read_balance(Step& st);

// reducer_backend.cpp: loads what the views need from the credits backend.
void load_chain_settings(Step& st);  // on another chain: how to name and add ours
void load_account_data(Step& st);  // on reaching the right chain with an account
void backend_answer(Step& st, Purpose purpose, bool stale, const Event& ev);
void backend_click(Step& st, const std::string& id);
void load_profile(Step& st);
void load_usage(Step& st);
void load_keys(Step& st);

// reducer_payment.cpp
void payment_click(Step& st, const std::string& id);
void payment_answer(Step& st, Purpose purpose, bool stale, const Event& ev);
void resume_stored_payment(Step& st);
void load_stored(State& s, const json& stored);
std::string pending_key(const std::string& account, uint64_t chain_id);
// Asks the wallet to send `data` to `to` as the transaction `p` describes (one in flight at most).
void send_transaction(Step& st, PaymentFacet p, const std::string& to, const std::string& data);

// reducer_stream.cpp

void read_flow(Step& st);                  // once the backend's config names the forwarder
void stream_click(Step& st, const std::string& id);
void stream_input(Step& st);               // the monthly amount changed
void stream_answer(Step& st, Purpose purpose, bool stale, const Event& ev);
void stream_change_done(Step& st);         // a stream transaction was recorded by the backend
void credit_stream(Step& st);              // asks the backend to credit what streamed so far
void settle_stream_phase(State& s);        // after the flow, the profile or storage changed

// reducer_copy.cpp
void copy_answer(Step& st, Purpose purpose, const Event& ev);

// reducer_history.cpp
bool history_click(Step& st, const std::string& id);  // true when `id` was a History control
void load_history(Step& st);                          // the page of the current filters
void history_answer(Step& st, const Event& ev);

// reducer_api_key.cpp
void api_key_click(Step& st, const std::string& id);
void api_key_answer(Step& st, Purpose purpose, bool stale, const Event& ev);

}  // namespace acw
