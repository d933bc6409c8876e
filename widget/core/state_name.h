// The one reported state of the widget (SPEC.md §1). The names are a public contract:
// the snapshot hook, `state-change` events, the storybook and the tests use them.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace acw {

enum class StateName {
  disconnected,
  unsupported_chain,
  connected_empty,
  quote_ready,
  insufficient_g_balance,
  payment_pending,
  payment_confirmed,
  payment_failed,
  backend_unavailable,
  has_credits,
  usage_empty,
  usage_active,
  insufficient_ai_credits,
  streaming_setup,
  streaming_active,
  streaming_paused,
  streaming_stopped,
};

constexpr std::array<StateName, 17> kAllStateNames = {
    StateName::disconnected,       StateName::unsupported_chain,
    StateName::connected_empty,    StateName::quote_ready,
    StateName::insufficient_g_balance, StateName::payment_pending,
    StateName::payment_confirmed,  StateName::payment_failed,
    StateName::backend_unavailable, StateName::has_credits,
    StateName::usage_empty,        StateName::usage_active,
    StateName::insufficient_ai_credits, StateName::streaming_setup,
    StateName::streaming_active,   StateName::streaming_paused,
    StateName::streaming_stopped,
};

std::string_view to_string(StateName name);
std::optional<StateName> state_name_from_string(std::string_view text);

}  // namespace acw
