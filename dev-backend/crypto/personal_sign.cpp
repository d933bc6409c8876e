#include "crypto/personal_sign.h"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include "crypto/eth_address.h"
#include "crypto/keccak.h"

namespace acw::backend {
namespace {

using Result = acw::Parsed<std::string>;

// A context for verification only, created once; libsecp256k1 contexts are safe to share
// between threads for operations that take them as const.
const secp256k1_context* verify_context() {
  static secp256k1_context* const ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  return ctx;
}

}  // namespace

Bytes personal_message_hash(std::string_view message) {
  std::string prefixed = "\x19";
  prefixed += "Ethereum Signed Message:\n";
  prefixed += std::to_string(message.size());
  prefixed.append(message.data(), message.size());
  return keccak256(prefixed);
}

Result recover_personal_sign(std::string_view message, std::string_view signature) {
  if (signature.size() != 132 || signature.substr(0, 2) != "0x") {
    return Result::fail("signature must be 0x followed by 130 hex digits");
  }
  const auto bytes = from_hex(signature);
  if (!bytes) return Result::fail("signature must be 0x followed by 130 hex digits");
  int v = (*bytes)[64];
  if (v == 27 || v == 28) v -= 27;
  if (v != 0 && v != 1) return Result::fail("signature has an invalid recovery byte");

  const secp256k1_context* ctx = verify_context();
  if (ctx == nullptr) return Result::fail("signature verification is unavailable");
  secp256k1_ecdsa_recoverable_signature sig;
  if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, bytes->data(), v)) {
    return Result::fail("signature is out of range");
  }
  const Bytes hash = personal_message_hash(message);
  secp256k1_pubkey pubkey;
  if (!secp256k1_ecdsa_recover(ctx, &pubkey, &sig, hash.data())) {
    return Result::fail("no signer can be recovered from this signature");
  }
  Bytes uncompressed(65);
  size_t length = uncompressed.size();
  secp256k1_ec_pubkey_serialize(ctx, uncompressed.data(), &length, &pubkey,
                                SECP256K1_EC_UNCOMPRESSED);
  std::string address = address_from_public_key(uncompressed);
  if (address.empty()) return Result::fail("no signer can be recovered from this signature");
  return Result::good(std::move(address));
}

}  // namespace acw::backend
