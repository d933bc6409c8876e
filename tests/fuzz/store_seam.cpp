// Link seam for the fuzz build, which has no SQLite store: api_key.cpp (fuzzed for its token
// and id checks) also holds authenticate_api_key, whose one Store call is defined here so the
// file links without store/*.cpp and SQLite. No fuzz target calls it (it needs a database).
#include <cstdlib>

#include "store/store.h"

namespace acw::backend {

std::optional<ApiKeyRecord> Store::find_api_key_by_hash(const std::string&) { std::abort(); }

}  // namespace acw::backend
