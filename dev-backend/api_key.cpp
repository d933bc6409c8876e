#include "api_key.h"

#include "crypto/random.h"
#include "crypto/sha256.h"
#include "util/hex.h"

namespace acw::backend {
namespace {

bool has_hex_tail(std::string_view text, std::string_view prefix, size_t digits) {
  return text.size() == prefix.size() + digits && text.substr(0, prefix.size()) == prefix &&
         is_lower_hex(text.substr(prefix.size()));
}

}  // namespace

NewApiKey generate_api_key(const std::string& account, int64_t now_ms) {
  NewApiKey key;
  key.token = std::string(kApiKeyTokenPrefix) + random_hex(32);
  key.record.id = "key_" + random_hex(8);
  key.record.account = account;
  key.record.token_sha256 = sha256_hex(key.token);
  key.record.token_prefix = key.token.substr(0, kApiKeyDisplayPrefix);
  key.record.created_at_ms = now_ms;
  return key;
}

bool is_api_key_token(std::string_view token) {
  return has_hex_tail(token, kApiKeyTokenPrefix, 64);
}

bool is_api_key_id(std::string_view id) { return has_hex_tail(id, "key_", 16); }

std::optional<std::string> bearer_token(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size()) return std::nullopt;
  if (to_lower(authorization.substr(0, kScheme.size())) != kScheme) return std::nullopt;
  std::string_view token = authorization.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (token.empty()) return std::nullopt;
  return std::string(token);
}

KeyAuthResult authenticate_api_key(Store& store, std::string_view token) {
  KeyAuthResult result;
  if (!is_api_key_token(token)) {
    result.status = KeyAuth::malformed;
    return result;
  }
  const std::string digest = sha256_hex(token);
  // A lookup by digest reveals nothing useful about the token; the final comparison is
  // constant-time anyway.
  auto key = store.find_api_key_by_hash(digest);
  if (!key || !constant_time_equal(key->token_sha256, digest)) {
    result.status = KeyAuth::unknown;
    return result;
  }
  result.key = *key;
  result.status = key->revoked_at_ms ? KeyAuth::revoked : KeyAuth::ok;
  return result;
}

}  // namespace acw::backend
