// Create-time configuration of one widget: which chain and token it works with.
#pragma once
#include <cstdint>
#include <string>

#include "wire.h"

namespace acw {

struct Config {
  uint64_t chain_id = 0;
  // Chain settings pinned by attributes; empty = the backend's /config/values says (chain_settings.h).
  std::string chain_name;       // shown in "Switch to <chain_name>"
  std::string native_symbol;    // for wallet_addEthereumChain
  std::string token_address;    // lower-case 0x address of G$
  std::string token_symbol = "G$";
  std::string rpc_url;          // for wallet_addEthereumChain
  std::string explorer_url;     // empty = show hashes with a copy button instead of a link
  std::string locale = "en";
  std::string backend_url;      // credits backend base URL, no trailing slash; empty = none
  std::string mode = "once";    // the tab it opens on: "once" (Buy once) or "stream"
  int wallet_timeout_ms = 120'000;  // how long a wallet prompt may stay unanswered
  int http_timeout_ms = 10'000;     // every backend request
};

// {"chainId": "0x7a69" | "31337" | 31337, "chainName": "...", "tokenAddress": "0x...", ...}
// Unknown keys are ignored; known keys with a wrong type or value are errors.
Parsed<Config> parse_config(const json& value);
json config_to_json(const Config& config);

// "0x7a69", "31337" or a JSON integer; non-zero, fits 64 bits.
Parsed<uint64_t> parse_chain_id_any(const json& value);

}  // namespace acw
