// ABI return data: getFlowInfo's four words as the node returns them (core/abi.h). The input
// is the raw hex text of the eth_call result.
// Invariants: no crash; an accepted answer is "0x" + 4 words of hex digits, and the decoded
// fields are exactly those words (a negative int96 rate reads as 0).
#include "core/abi.h"
#include "core/wire.h"
#include "fuzz_check.h"

using namespace acw;

namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::optional<uint128> word(std::string_view hex, size_t i) {
  return parse_hex_quantity("0x" + std::string(hex.substr(2 + i * 64, 64)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view hex = fuzz::as_text(data, size);
  const std::optional<FlowInfo> info = decode_flow_info(hex);
  if (!info) return 0;

  FUZZ_CHECK(hex.size() == 2 + 4 * 64 && hex.substr(0, 2) == "0x", std::string(hex));
  for (char c : hex.substr(2)) FUZZ_CHECK(is_hex(c), "accepted a non-hex digit: " + std::string(hex));
  FUZZ_CHECK(word(hex, 0) == uint128{info->last_updated}, "lastUpdated");
  FUZZ_CHECK(word(hex, 2) == info->deposit, "deposit");
  const char top = hex[2 + 64];
  const bool negative = (top >= '8' && top <= '9') || (top >= 'a' && top <= 'f') || (top >= 'A' && top <= 'F');
  if (negative) {
    FUZZ_CHECK(info->flow_rate == 0, "negative rate");
  } else {
    FUZZ_CHECK(word(hex, 1) == info->flow_rate, "flowRate");
  }
  // The same answer through the JSON path the reducer uses for single words.
  FUZZ_CHECK(parse_uint256_word(json("0x" + std::string(hex.substr(2 + 128, 64)))).ok(), "deposit word");
  return 0;
}
