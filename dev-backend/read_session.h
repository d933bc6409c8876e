// Read sessions: who may read an account's usage log and API key metadata. A sign-in
// (POST /v1/auth/session, or the one that creates an API key) returns a short-lived token
// "gd_read_" + 64 hex digits; only its SHA-256 is stored. The account's own live API key is
// accepted too (an AI tool reading its usage).
#pragma once
#include <string>
#include <string_view>

#include "store/store.h"

namespace acw::backend {

inline constexpr std::string_view kReadSessionPrefix = "gd_read_";
inline constexpr int64_t kReadSessionTtlMs = 30 * 60 * 1000;

struct NewReadSession {
  std::string token;  // secret: returned once, never logged or stored
  ReadSessionRecord record;
};

NewReadSession generate_read_session(const std::string& account, int64_t now_ms);

struct ReadAuth {
  bool ok = false;
  int status = 401;   // when not ok: 401 (no, unknown, expired or revoked credential),
                      // 403 (another account's)
  std::string error;
};

// Checks "Authorization: Bearer <read session or API key>" for reading `account`'s data.
ReadAuth authorize_account_read(Store& store, std::string_view authorization,
                                const std::string& account, int64_t now_ms);

}  // namespace acw::backend
