// The command line the Usage view shows, and its Copy button copies: one request to the
// backend's usage route as an AI tool would send it.
#pragma once
#include <string>

#include "state.h"

namespace acw {

// With the key just created (still in memory) the command works as copied; otherwise it
// names the key by its prefix for the person to fill in.
std::string usage_snippet(const State& s);

}  // namespace acw
