#include "state_name.h"

namespace acw {

std::string_view to_string(StateName name) {
  switch (name) {
    case StateName::disconnected: return "disconnected";
    case StateName::unsupported_chain: return "unsupported_chain";
    case StateName::connected_empty: return "connected_empty";
    case StateName::quote_ready: return "quote_ready";
    case StateName::insufficient_g_balance: return "insufficient_g_balance";
    case StateName::payment_pending: return "payment_pending";
    case StateName::payment_confirmed: return "payment_confirmed";
    case StateName::payment_failed: return "payment_failed";
    case StateName::backend_unavailable: return "backend_unavailable";
    case StateName::has_credits: return "has_credits";
    case StateName::usage_empty: return "usage_empty";
    case StateName::usage_active: return "usage_active";
    case StateName::insufficient_ai_credits: return "insufficient_ai_credits";
    case StateName::streaming_setup: return "streaming_setup";
    case StateName::streaming_active: return "streaming_active";
    case StateName::streaming_paused: return "streaming_paused";
    case StateName::streaming_stopped: return "streaming_stopped";
  }
  return "disconnected";
}

std::optional<StateName> state_name_from_string(std::string_view text) {
  for (StateName name : kAllStateNames) {
    if (to_string(name) == text) return name;
  }
  return std::nullopt;
}

}  // namespace acw
