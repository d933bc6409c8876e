#include "read_session.h"

#include "api_key.h"
#include "crypto/random.h"
#include "crypto/sha256.h"
#include "util/hex.h"

namespace acw::backend {
namespace {

constexpr const char* kHowTo =
    "sign in to read this account's usage and keys: Authorization: Bearer <readSession token "
    "from POST /v1/auth/session, or an API key of the account>";

bool is_read_session_token(std::string_view token) {
  return token.size() == kReadSessionPrefix.size() + 64 &&
         token.substr(0, kReadSessionPrefix.size()) == kReadSessionPrefix &&
         is_lower_hex(token.substr(kReadSessionPrefix.size()));
}

ReadAuth refuse(int status, std::string error) {
  ReadAuth auth;
  auth.status = status;
  auth.error = std::move(error);
  return auth;
}

ReadAuth for_account(const std::string& owner, const std::string& account) {
  if (owner != account) return refuse(403, "this sign-in is for another account");
  ReadAuth auth;
  auth.ok = true;
  auth.status = 200;
  return auth;
}

}  // namespace

NewReadSession generate_read_session(const std::string& account, int64_t now_ms) {
  NewReadSession session;
  session.token = std::string(kReadSessionPrefix) + random_hex(32);
  session.record.token_sha256 = sha256_hex(session.token);
  session.record.account = account;
  session.record.created_at_ms = now_ms;
  session.record.expires_at_ms = now_ms + kReadSessionTtlMs;
  return session;
}

ReadAuth authorize_account_read(Store& store, std::string_view authorization,
                                const std::string& account, int64_t now_ms) {
  auto token = bearer_token(authorization);
  if (!token) return refuse(401, kHowTo);
  if (is_read_session_token(*token)) {
    const std::string digest = sha256_hex(*token);
    auto session = store.find_read_session(digest);
    if (!session || !constant_time_equal(session->token_sha256, digest)) {
      return refuse(401, "unknown session: sign in again");
    }
    if (session->expires_at_ms <= now_ms) return refuse(401, "the session expired: sign in again");
    return for_account(session->account, account);
  }
  KeyAuthResult key = authenticate_api_key(store, *token);
  if (key.status == KeyAuth::ok) return for_account(key.key.account, account);
  if (key.status == KeyAuth::revoked) return refuse(401, "this API key is revoked");
  return refuse(401, kHowTo);
}

}  // namespace acw::backend
