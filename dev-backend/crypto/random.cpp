#include "crypto/random.h"

#include <cryptopp/osrng.h>

namespace acw::backend {

Bytes random_bytes(size_t count) {
  Bytes out(count);
  if (count > 0) CryptoPP::OS_GenerateRandomBlock(false, out.data(), out.size());
  return out;
}

std::string random_hex(size_t byte_count) { return to_hex(random_bytes(byte_count)); }

}  // namespace acw::backend
