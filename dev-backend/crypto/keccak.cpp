#include "crypto/keccak.h"

#include <cryptopp/keccak.h>

namespace acw::backend {

Bytes keccak256(const uint8_t* data, size_t size) {
  CryptoPP::Keccak_256 hash;
  hash.Update(data, size);
  Bytes digest(CryptoPP::Keccak_256::DIGESTSIZE);
  hash.Final(digest.data());
  return digest;
}

Bytes keccak256(std::string_view data) {
  return keccak256(reinterpret_cast<const uint8_t*>(data.data()), data.size());
}

std::string keccak256_hex(std::string_view data) { return to_hex(keccak256(data)); }

std::string function_selector(std::string_view signature) {
  return "0x" + keccak256_hex(signature).substr(0, 8);
}

std::string event_topic(std::string_view signature) { return "0x" + keccak256_hex(signature); }

}  // namespace acw::backend
