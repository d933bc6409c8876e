// API keys: created, revoked or rotated after a Sign-In with Ethereum (EIP-4361) signature.
// The new key is held in memory to be shown once; it is never stored or sent in an event.
// The same sign-in (or one of its own, `sign_in_read`) gives the read session that the usage
// log and the key list need; it is kept in memory only.
#include "backend_wire.h"
#include "reducer_step.h"

namespace acw {

namespace {

std::string hex_utf8(const std::string& text) {
  static const char* digits = "0123456789abcdef";
  std::string out = "0x";
  for (unsigned char c : text) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

const ApiKeyMeta* active_key(const State& s) {
  for (const auto& k : s.api_key.keys) {
    if (!k.revoked) return &k;
  }
  return nullptr;
}

void begin(Step& st, KeyTask task) {
  auto& s = st.s;
  if (s.api_key.task != KeyTask::none || !on_right_chain(s) || s.config.backend_url.empty()) return;
  s.api_key.task = task;
  st.clear_notice();
  st.http(Purpose::key_nonce, "POST", "/v1/auth/nonce",
          json{{"account", s.wallet.account}, {"chainId", s.config.chain_id}});
}

void finish(Step& st, const std::string& error) {
  st.s.api_key.task = KeyTask::none;
  st.s.api_key.revoke_id.clear();
  if (!error.empty()) st.notice(NoticeKind::error, error);
  load_keys(st);
}

void on_nonce(Step& st, const Event& ev) {
  const HttpResult r = read_http(ev);
  if (!r.ok) return finish(st, text(st.t().key_failed, r.error));
  auto n = parse_nonce(r.body);
  if (!n.ok()) return finish(st, text(st.t().key_failed, n.error));
  st.s.api_key.nonce = n.value->nonce;
  st.wallet(Purpose::key_sign, "personal_sign", json::array({hex_utf8(n.value->message), st.s.wallet.account}));
}

void on_signed(Step& st, const Event& ev) {
  auto& s = st.s;
  if (!ev.ok) return finish(st, s.api_key.task == KeyTask::none ? "" : st.t().wallet_error(ev.error.code, ev.error.message));
  if (!ev.result.is_string() || ev.result.get_ref<const std::string&>().size() > 200) {
    return finish(st, text(st.t().err_bad_answer, "signature is not a string"));
  }
  json body{{"account", s.wallet.account}, {"nonce", s.api_key.nonce}, {"signature", ev.result}};
  s.api_key.nonce.clear();
  if (s.api_key.task == KeyTask::revoking) {
    st.http(Purpose::key_revoke, "DELETE", "/v1/auth/api-keys/" + s.api_key.revoke_id, body);
  } else if (s.api_key.task == KeyTask::signing_in) {
    st.http(Purpose::key_session, "POST", "/v1/auth/session", body);
  } else {
    st.http(Purpose::key_create, "POST", "/v1/auth/api-keys", body);
  }
}

void on_created(Step& st, const Event& ev) {
  auto& k = st.s.api_key;
  const HttpResult r = read_http(ev);
  if (!r.ok) return finish(st, text(st.t().key_failed, r.error));
  auto created = parse_created_key(r.body);
  if (!created.ok()) return finish(st, text(st.t().key_failed, created.error));
  k.new_token = created.value->token;
  k.keys.insert(k.keys.begin(), created.value->meta);
  if (!created.value->read_session.empty()) {
    k.read_session = created.value->read_session;
    k.sign_in_needed = false;
  }
  if (k.task == KeyTask::rotating && !k.revoke_id.empty()) {
    k.task = KeyTask::none;  // the old key goes with a fresh sign-in
    begin(st, KeyTask::revoking);
    return;
  }
  finish(st, "");
}

void on_session(Step& st, const Event& ev) {
  auto& k = st.s.api_key;
  const HttpResult r = read_http(ev);
  if (!r.ok) return finish(st, text(st.t().key_failed, r.error));
  auto session = parse_read_session(r.body);
  if (!session.ok()) return finish(st, text(st.t().key_failed, session.error));
  k.read_session = std::move(*session.value);
  k.sign_in_needed = false;
  finish(st, "");  // loads the keys
  load_usage(st);
}

void on_revoked(Step& st, const Event& ev) {
  const HttpResult r = read_http(ev);
  finish(st, r.ok ? "" : text(st.t().key_failed, r.error));
}

}  // namespace

void api_key_click(Step& st, const std::string& id) {
  auto& k = st.s.api_key;
  if (id == "create_key") {
    begin(st, KeyTask::creating);
  } else if (id == "sign_in_read") {
    begin(st, KeyTask::signing_in);
  } else if (id == "revoke_key" || id == "rotate_key") {
    const ApiKeyMeta* active = active_key(st.s);
    if (!active || k.task != KeyTask::none) return;
    const std::string revoke = active->id;
    begin(st, id == "revoke_key" ? KeyTask::revoking : KeyTask::rotating);
    k.revoke_id = revoke;
  } else if (id == "copy_key" && !k.new_token.empty()) {
    st.copy("copy_key", k.new_token);
  } else if (id == "hide_key") {
    k.new_token.clear();
  }
}

void api_key_answer(Step& st, Purpose purpose, bool stale, const Event& ev) {
  if (stale) return;
  switch (purpose) {
    case Purpose::key_nonce: on_nonce(st, ev); return;
    case Purpose::key_sign: on_signed(st, ev); return;
    case Purpose::key_create: on_created(st, ev); return;
    case Purpose::key_revoke: on_revoked(st, ev); return;
    case Purpose::key_session: on_session(st, ev); return;
    default: return;
  }
}

}  // namespace acw
