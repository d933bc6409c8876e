// The one place that decides how the configured chain is named and added to a wallet:
// the element's attributes pin a value; else the credits backend's /config/values says it;
// else the name is "chain <id>" and the chain cannot be added (the person is told so).
#pragma once
#include <string>

#include "state.h"

namespace acw {

struct ChainSettings {
  std::string name;           // "Switch to <name>", wallet_addEthereumChain's chainName
  std::string rpc_url;        // empty: the widget cannot ask the wallet to add the chain
  std::string native_symbol;  // empty: likewise
  std::string explorer_url;   // optional for wallet_addEthereumChain
  bool can_add() const { return !rpc_url.empty() && !native_symbol.empty(); }
};

ChainSettings chain_settings(const State& s);

// The explorer's page of a transaction, or "" when no explorer is configured.
std::string explorer_tx_url(const State& s, const std::string& tx_hash);

// wallet_addEthereumChain's params, or null when the settings cannot add the chain.
json add_chain_params(const State& s);

}  // namespace acw
