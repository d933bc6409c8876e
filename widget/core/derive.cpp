#include "derive.h"

#include "quote.h"

namespace acw {

namespace {

StateName stream_view_state(const State& s) {
  if (s.stream.editing) return StateName::streaming_setup;
  switch (s.stream.phase) {
    case StreamPhase::active: return StateName::streaming_active;
    case StreamPhase::paused: return StateName::streaming_paused;
    case StreamPhase::stopped: return StateName::streaming_stopped;
    case StreamPhase::none: return StateName::streaming_setup;
  }
  return StateName::streaming_setup;
}

// Buy view (and the API key view, which shows the same balance states around its card).
StateName balance_state(const State& s) {
  const auto& c = s.credits;
  if (c.known && c.used_micro_usd > 0 && c.remaining_micro_usd <= s.backend.min_credit_micro_usd) {
    return StateName::insufficient_ai_credits;
  }
  if (c.known && c.remaining_micro_usd > 0) return StateName::has_credits;
  return StateName::connected_empty;
}

}  // namespace

StateName derive_state_name(const State& s) {
  // 1–2: wallet and chain.
  if (s.wallet.phase != WalletPhase::connected) return StateName::disconnected;
  if (s.wallet.chain_id != s.config.chain_id) return StateName::unsupported_chain;

  // 3: a payment or stream change in flight or just finished.
  switch (s.payment.phase) {
    case PaymentPhase::awaiting_wallet:
    case PaymentPhase::on_chain:
    case PaymentPhase::crediting: return StateName::payment_pending;
    case PaymentPhase::failed: return StateName::payment_failed;
    case PaymentPhase::confirmed: return StateName::payment_confirmed;
    case PaymentPhase::none: break;
  }

  // 4: the backend cannot give what the view needs.
  if (s.backend.health == BackendHealth::unavailable) return StateName::backend_unavailable;

  // 5: the current view.
  switch (s.view) {
    case View::stream: return stream_view_state(s);
    case View::usage: return s.usage.count > 0 ? StateName::usage_active : StateName::usage_empty;
    case View::api_key:
    case View::history: return balance_state(s);  // History does not change the precedence
    case View::buy: break;
  }
  const BuyQuote q = buy_quote(s);
  if (q.amount.wei) {
    return q.exceeds_balance ? StateName::insufficient_g_balance : StateName::quote_ready;
  }
  return balance_state(s);
}

}  // namespace acw
