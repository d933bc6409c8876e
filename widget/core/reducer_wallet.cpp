// Wallet connection: accounts, chain, switching networks and the G$ balance.
#include "chain_settings.h"
#include "reducer_step.h"
#include "wire.h"

namespace acw {

namespace {

// Forget everything that belonged to the previous account or chain.
void new_epoch(State& s) {
  s.epoch++;
  s.wallet.balance_wei.reset();
  s.wallet.balance_loading = false;
  s.wallet.balance_reread = false;
  s.wallet.switching_chain = false;
  s.backend = BackendFacet{};
  s.credits = CreditsFacet{};
  s.usage = UsageFacet{};
  s.history = HistoryFacet{};
  s.api_key = ApiKeyFacet{};
  s.stream = StreamFacet{};
  // A payment in flight is not forgotten: its hash is stored under its own account and is
  // resumed when that account is back. Only what belongs to the screen goes.
  if (s.payment.phase == PaymentPhase::awaiting_wallet) {
    for (const auto& [id, f] : s.in_flight) {
      if (f.purpose == Purpose::send_payment) s.detached_sends[id] = s.payment;
    }
  }
  s.payment = PaymentFacet{};
}

// Reached the configured chain with an account: load everything for it.
void arrive(Step& st) {
  read_balance(st);
  load_account_data(st);
  resume_stored_payment(st);
}

void on_accounts(Step& st, Purpose purpose, const Event& ev) {
  auto& s = st.s;
  const Strings& t = st.t();
  if (!ev.ok) {
    s.wallet.phase = WalletPhase::disconnected;
    if (purpose == Purpose::read_accounts) return;  // a silent check stays quiet
    st.notice(ev.error.code == -32002 ? NoticeKind::info : NoticeKind::error, t.wallet_error(ev.error.code, ev.error.message));
    return;
  }
  auto accounts = parse_accounts(ev.result);
  if (!accounts.ok()) {
    s.wallet.phase = WalletPhase::disconnected;
    st.notice(NoticeKind::error, text(t.err_bad_answer, accounts.error));
    return;
  }
  if (accounts.value->empty()) {
    s.wallet.phase = WalletPhase::disconnected;
    if (purpose == Purpose::request_accounts) st.notice(NoticeKind::error, t.no_account_shared);
    return;
  }
  s.wallet.phase = WalletPhase::connecting;
  s.wallet.account = accounts.value->front();
  st.clear_notice();
  st.wallet(Purpose::read_chain, "eth_chainId");
}

void on_chain(Step& st, const Event& ev) {
  auto& s = st.s;
  const Strings& t = st.t();
  auto chain = ev.ok ? parse_chain_id(ev.result)
                     : Parsed<uint64_t>::fail(t.wallet_error(ev.error.code, ev.error.message));
  if (!chain.ok()) {
    if (s.wallet.phase == WalletPhase::connecting) s.wallet.phase = WalletPhase::disconnected;
    st.notice(NoticeKind::error, text(t.err_bad_answer, chain.error));
    return;
  }
  const bool changed = *chain.value != s.wallet.chain_id || s.wallet.phase != WalletPhase::connected;
  if (*chain.value != s.wallet.chain_id) new_epoch(s);
  s.wallet.chain_id = *chain.value;
  s.wallet.phase = WalletPhase::connected;
  s.wallet.switching_chain = false;
  if (changed && on_right_chain(s)) arrive(st);
  if (!on_right_chain(s)) load_chain_settings(st);
}

void on_balance(Step& st, const Event& ev) {
  auto& s = st.s;
  const Strings& t = st.t();
  s.wallet.balance_loading = false;
  if (s.wallet.balance_reread) {
    s.wallet.balance_reread = false;
    read_balance(st);
    return;
  }
  if (!ev.ok) {
    st.notice(NoticeKind::error, text(t.balance_failed, t.wallet_error(ev.error.code, ev.error.message)));
    return;
  }
  auto balance = parse_uint256_word(ev.result);
  if (!balance.ok()) {
    st.notice(NoticeKind::error, text(t.balance_failed, balance.error));
    return;
  }
  s.wallet.balance_wei = *balance.value;
  s.stream.balance_read_at = s.now_s;
}

void on_switch(Step& st, Purpose purpose, const Event& ev) {
  auto& s = st.s;
  const Strings& t = st.t();
  if (ev.ok) {  // re-check: the wallet's chainChanged may come later or never
    st.wallet(Purpose::read_chain, "eth_chainId");
    return;
  }
  if (purpose == Purpose::switch_chain && ev.error.code == 4902) {
    json params = add_chain_params(s);
    if (params.is_null()) {
      s.wallet.switching_chain = false;
      st.notice(NoticeKind::error, text(t.add_chain_manually, chain_settings(s).name));
      return;
    }
    st.wallet(Purpose::add_chain, "wallet_addEthereumChain", std::move(params));
    return;
  }
  s.wallet.switching_chain = false;
  st.notice(ev.error.code == -32002 ? NoticeKind::info : NoticeKind::error, t.wallet_error(ev.error.code, ev.error.message));
}

}  // namespace

bool on_right_chain(const State& s) {
  return s.wallet.phase == WalletPhase::connected && s.wallet.chain_id == s.config.chain_id;
}

void read_balance(Step& st) {
  auto& w = st.s.wallet;
  if (!on_right_chain(st.s)) return;
  if (st.in_flight(Purpose::read_balance)) {  // that answer may predate what changed since
    w.balance_reread = true;
    return;
  }
  w.balance_loading = true;
  st.wallet(Purpose::read_balance, "eth_call",
            json::array({{{"to", st.s.config.token_address}, {"data", encode_balance_of(w.account)}},
                         "latest"}));
}

void become_disconnected(Step& st) {
  auto phase = st.s.wallet.phase == WalletPhase::no_wallet ? WalletPhase::no_wallet
                                                           : WalletPhase::disconnected;
  new_epoch(st.s);
  // Answers to anything asked before now are ignored, except a payment's: its hash must be
  // stored even when it arrives after the wallet went away.
  for (auto it = st.s.in_flight.begin(); it != st.s.in_flight.end();) {
    it = it->second.purpose == Purpose::send_payment ? std::next(it) : st.s.in_flight.erase(it);
  }
  st.s.wallet = WalletFacet{};
  st.s.wallet.phase = phase;
  st.s.purchase = PurchaseFacet{};
  st.s.view = View::buy;
}

void wallet_answer(Step& st, Purpose purpose, bool stale, const Event& ev) {
  auto& s = st.s;
  switch (purpose) {
    case Purpose::read_accounts:
    case Purpose::request_accounts:
      // A connect answer stays valid across a chain change; a newer connect replaces it.
      if (s.wallet.phase == WalletPhase::starting || s.wallet.phase == WalletPhase::disconnected ||
          s.wallet.phase == WalletPhase::connecting) {
        on_accounts(st, purpose, ev);
      }
      return;
    case Purpose::read_chain: on_chain(st, ev); return;
    case Purpose::read_balance:
      if (!stale) on_balance(st, ev);
      return;
    case Purpose::switch_chain:
    case Purpose::add_chain: on_switch(st, purpose, ev); return;
    default: return;
  }
}

void wallet_click(Step& st, const std::string& id) {
  auto& s = st.s;
  if (id == "connect") {
    if (!s.config_error.empty() || s.wallet.phase != WalletPhase::disconnected) return;
    s.wallet.phase = WalletPhase::connecting;
    st.clear_notice();
    st.wallet(Purpose::request_accounts, "eth_requestAccounts");
  } else if (id == "disconnect") {
    if (s.wallet.phase == WalletPhase::connected || s.wallet.phase == WalletPhase::connecting) {
      become_disconnected(st);
      st.clear_notice();
    }
  } else if (id == "switch_chain") {
    if (s.wallet.phase != WalletPhase::connected || s.wallet.switching_chain || on_right_chain(s)) return;
    s.wallet.switching_chain = true;
    st.clear_notice();
    st.wallet(Purpose::switch_chain, "wallet_switchEthereumChain",
              json::array({{{"chainId", chain_id_hex(s.config.chain_id)}}}));
  } else if (id == "retry_balance") {
    st.clear_notice();
    read_balance(st);
  }
}

void on_accounts_changed(Step& st, const Event& ev) {
  auto& s = st.s;
  if (s.wallet.phase == WalletPhase::starting || s.wallet.phase == WalletPhase::no_wallet) return;
  auto accounts = parse_accounts(ev.result);
  if (!accounts.ok() || accounts.value->empty()) {
    become_disconnected(st);
    return;
  }
  const std::string& next = accounts.value->front();
  if (next == s.wallet.account && s.wallet.phase == WalletPhase::connected) return;
  new_epoch(s);
  s.wallet.account = next;
  s.purchase = PurchaseFacet{};
  st.clear_notice();
  if (s.wallet.phase == WalletPhase::connected) {
    if (on_right_chain(s)) arrive(st);
  } else {  // the person connected from the wallet's own UI
    s.wallet.phase = WalletPhase::connecting;
    st.wallet(Purpose::read_chain, "eth_chainId");
  }
}

void on_chain_changed(Step& st, const Event& ev) {
  auto& s = st.s;
  auto chain = parse_chain_id(ev.result);
  if (!chain.ok()) return;  // a malformed event cannot be acted on; the next read corrects it
  if (s.wallet.phase != WalletPhase::connected) return;
  st.clear_notice();
  s.wallet.switching_chain = false;
  if (*chain.value == s.wallet.chain_id) return;
  new_epoch(s);
  s.wallet.chain_id = *chain.value;
  if (on_right_chain(s)) arrive(st);
  else load_chain_settings(st);
}

}  // namespace acw
