// Cryptographically secure random bytes from the operating system (Crypto++'s
// OS_GenerateRandomBlock: getrandom / /dev/urandom). Thread-safe.
#pragma once
#include <string>

#include "util/hex.h"

namespace acw::backend {

Bytes random_bytes(size_t count);
std::string random_hex(size_t byte_count);  // 2 * byte_count lower-case hex digits

}  // namespace acw::backend
