// The dev backend's request headers, without a server. Input lines: Authorization, Origin,
// Host, and a configured --siwe-origin. Read as the routes do: bearer_token / is_api_key_token
// (api_key.h), choose_siwe_origin / origin_from_url (siwe.h, the sign-in message's domain).
// Invariants: no crash or throw; a bearer token is non-empty and trimmed; a chosen domain is a
// valid authority without spaces or line breaks, so the EIP-4361 text keeps its exact lines
// (no header can inject a line into what the wallet shows and signs).
#include <algorithm>

#include "api_key.h"
#include "fuzz_check.h"
#include "siwe.h"
#include "util/hex.h"
#include "util/time.h"

using namespace acw::backend;

namespace {

void check_origin(const std::optional<SiweOrigin>& origin) {
  if (!origin) return;
  const std::string& d = origin->domain;
  FUZZ_CHECK(is_valid_authority(d), d);
  for (char c : d) {
    FUZZ_CHECK(c != '\n' && c != '\r' && c != ' ' && c != '/' && c != '@' && c != '\0', d);
  }
  FUZZ_CHECK(origin->uri == "http://" + d || origin->uri == "https://" + d, origin->uri);

  SiweFields f;
  f.domain = d;
  f.address = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
  f.uri = origin->uri;
  f.chain_id = 31337;
  f.nonce = "0123456789abcdef";
  f.issued_at_ms = 1714564800000;
  f.expires_at_ms = f.issued_at_ms + kSiweTtlMs;
  const std::string message = build_siwe_message(f);
  FUZZ_CHECK(std::count(message.begin(), message.end(), '\n') == 10, message);  // 11 lines
  FUZZ_CHECK(message.rfind(d + " wants you to sign in", 0) == 0, message);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return 0;
  const std::vector<std::string_view> l = acw::fuzz::lines(acw::fuzz::as_text(data, size));
  const std::string_view authorization = l[0];
  const std::string_view origin = l.size() > 1 ? l[1] : std::string_view();
  const std::string_view host = l.size() > 2 ? l[2] : std::string_view();
  const std::string_view configured = l.size() > 3 ? l[3] : std::string_view();

  if (auto token = bearer_token(authorization)) {
    FUZZ_CHECK(!token->empty() && token->front() != ' ' && token->back() != ' ', *token);
    FUZZ_CHECK(to_lower(authorization.substr(0, 7)) == "bearer ", std::string(authorization));
    if (is_api_key_token(*token)) FUZZ_CHECK(token->size() == 8 + 64 && token->rfind("gd_live_", 0) == 0, *token);
  }
  if (is_api_key_id(authorization)) FUZZ_CHECK(authorization.size() == 20, std::string(authorization));

  (void)host;  // no longer read: the domain is never taken from the request's Host
  const auto sites = origins_from_list(configured);
  if (sites) {
    for (const SiweOrigin& site : *sites) check_origin(site);
    const auto chosen = choose_siwe_origin(*sites, origin);
    check_origin(chosen);
    // Only ever one of the configured sites.
    if (chosen) {
      FUZZ_CHECK(std::any_of(sites->begin(), sites->end(), [&](const SiweOrigin& s) { return s.uri == chosen->uri; }),
                 chosen->uri);
    }
  }
  check_origin(choose_siwe_origin({}, origin));
  return 0;
}
