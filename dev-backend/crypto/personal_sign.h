// EIP-191 personal_sign: who signed a text message.
#pragma once
#include <string>
#include <string_view>

#include "core/wire.h"
#include "util/hex.h"

namespace acw::backend {

// keccak("\x19Ethereum Signed Message:\n" + decimal byte length + message), 32 bytes.
Bytes personal_message_hash(std::string_view message);

// The lower-case address that produced `signature` ("0x" + 130 hex digits: r || s || v,
// v in {27, 28} or {0, 1}) over `message`. Fails on malformed hex, a bad v, r or s out of
// range, or a signature from which no key can be recovered.
acw::Parsed<std::string> recover_personal_sign(std::string_view message,
                                               std::string_view signature);

}  // namespace acw::backend
