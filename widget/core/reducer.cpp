// The only place the state changes: routes each event to the facet's handlers.
#include "reducer.h"

#include "reducer_step.h"
#include "usage_snippet.h"

namespace acw {

namespace {

constexpr const char* kGetGoodDollarUrl = "https://www.gooddollar.org/";

void on_start(Step& st, const Event& ev) {
  auto& s = st.s;
  if (s.wallet.phase != WalletPhase::starting && s.wallet.phase != WalletPhase::no_wallet) return;
  load_stored(s, ev.stored);
  s.now_s = ev.now_ms / 1000;
  s.utc_offset_min = ev.utc_offset_min;
  if (!ev.wallet_found) {
    s.wallet.phase = WalletPhase::no_wallet;
    return;
  }
  s.wallet.phase = WalletPhase::disconnected;
  // eth_accounts never prompts: it reconnects a site the person already allowed.
  if (s.config_error.empty()) st.wallet(Purpose::read_accounts, "eth_accounts");
}

void on_click(Step& st, const std::string& id) {
  auto& s = st.s;
  if (id == "mode.once" || id == "mode.once_instead" || id == "nav.buy") {
    s.purchase.mode = PayMode::once;
    const bool switched = s.view != View::buy;
    s.view = View::buy;
    payment_click(st, id);
    // Credits may have been spent elsewhere (by an AI tool with the key) since the last look.
    if (switched && on_right_chain(s) && !s.config.backend_url.empty()) load_profile(st);
  } else if (id == "mode.stream") {
    s.purchase.mode = PayMode::stream;
    s.view = View::stream;
    if (s.stream.phase == StreamPhase::none) s.stream.editing = true;
    if (on_right_chain(s)) {
      stream_input(st);
      credit_stream(st);
    }
  } else if (id == "dismiss_notice") {
    st.clear_notice();
  } else if (id == "usage_snippet.copy") {
    st.copy("usage_snippet.copy", usage_snippet(s));
  } else if (id == "get_g") {
    st.effects.push_back(open_effect(kGetGoodDollarUrl));
  } else if (history_click(st, id)) {
    if (id == "nav.history") load_profile(st);  // its state comes from the credits
  } else {
    wallet_click(st, id);
    backend_click(st, id);
    payment_click(st, id);
    api_key_click(st, id);
    stream_click(st, id);
  }
}

void on_answer(Step& st, const Event& ev) {
  auto& s = st.s;
  auto it = s.in_flight.find(ev.effect_id);
  if (it == s.in_flight.end()) return;  // unknown or already answered: ignore
  const InFlight f = it->second;
  s.in_flight.erase(it);
  const bool stale = f.epoch != s.epoch;
  switch (f.purpose) {
    case Purpose::read_flow:
    case Purpose::read_buffer:
    case Purpose::credit_stream: stream_answer(st, f.purpose, stale, ev); return;
    case Purpose::read_accounts:
    case Purpose::request_accounts:
    case Purpose::read_chain:
    case Purpose::read_balance:
    case Purpose::switch_chain:
    case Purpose::add_chain: wallet_answer(st, f.purpose, stale, ev); return;
    case Purpose::load_config:
    case Purpose::load_chain:
    case Purpose::load_profile:
    case Purpose::load_usage:
    case Purpose::load_keys: backend_answer(st, f.purpose, stale, ev); return;
    case Purpose::send_payment:
    case Purpose::poll_receipt:
    case Purpose::receipt_timer:
    case Purpose::record_payment:
    case Purpose::record_timer: payment_answer(st, f.purpose, stale, ev); return;
    case Purpose::key_nonce:
    case Purpose::key_sign:
    case Purpose::key_create:
    case Purpose::key_revoke:
    case Purpose::key_session: api_key_answer(st, f.purpose, stale, ev); return;
    case Purpose::copy_text:
    case Purpose::copied_timer: copy_answer(st, f.purpose, ev); return;
    case Purpose::load_history:
      if (!stale) history_answer(st, ev);
      return;
  }
}

void on_input(Step& st, const Event& ev) {
  if (ev.id == "amount") st.s.purchase.amount_text = ev.text;
  if (ev.id == "monthly_amount") {
    st.s.purchase.monthly_amount_text = ev.text;
    stream_input(st);
  }
}

}  // namespace

std::vector<Effect> reduce(State& s, const Event& ev) {
  Step st{s, {}};
  switch (ev.type) {
    case EventType::start: on_start(st, ev); break;
    case EventType::click: on_click(st, ev.id); break;
    case EventType::input: on_input(st, ev); break;
    case EventType::wallet_result: on_answer(st, ev); break;
    case EventType::accounts_changed: on_accounts_changed(st, ev); break;
    case EventType::chain_changed: on_chain_changed(st, ev); break;
    case EventType::tick: s.now_s = ev.now_ms / 1000; break;
    case EventType::wallet_disconnected:
      if (s.wallet.phase != WalletPhase::starting && s.wallet.phase != WalletPhase::no_wallet) {
        become_disconnected(st);
      }
      break;
  }
  return std::move(st.effects);
}

}  // namespace acw
