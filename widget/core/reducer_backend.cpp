// Loading what the views need from the credits backend: its configuration, the account's
// profile (credits), usage and API key metadata. Failures make the backend `unavailable`.
#include "backend_wire.h"

#include <fmt/format.h>

#include "reducer_step.h"

namespace acw {

namespace {

std::string account_path(const State& s, const char* rest) {
  return "/v1/accounts/" + s.wallet.account + rest;
}

void mark_unavailable(Step& st, const std::string& why) {
  st.s.backend.health = BackendHealth::unavailable;
  st.notice(NoticeKind::error, text(st.t().backend_error_detail, why));
}

// The backend must describe the same chain and token this widget was set up for; otherwise
// it could make the widget pay an address nobody configured. Never guess: refuse to pay.
std::string mismatch(const State& s, const ConfigValues& v) {
  const Strings& t = strings_for(s.config.locale);
  if (v.chain_id != s.config.chain_id) return text(t.mismatch_chain, v.chain_id, s.config.chain_id);
  if (!v.token.empty() && v.token != s.config.token_address) return t.mismatch_token;
  if (v.host.empty() || v.vault.empty()) return t.mismatch_missing;
  return {};
}

// The backend's words for the chain, kept only when it speaks of the configured chain.
void take_chain(State& s, const ConfigValues& v) {
  if (v.chain_id != s.config.chain_id) return;
  s.backend_chain = BackendChain{true, v.chain_name, v.rpc_url, v.native_symbol, v.explorer_url};
}

// Read for the "Switch to …" prompt on another chain: a failure only leaves the fallback name.
void on_chain_settings(Step& st, const Event& ev) {
  const HttpResult r = read_http(ev);
  if (!r.ok) return;
  auto v = parse_config_values(r.body);
  if (v.ok()) take_chain(st.s, *v.value);
}

void on_config(Step& st, const HttpResult& r) {
  auto& b = st.s.backend;
  if (!r.ok) return mark_unavailable(st, r.error);
  auto v = parse_config_values(r.body);
  if (!v.ok()) return mark_unavailable(st, v.error);
  take_chain(st.s, *v.value);
  b.mismatch = mismatch(st.s, *v.value);
  b.host_address = v.value->host;
  b.vault_address = v.value->vault;
  b.forwarder_address = v.value->forwarder;
  b.price_micro_usd_per_g = v.value->price_micro_usd_per_g;
  b.deposit_bonus_bps = v.value->deposit_bonus_bps;
  b.stream_bonus_bps = v.value->stream_bonus_bps;
  b.min_first_deposit_micro_usd = v.value->min_first_deposit_micro_usd;
  b.min_stream_micro_usd_per_month = v.value->min_stream_micro_usd_per_month;
  b.config_loaded = b.mismatch.empty();
  if (!b.mismatch.empty()) st.notice(NoticeKind::error, b.mismatch);
  if (b.config_loaded) read_flow(st);
}

void on_profile(Step& st, const HttpResult& r) {
  if (!r.ok) return mark_unavailable(st, r.error);
  auto p = parse_profile(r.body);
  if (!p.ok()) return mark_unavailable(st, p.error);
  st.s.credits = CreditsFacet{true,
                              p.value->remaining_micro_usd,
                              p.value->used_micro_usd,
                              p.value->paid_once_wei,
                              p.value->principal_micro_usd,
                              p.value->bonus_micro_usd};
  auto& stream = st.s.stream;
  stream.backend_status = p.value->stream_status;
  stream.streamed_wei = p.value->streamed_wei;
  stream.profile_read_at = st.s.now_s;
  if (p.value->stream_status == "ended") stream.end_reason = p.value->stream_end_reason;
  settle_stream_phase(st.s);
}

// 401 on a private read: the session is gone (expired, or the backend restarted on another
// database). The view offers the sign-in again; the backend is not "unavailable".
bool session_refused(Step& st, const HttpResult& r) {
  if (r.status != 401) return false;
  auto& k = st.s.api_key;
  k.read_session.clear();
  k.sign_in_needed = true;
  return true;
}

void on_usage(Step& st, const HttpResult& r) {
  st.s.usage.loading = false;
  if (session_refused(st, r)) return;
  if (!r.ok) return mark_unavailable(st, r.error);
  auto page = parse_usage_page(r.body);
  if (!page.ok()) return mark_unavailable(st, page.error);
  // The log only grows (nothing is deleted), so a page once there stays there.
  st.s.usage.recent = std::move(page.value->items);
  st.s.usage.count = page.value->total;
}

void on_keys(Step& st, const HttpResult& r) {
  if (session_refused(st, r)) {
    st.s.api_key.keys.clear();
    st.s.api_key.loaded = false;
    return;
  }
  if (!r.ok) return mark_unavailable(st, r.error);
  auto keys = parse_api_keys(r.body);
  if (!keys.ok()) return mark_unavailable(st, keys.error);
  st.s.api_key.keys = std::move(*keys.value);
  st.s.api_key.loaded = true;
}

}  // namespace

void load_profile(Step& st) {
  if (!st.in_flight(Purpose::load_profile)) st.http(Purpose::load_profile, "GET", account_path(st.s, "/profile"));
}

// The usage log and the key list answer only the account: without a read session they wait
// for the user's sign-in (sign_in_needed) instead of asking.
void load_usage(Step& st) {
  if (st.in_flight(Purpose::load_usage)) return;
  if (st.s.api_key.read_session.empty()) {
    st.s.api_key.sign_in_needed = true;
    return;
  }
  st.s.usage.loading = true;
  st.http_private(Purpose::load_usage,
                  fmt::format("/v1/accounts/{}/usage?limit={}&offset={}", st.s.wallet.account, UsageFacet::kPageSize,
                              st.s.usage.offset));
}

void load_keys(Step& st) {
  if (st.in_flight(Purpose::load_keys)) return;
  if (st.s.api_key.read_session.empty()) {
    st.s.api_key.sign_in_needed = true;
    return;
  }
  st.http_private(Purpose::load_keys, account_path(st.s, "/api-keys"));
}

void load_chain_settings(Step& st) {
  const State& s = st.s;
  if (s.config.backend_url.empty() || s.backend_chain.loaded || st.in_flight(Purpose::load_chain)) return;
  st.http(Purpose::load_chain, "GET", "/config/values");
}

void load_account_data(Step& st) {
  auto& s = st.s;
  if (s.config.backend_url.empty() || !on_right_chain(s)) return;
  if (!s.backend.config_loaded && !st.in_flight(Purpose::load_config)) {
    st.http(Purpose::load_config, "GET", "/config/values");
  }
  load_profile(st);
  load_keys(st);  // the key card shows from has_credits on
  if (s.view == View::usage) load_usage(st);
  if (s.view == View::history) load_history(st);
}

void backend_answer(Step& st, Purpose purpose, bool stale, const Event& ev) {
  if (purpose == Purpose::load_chain) return on_chain_settings(st, ev);  // not per account
  if (stale) return;
  const HttpResult r = read_http(ev);
  const bool was_unavailable = st.s.backend.health == BackendHealth::unavailable;
  if (r.ok && !was_unavailable) st.s.backend.health = BackendHealth::ok;
  switch (purpose) {
    case Purpose::load_config: on_config(st, r); break;
    case Purpose::load_profile: on_profile(st, r); break;
    case Purpose::load_usage: on_usage(st, r); break;
    case Purpose::load_keys: on_keys(st, r); break;
    default: break;
  }
}

void backend_click(Step& st, const std::string& id) {
  auto& s = st.s;
  if (id == "retry_backend") {
    if (s.backend.health != BackendHealth::unavailable) return;
    s.backend.health = BackendHealth::unknown;
    st.clear_notice();
    load_account_data(st);
  } else if (id == "nav.usage") {
    s.view = View::usage;
    if (on_right_chain(s) && !s.config.backend_url.empty()) {
      load_usage(st);
      load_profile(st);
    }
  } else if (id == "nav.api_key") {
    s.view = View::api_key;
    if (on_right_chain(s) && !s.config.backend_url.empty()) {
      load_keys(st);
      load_profile(st);
    }
  } else if (id == "refresh_usage") {
    load_usage(st);
    load_profile(st);
  } else if (id == "usage.next" || id == "usage.prev") {
    if (turn_page(s.usage.offset, UsageFacet::kPageSize, s.usage.count, id == "usage.next")) load_usage(st);
  }
}

HttpResult read_http(const Event& ev) {
  HttpResult r;
  r.status = ev.http_status;
  if (!ev.ok || ev.http_status == 0) {
    r.error = ev.error.message.empty() ? "no answer" : ev.error.message;
    return r;
  }
  auto body = parse_json(ev.body);
  if (ev.http_status < 200 || ev.http_status >= 300) {
    r.error = "HTTP " + fmt::to_string(ev.http_status);
    if (body.ok()) {
      const std::string detail = backend_error_text(*body.value);
      if (!detail.empty()) r.error += ": " + detail;
      r.body = *body.value;
    }
    return r;
  }
  if (!body.ok()) {
    r.error = "invalid JSON (" + body.error + ")";
    return r;
  }
  r.ok = true;
  r.body = std::move(*body.value);
  return r;
}

}  // namespace acw
