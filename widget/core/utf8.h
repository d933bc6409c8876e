// UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing above U+10FFFF.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace acw {

// The length (1 to 4) of the well-formed UTF-8 sequence that starts at text[at], or 0 when
// the bytes there are not one (a stray continuation byte, a cut sequence, an overlong form, a
// surrogate, a code point above U+10FFFF).
size_t utf8_sequence_length(std::string_view text, size_t at);

// Appends code point `cp` (at most U+10FFFF, not a surrogate) encoded as UTF-8.
void append_utf8(std::string& out, uint32_t cp);

}  // namespace acw
