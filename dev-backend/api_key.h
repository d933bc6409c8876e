// API keys: "gd_live_" + 64 hex digits from the OS CSPRNG. Only the token's SHA-256 and its
// first 12 characters are stored; the token is shown once, at creation.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace acw::backend {

inline constexpr std::string_view kApiKeyTokenPrefix = "gd_live_";
inline constexpr size_t kApiKeyDisplayPrefix = 12;

struct NewApiKey {
  std::string token;  // secret: return it once, never log or store it
  ApiKeyRecord record;
};

NewApiKey generate_api_key(const std::string& account, int64_t now_ms);

bool is_api_key_token(std::string_view token);  // "gd_live_" + 64 lower-case hex digits
bool is_api_key_id(std::string_view id);        // "key_" + 16 lower-case hex digits

// The token of an "Authorization: Bearer <token>" header ("bearer" in any case); nullopt
// when the header is absent or not of that form.
std::optional<std::string> bearer_token(std::string_view authorization);

enum class KeyAuth { ok, malformed, unknown, revoked, store_error };
struct KeyAuthResult {
  KeyAuth status = KeyAuth::unknown;
  ApiKeyRecord key;  // set when ok or revoked
};

// Looks the token up by its SHA-256 and compares the digests in constant time.
KeyAuthResult authenticate_api_key(Store& store, std::string_view token);

}  // namespace acw::backend
