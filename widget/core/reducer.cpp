#include "reducer.h"

#include "strings.h"

namespace acw {

namespace {

constexpr const char* kGetGoodDollarUrl = "https://www.gooddollar.org/";

// Collects effects while one event is reduced.
struct Step {
  State& s;
  std::vector<Effect> effects;

  void wallet(Purpose purpose, const char* method, json params = json::array()) {
    const int id = s.next_effect_id++;
    s.in_flight[id] = InFlight{purpose, s.epoch};
    effects.push_back(wallet_effect(id, method, std::move(params)));
  }
  void notice(NoticeKind kind, std::string text) { s.notice = Notice{kind, std::move(text)}; }
  void clear_notice() { s.notice = Notice{}; }
};

bool in_flight(const State& s, Purpose purpose) {
  for (const auto& [id, f] : s.in_flight) {
    if (f.purpose == purpose && f.epoch == s.epoch) return true;
  }
  return false;
}

void read_balance(Step& st) {
  auto& w = st.s.wallet;
  if (w.phase != WalletPhase::connected || w.chain_id != st.s.config.chain_id) return;
  w.balance_loading = true;
  st.wallet(Purpose::read_balance, "eth_call",
            json::array({{{"to", st.s.config.token_address},
                          {"data", encode_balance_of(w.account)}},
                         "latest"}));
}

// Forget everything that belonged to the previous account or chain.
void new_epoch(State& s) {
  s.epoch++;
  s.wallet.balance_wei.reset();
  s.wallet.balance_loading = false;
  s.wallet.switching_chain = false;
}

void become_disconnected(Step& st) {
  auto phase = st.s.wallet.phase == WalletPhase::no_wallet ? WalletPhase::no_wallet
                                                           : WalletPhase::disconnected;
  new_epoch(st.s);
  st.s.in_flight.clear();  // answers to anything asked before now are ignored
  st.s.wallet = WalletFacet{};
  st.s.wallet.phase = phase;
  st.s.purchase = PurchaseFacet{};
  st.s.view = View::buy;
}

std::string wallet_error_text(const Strings& t, const WalletError& e) {
  return t.wallet_error(e.code, e.message);
}

// ---- answers to wallet effects ------------------------------------------------------------

void on_accounts(Step& st, Purpose purpose, const Event& ev) {
  auto& s = st.s;
  const Strings& t = strings_for(s.config.locale);
  if (!ev.ok) {
    if (purpose == Purpose::read_accounts) {  // a silent check: stay quietly disconnected
      s.wallet.phase = WalletPhase::disconnected;
      return;
    }
    s.wallet.phase = WalletPhase::disconnected;
    st.notice(ev.error.code == -32002 ? NoticeKind::info : NoticeKind::error,
              wallet_error_text(t, ev.error));
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
  const Strings& t = strings_for(s.config.locale);
  auto chain = ev.ok ? parse_chain_id(ev.result) : Parsed<uint64_t>::fail(wallet_error_text(t, ev.error));
  if (!chain.ok()) {
    if (s.wallet.phase == WalletPhase::connecting) s.wallet.phase = WalletPhase::disconnected;
    st.notice(NoticeKind::error, text(t.err_bad_answer, chain.error));
    return;
  }
  if (*chain.value != s.wallet.chain_id) new_epoch(s);
  s.wallet.chain_id = *chain.value;
  s.wallet.phase = WalletPhase::connected;
  s.wallet.switching_chain = false;
  if (s.wallet.chain_id == s.config.chain_id && !in_flight(s, Purpose::read_balance)) read_balance(st);
}

void on_balance(Step& st, const Event& ev) {
  auto& s = st.s;
  const Strings& t = strings_for(s.config.locale);
  s.wallet.balance_loading = false;
  if (!ev.ok) {
    st.notice(NoticeKind::error, text(t.balance_failed, wallet_error_text(t, ev.error)));
    return;
  }
  auto balance = parse_uint256_word(ev.result);
  if (!balance.ok()) {
    st.notice(NoticeKind::error, text(t.balance_failed, balance.error));
    return;
  }
  s.wallet.balance_wei = *balance.value;
}

json add_chain_params(const Config& c) {
  json params = {{"chainId", chain_id_hex(c.chain_id)},
                 {"chainName", c.chain_name},
                 {"nativeCurrency", {{"name", c.native_symbol}, {"symbol", c.native_symbol}, {"decimals", 18}}},
                 {"rpcUrls", json::array({c.rpc_url})}};
  if (!c.explorer_url.empty()) params["blockExplorerUrls"] = json::array({c.explorer_url});
  return json::array({params});
}

void on_switch(Step& st, Purpose purpose, const Event& ev) {
  auto& s = st.s;
  const Strings& t = strings_for(s.config.locale);
  if (ev.ok) {  // re-check: the wallet's chainChanged may come later or never
    st.wallet(Purpose::read_chain, "eth_chainId");
    return;
  }
  if (purpose == Purpose::switch_chain && ev.error.code == 4902) {
    if (s.config.rpc_url.empty()) {
      s.wallet.switching_chain = false;
      st.notice(NoticeKind::error, text(t.add_chain_manually, s.config.chain_name));
      return;
    }
    st.wallet(Purpose::add_chain, "wallet_addEthereumChain", add_chain_params(s.config));
    return;
  }
  s.wallet.switching_chain = false;
  st.notice(ev.error.code == -32002 ? NoticeKind::info : NoticeKind::error,
            wallet_error_text(t, ev.error));
}

void on_wallet_result(Step& st, const Event& ev) {
  auto& s = st.s;
  auto it = s.in_flight.find(ev.effect_id);
  if (it == s.in_flight.end()) return;  // unknown or already answered: ignore
  const InFlight f = it->second;
  s.in_flight.erase(it);
  const bool stale = f.epoch != s.epoch;
  switch (f.purpose) {
    case Purpose::read_accounts:
    case Purpose::request_accounts:
      // A connect answer stays valid across a chain change; only a newer connect replaces it.
      if (s.wallet.phase == WalletPhase::starting || s.wallet.phase == WalletPhase::disconnected ||
          s.wallet.phase == WalletPhase::connecting) {
        on_accounts(st, f.purpose, ev);
      }
      return;
    case Purpose::read_chain: on_chain(st, ev); return;
    case Purpose::read_balance:
      if (!stale) on_balance(st, ev);
      return;
    case Purpose::switch_chain:
    case Purpose::add_chain: on_switch(st, f.purpose, ev); return;
  }
}

// ---- events from the wallet ---------------------------------------------------------------

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
    read_balance(st);
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
  if (*chain.value != s.wallet.chain_id) new_epoch(s);
  s.wallet.chain_id = *chain.value;
  s.wallet.switching_chain = false;
  st.clear_notice();
  if (s.wallet.chain_id == s.config.chain_id && !s.wallet.balance_wei && !in_flight(s, Purpose::read_balance)) {
    read_balance(st);
  }
}

// ---- clicks and typing ----------------------------------------------------------------------

void on_click(Step& st, const std::string& id) {
  auto& s = st.s;
  const bool usable = s.config_error.empty();
  if (id == "connect") {
    if (!usable || s.wallet.phase != WalletPhase::disconnected) return;
    s.wallet.phase = WalletPhase::connecting;
    st.clear_notice();
    st.wallet(Purpose::request_accounts, "eth_requestAccounts");
  } else if (id == "disconnect") {
    if (s.wallet.phase == WalletPhase::connected || s.wallet.phase == WalletPhase::connecting) {
      become_disconnected(st);
      st.clear_notice();
    }
  } else if (id == "switch_chain") {
    if (s.wallet.phase != WalletPhase::connected || s.wallet.switching_chain ||
        s.wallet.chain_id == s.config.chain_id) {
      return;
    }
    s.wallet.switching_chain = true;
    st.clear_notice();
    st.wallet(Purpose::switch_chain, "wallet_switchEthereumChain",
              json::array({{{"chainId", chain_id_hex(s.config.chain_id)}}}));
  } else if (id == "retry_balance") {
    if (!in_flight(s, Purpose::read_balance)) {
      st.clear_notice();
      read_balance(st);
    }
  } else if (id == "mode.once") {
    s.purchase.mode = PayMode::once;
    s.view = View::buy;
  } else if (id == "mode.stream") {
    s.purchase.mode = PayMode::stream;
    s.view = View::stream;
    if (s.stream.phase == StreamPhase::none) s.stream.editing = true;
  } else if (id == "dismiss_notice") {
    st.clear_notice();
  } else if (id == "get_g") {
    Effect open;
    open.kind = EffectKind::open;
    open.text = kGetGoodDollarUrl;
    st.effects.push_back(open);
  } else if (id == "copy_tx" && !s.payment.tx_hash.empty()) {
    Effect copy;
    copy.kind = EffectKind::copy;
    copy.text = s.payment.tx_hash;
    st.effects.push_back(copy);
  }
}

void on_input(Step& st, const Event& ev) {
  if (ev.id == "amount") st.s.purchase.amount_text = ev.text;
  if (ev.id == "monthly_amount") st.s.purchase.monthly_amount_text = ev.text;
}

}  // namespace

std::vector<Effect> reduce(State& s, const Event& ev) {
  Step st{s, {}};
  switch (ev.type) {
    case EventType::start:
      if (s.wallet.phase != WalletPhase::starting && s.wallet.phase != WalletPhase::no_wallet) break;
      if (!ev.wallet_found) {
        s.wallet.phase = WalletPhase::no_wallet;
        break;
      }
      s.wallet.phase = WalletPhase::disconnected;
      // eth_accounts never prompts: reconnects a site the person already allowed.
      if (s.config_error.empty()) st.wallet(Purpose::read_accounts, "eth_accounts");
      break;
    case EventType::click: on_click(st, ev.id); break;
    case EventType::input: on_input(st, ev); break;
    case EventType::wallet_result: on_wallet_result(st, ev); break;
    case EventType::accounts_changed: on_accounts_changed(st, ev); break;
    case EventType::chain_changed: on_chain_changed(st, ev); break;
    case EventType::wallet_disconnected:
      if (s.wallet.phase != WalletPhase::starting && s.wallet.phase != WalletPhase::no_wallet) {
        become_disconnected(st);
      }
      break;
  }
  return std::move(st.effects);
}

}  // namespace acw
