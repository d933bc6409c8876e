// State <-> JSON, for the storybook's fixtures and for tests. Every facet is optional in the
// input (missing = its default); present fields are strictly typed. Amounts are decimal strings.
#pragma once
#include <string_view>

#include "state.h"
#include "wire.h"

namespace acw {

Parsed<State> state_from_json(const json& fixture);
json state_to_json(const State& state);

}  // namespace acw
