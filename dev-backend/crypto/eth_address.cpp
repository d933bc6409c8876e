#include "crypto/eth_address.h"

#include "core/wire.h"
#include "crypto/keccak.h"

namespace acw::backend {

std::string address_from_public_key(const Bytes& uncompressed) {
  if (uncompressed.size() != 65 || uncompressed[0] != 0x04) return {};
  const Bytes digest = keccak256(uncompressed.data() + 1, 64);
  return "0x" + to_hex(digest.data() + 12, 20);
}

std::string checksum_address(std::string_view address) {
  if (!acw::is_address(address)) return {};
  const std::string lower = to_lower(address.substr(2));
  const std::string hash = keccak256_hex(lower);
  std::string out = "0x";
  for (size_t i = 0; i < lower.size(); ++i) {
    const char c = lower[i];
    const bool upper = c >= 'a' && c <= 'f' && hash[i] >= '8';
    out.push_back(upper ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

}  // namespace acw::backend
