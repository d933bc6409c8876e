// Builds the ViewModel (what to draw) from the State. All texts come from the locale table.
#pragma once
#include "state.h"
#include "view_model.h"

namespace acw {

ViewModel build_view_model(const State& state);

// "0xf39f…2266"
std::string short_address(const std::string& address);

}  // namespace acw
