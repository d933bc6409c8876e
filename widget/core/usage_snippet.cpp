#include "usage_snippet.h"

namespace acw {

std::string usage_snippet(const State& s) {
  const std::string key = s.api_key.new_token.empty() ? "gd_live_…" : s.api_key.new_token;
  return "curl -X POST " + s.config.backend_url + "/v1/usage \\\n  -H \"Authorization: Bearer " + key +
         "\" \\\n  -H \"Content-Type: application/json\" \\\n"
         "  -d '{\"model\":\"gpt-4o-mini\",\"requestId\":\"req-1\",\"costUsd\":\"20000\"}'";
}

}  // namespace acw
