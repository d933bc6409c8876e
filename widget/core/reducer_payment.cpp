// A one-time payment: wallet signature → receipt → the backend credits it. A payment with a
// hash is stored (per account and chain) until it is credited or clearly failed, so a reload
// resumes it and nothing paid is ever forgotten.
#include <algorithm>

#include "abi.h"

#include <fmt/format.h>

#include "backend_wire.h"
#include "chain_settings.h"
#include "quote.h"
#include "reducer_step.h"

namespace acw {

namespace {

constexpr uint64_t kSuperfluidGasLimit = 1'500'000;  // ~3–5× what a payment or flow change uses

const char* kind_name(TxKind kind) {
  switch (kind) {
    case TxKind::one_time: return "once";
    case TxKind::stream_create: return "stream_create";
    case TxKind::stream_update: return "stream_update";
    case TxKind::stream_delete: return "stream_delete";
  }
  return "once";
}

TxKind kind_from(const json& doc) {
  const std::string k = doc.contains("kind") && doc.at("kind").is_string() ? doc.at("kind").get<std::string>() : "";
  if (k == "stream_create") return TxKind::stream_create;
  if (k == "stream_update") return TxKind::stream_update;
  if (k == "stream_delete") return TxKind::stream_delete;
  return TxKind::one_time;
}

std::string stored_value(const PaymentFacet& p) {
  return json_text(json{{"txHash", p.tx_hash}, {"amountWei", to_decimal(p.amount_wei)}, {"kind", kind_name(p.kind)},
              {"flowRate", to_decimal(p.flow_rate)}, {"pausing", p.pausing}});
}

void remember(Step& st, const PaymentFacet& p) {
  const std::string key = pending_key(p.account, p.chain_id);
  const std::string value = stored_value(p);
  st.s.stored_pending[key] = value;
  st.effects.push_back(store_effect(key, value));
}

void forget(Step& st, const PaymentFacet& p) {
  const std::string key = pending_key(p.account, p.chain_id);
  st.s.stored_pending.erase(key);
  st.effects.push_back(store_effect(key, nullptr));
}

void poll_receipt(Step& st) {
  st.wallet(Purpose::poll_receipt, "eth_getTransactionReceipt", json::array({st.s.payment.tx_hash}));
}

void record(Step& st) {
  st.s.payment.phase = PaymentPhase::crediting;
  st.http(Purpose::record_payment, "POST", "/v1/celo/events/record", json{{"txHash", st.s.payment.tx_hash}});
}

json event_base(const State& s) {
  return json{{"account", s.payment.account.empty() ? s.wallet.account : s.payment.account},
              {"chainId", chain_id_hex(s.config.chain_id)}};
}

void fail(Step& st, std::string reason) {
  auto& p = st.s.payment;
  p.phase = PaymentPhase::failed;
  p.failure = std::move(reason);
  if (p.kind != TxKind::one_time) return;  // stream changes report through stream-change
  json detail = event_base(st.s);
  detail["message"] = p.failure;
  if (!p.tx_hash.empty()) detail["txHash"] = p.tx_hash;
  st.emit("pay-error", detail);
}

// A payment may start only from a valid, priced quote within the balance, with the backend's
// setup loaded and matching, and nothing else in flight (one click pays once).
bool can_pay(const State& s) { return on_right_chain(s) && pay_block(s) == PayBlock::none; }

void start_payment(Step& st) {
  auto& s = st.s;
  if (!can_pay(s)) return;
  const uint128 amount = *buy_quote(s).amount.wei;
  const std::string data =
      encode_deposit_batch_call(s.config.token_address, s.backend.vault_address, amount, s.wallet.account);
  PaymentFacet p;
  p.kind = TxKind::one_time;
  p.amount_wei = amount;
  send_transaction(st, p, s.backend.host_address, data);
}

void on_sent(Step& st, bool stale, const Event& ev, PaymentFacet detached) {
  auto& s = st.s;
  const Strings& t = st.t();
  if (stale) {  // the account or chain changed while the wallet was open
    if (!ev.ok) return;
    auto hash = parse_tx_hash(ev.result);
    if (!hash.ok()) return;
    detached.tx_hash = *hash.value;
    remember(st, detached);  // resumed when that account is back on that chain
    return;
  }
  if (!ev.ok) {
    fail(st, ev.error.code == 4001 ? t.pay_rejected : t.wallet_error(ev.error.code, ev.error.message));
    return;
  }
  auto hash = parse_tx_hash(ev.result);
  if (!hash.ok()) {
    // The wallet may still have sent it: the backend's own log scan credits it anyway.
    fail(st, text(t.err_bad_answer, hash.error));
    return;
  }
  s.payment.tx_hash = *hash.value;
  s.payment.phase = PaymentPhase::on_chain;
  remember(st, s.payment);
  poll_receipt(st);
}

void on_receipt(Step& st, const Event& ev) {
  auto& p = st.s.payment;
  if (p.phase != PaymentPhase::on_chain) return;
  const Strings& t = st.t();
  const json* receipt = ev.ok && ev.result.is_object() ? &ev.result : nullptr;
  if (receipt && receipt->contains("status") && (*receipt)["status"].is_string()) {
    const auto status = parse_hex_quantity((*receipt)["status"].get<std::string>());
    if (status && *status == 1) return record(st);
    if (status && *status == 0) {
      forget(st, p);  // reverted: no G$ moved
      return fail(st, text(t.pay_reverted, p.tx_hash));
    }
  }
  // Not mined yet (null), or an unreadable answer: look again, up to a generous limit.
  if (++p.receipt_polls >= kMaxReceiptPolls) return fail(st, t.pay_not_found);
  st.timer(Purpose::receipt_timer, kReceiptPollMs);
}

void on_recorded(Step& st, const Event& ev) {
  auto& s = st.s;
  auto& p = s.payment;
  if (p.phase != PaymentPhase::crediting) return;
  const HttpResult r = read_http(ev);
  if (r.ok && p.kind != TxKind::one_time && r.status == 200) {
    forget(st, p);
    stream_change_done(st);
    return;
  }
  if (r.ok) {
    auto credit = parse_record_credit(r.body);
    if (credit.ok()) {
      p.credited_micro_usd = *credit.value;
      p.phase = PaymentPhase::confirmed;
      p.backend_retrying = false;
      forget(st, p);
      json detail = event_base(s);
      detail["txHash"] = p.tx_hash;
      detail["credits"] = format_units(p.credited_micro_usd, 4, 4, '.', 0);
      st.emit("pay-success", detail);
      load_profile(st);
      read_balance(st);
      return;
    }
  }
  // 4xx other than "not yet": the backend refuses this transaction. Keep the hash visible.
  if (r.status >= 400 && r.status < 500 && r.status != 404 && r.status != 409 && r.status != 429) {
    return fail(st, text(st.t().pay_credit_refused, r.error));
  }
  // Unreachable, 5xx, 202 "pending", 404 "receipt not seen yet": stay pending and retry. A
  // 202 with confirmations says how deep the block is of how deep it must be.
  p.confirmations = 0;
  p.required_confirmations = 0;
  if (r.status == 202 && r.body.is_object()) {
    const json& have = r.body.contains("confirmations") ? r.body.at("confirmations") : json();
    const json& need = r.body.contains("requiredConfirmations") ? r.body.at("requiredConfirmations") : json();
    if (have.is_number_unsigned() && need.is_number_unsigned() && need.get<uint64_t>() <= 100000) {
      p.confirmations = std::min(have.get<uint64_t>(), need.get<uint64_t>());
      p.required_confirmations = need.get<uint64_t>();
      p.backend_retrying = false;  // not a failure: the chain is confirming it
      st.timer(Purpose::record_timer, kRecordRetryMs);
      return;
    }
  }
  p.backend_retrying = true;
  st.timer(Purpose::record_timer, kRecordRetryMs);
}

}  // namespace

void send_transaction(Step& st, PaymentFacet p, const std::string& to, const std::string& data) {
  auto& s = st.s;
  if (data.empty() || !is_address(to) || s.payment.phase != PaymentPhase::none) return;
  p.phase = PaymentPhase::awaiting_wallet;
  p.account = s.wallet.account;
  p.chain_id = s.wallet.chain_id;
  s.payment = p;
  st.clear_notice();
  // A gas limit of our own: Superfluid keeps gas in reserve for the vault's callbacks, so a
  // node's estimate can fall short and the transaction runs out of gas inside the callback
  // (seen with updateFlow). The payer pays only the gas used.
  st.wallet(Purpose::send_payment, "eth_sendTransaction",
            json::array({{{"from", s.wallet.account}, {"to", to}, {"data", data}, {"value", "0x0"},
                          {"gas", to_hex_quantity(kSuperfluidGasLimit)}}}));
}

std::string pending_key(const std::string& account, uint64_t chain_id) {
  return "acw.pending." + account + "." + fmt::to_string(chain_id);
}

void load_stored(State& s, const json& stored) {
  if (!stored.is_object()) return;
  for (const auto& [key, value] : stored.items()) {
    if (!value.is_string() || key.size() > 128) continue;
    if (key.rfind("acw.pending.", 0) == 0) s.stored_pending[key] = value.get<std::string>();
    if (key.rfind("acw.paused.", 0) == 0) s.stored_paused[key] = value.get<std::string>();
  }
}

void resume_stored_payment(Step& st) {
  auto& s = st.s;
  if (s.payment.phase != PaymentPhase::none) return;
  auto it = s.stored_pending.find(pending_key(s.wallet.account, s.wallet.chain_id));
  if (it == s.stored_pending.end()) return;
  auto doc = parse_json(it->second, 4096);
  if (!doc.ok() || !doc.value->is_object()) return;
  auto hash = parse_tx_hash(doc.value->contains("txHash") ? doc.value->at("txHash") : json());
  if (!hash.ok()) return;
  s.payment.phase = PaymentPhase::on_chain;
  s.payment.kind = kind_from(*doc.value);
  s.payment.account = s.wallet.account;
  s.payment.chain_id = s.wallet.chain_id;
  s.payment.tx_hash = *hash.value;
  if (doc.value->contains("flowRate") && doc.value->at("flowRate").is_string()) {
    s.payment.flow_rate = parse_decimal(doc.value->at("flowRate").get<std::string>()).value_or(0);
  }
  s.payment.pausing = doc.value->contains("pausing") && doc.value->at("pausing") == true;
  if (doc.value->contains("amountWei") && doc.value->at("amountWei").is_string()) {
    s.payment.amount_wei = parse_decimal(doc.value->at("amountWei").get<std::string>()).value_or(0);
  }
  poll_receipt(st);
}

void payment_click(Step& st, const std::string& id) {
  auto& s = st.s;
  auto& p = s.payment;
  if (id == "pay") {
    start_payment(st);
  } else if (id == "try_again" && p.phase == PaymentPhase::failed && p.tx_hash.empty()) {
    p = PaymentFacet{};  // the typed amount is kept: one click to retry
  } else if (id == "check_again" && p.phase == PaymentPhase::failed && !p.tx_hash.empty()) {
    p.phase = PaymentPhase::on_chain;
    p.receipt_polls = 0;
    p.failure.clear();
    poll_receipt(st);
  } else if ((id == "done" || id == "dismiss_payment" || id.rfind("nav.", 0) == 0) &&
             (p.phase == PaymentPhase::confirmed || p.phase == PaymentPhase::failed)) {
    // "Next: get your API key" (nav.api_key) leaves the confirmation as "Done" does.
    if (p.phase == PaymentPhase::confirmed) s.purchase.amount_text.clear();
    p = PaymentFacet{};
  } else if (id == "copy_tx" && !p.tx_hash.empty()) {
    st.copy("copy_tx", p.tx_hash);
  } else if (id == "open_tx" && !explorer_tx_url(s, p.tx_hash).empty()) {
    st.effects.push_back(open_effect(explorer_tx_url(s, p.tx_hash)));
  }
}

void payment_answer(Step& st, Purpose purpose, bool stale, const Event& ev) {
  auto& s = st.s;
  switch (purpose) {
    case Purpose::send_payment: {
      auto it = s.detached_sends.find(ev.effect_id);
      PaymentFacet detached = it != s.detached_sends.end() ? it->second : PaymentFacet{};
      const bool was_detached = it != s.detached_sends.end();
      if (was_detached) s.detached_sends.erase(it);
      on_sent(st, stale || was_detached, ev, detached);
      return;
    }
    case Purpose::poll_receipt:
      if (!stale) on_receipt(st, ev);
      return;
    case Purpose::receipt_timer:
      if (!stale && s.payment.phase == PaymentPhase::on_chain) poll_receipt(st);
      return;
    case Purpose::record_payment:
      if (!stale) on_recorded(st, ev);
      return;
    case Purpose::record_timer:
      if (!stale && s.payment.phase == PaymentPhase::crediting) record(st);
      return;
    default: return;
  }
}

}  // namespace acw
