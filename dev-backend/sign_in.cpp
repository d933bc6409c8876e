#include "sign_in.h"

#include "crypto/personal_sign.h"
#include "crypto/random.h"

namespace acw::backend {
namespace {

SignInResult refuse(std::string why, int status = 401) {
  return SignInResult{false, status, std::move(why)};
}

}  // namespace

std::optional<NonceRecord> issue_nonce(Store& store, const std::string& account,
                                       uint64_t chain_id, const SiweOrigin& origin,
                                       int64_t now_ms) {
  NonceRecord r;
  r.nonce = random_hex(16);
  r.account = account;
  r.chain_id = chain_id;
  r.origin = origin.uri;
  r.issued_at_ms = now_ms;
  r.expires_at_ms = now_ms + kSiweTtlMs;
  SiweFields fields;
  fields.domain = origin.domain;
  fields.uri = origin.uri;
  fields.address = account;
  fields.chain_id = chain_id;
  fields.nonce = r.nonce;
  fields.issued_at_ms = r.issued_at_ms;
  fields.expires_at_ms = r.expires_at_ms;
  r.message = build_siwe_message(fields);
  if (!store.insert_nonce(r)) return std::nullopt;
  return r;
}

SignInResult verify_sign_in(Store& store, const std::string& account, const std::string& nonce,
                            const std::string& signature, std::string_view origin_header,
                            int64_t now_ms) {
  auto record = store.find_nonce(nonce);
  if (!record) return refuse("unknown nonce: request a new one");
  if (record->account != account) return refuse("the nonce was issued for another account");
  if (!origin_header.empty()) {
    auto origin = origin_from_url(origin_header);
    if (!origin || origin->uri != record->origin) {
      return refuse("the nonce was issued for another site");
    }
  }
  if (record->used_at_ms) return refuse("the nonce was used already: request a new one");
  if (now_ms >= record->expires_at_ms) return refuse("the nonce expired: request a new one");
  auto signer = recover_personal_sign(record->message, signature);
  if (!signer.ok()) return refuse("invalid signature: " + signer.error);
  if (*signer.value != account) return refuse("the signature is not from this account");
  if (!store.consume_nonce(nonce, now_ms)) {
    return refuse("the nonce was used already: request a new one");
  }
  return SignInResult{true, 200, {}};
}

}  // namespace acw::backend
