// Sign-in with Ethereum for API key management: issue a single-use nonce with its
// EIP-4361 message, and verify the personal_sign signature of that message.
#pragma once
#include <string>

#include "siwe.h"
#include "store/store.h"

namespace acw::backend {

// Creates and stores a nonce (32 hex digits from the CSPRNG) and its message, valid for
// kSiweTtlMs. nullopt when the store fails.
std::optional<NonceRecord> issue_nonce(Store& store, const std::string& account,
                                       uint64_t chain_id, const SiweOrigin& origin,
                                       int64_t now_ms);

struct SignInResult {
  bool ok = false;
  int status = 401;   // HTTP status when not ok (401, or 500 for a store failure)
  std::string error;  // a sentence for {"error": ...}
};

// Verifies that `signature` is `account`'s personal_sign of the message issued with `nonce`,
// that the nonce was issued for `account` and, when the request comes from a page (its
// Origin header), for that page's site; that it is unexpired and unused; then marks it used.
// `account` is lower-case, `signature` already checked to be "0x" + 130 hex digits.
SignInResult verify_sign_in(Store& store, const std::string& account, const std::string& nonce,
                            const std::string& signature, std::string_view origin_header,
                            int64_t now_ms);

}  // namespace acw::backend
