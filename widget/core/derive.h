// The reported state name, derived from the facets by the precedence of SPEC.md §1 (see
// docs/states.md): first match wins.
#pragma once
#include "state.h"

namespace acw {

StateName derive_state_name(const State& state);

}  // namespace acw
