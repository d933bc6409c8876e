// The only place the state changes. Deterministic and total: any event in any state is
// handled or ignored; malformed wallet answers become notices, never crashes.
#pragma once
#include <vector>

#include "effect.h"
#include "event.h"
#include "state.h"

namespace acw {

std::vector<Effect> reduce(State& state, const Event& event);

}  // namespace acw
