// Ethereum addresses from public keys, and their EIP-55 mixed-case checksum form.
#pragma once
#include <string>
#include <string_view>

#include "util/hex.h"

namespace acw::backend {

// Address of an uncompressed secp256k1 public key (65 bytes, 0x04 || X || Y): "0x" + the
// last 20 bytes of keccak(X || Y), lower-case. "" when the key is not 65 bytes with 0x04.
std::string address_from_public_key(const Bytes& uncompressed);

// EIP-55: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed". `address` is "0x" + 40 hex digits
// of any case; "" when it is not.
std::string checksum_address(std::string_view address);

}  // namespace acw::backend
