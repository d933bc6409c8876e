#include "chain_settings.h"

#include "strings.h"

namespace acw {

namespace {

const std::string& first_of(const std::string& pinned, const std::string& from_backend) {
  return pinned.empty() ? from_backend : pinned;
}

}  // namespace

ChainSettings chain_settings(const State& s) {
  const Config& c = s.config;
  const BackendChain& b = s.backend_chain;
  ChainSettings out;
  out.name = first_of(c.chain_name, b.name);
  if (out.name.empty()) out.name = text(strings_for(c.locale).chain_unnamed, c.chain_id);
  out.rpc_url = first_of(c.rpc_url, b.rpc_url);
  out.native_symbol = first_of(c.native_symbol, b.native_symbol);
  out.explorer_url = first_of(c.explorer_url, b.explorer_url);
  return out;
}

std::string explorer_tx_url(const State& s, const std::string& tx_hash) {
  std::string url = chain_settings(s).explorer_url;
  return url.empty() || tx_hash.empty() ? std::string() : url + "/tx/" + tx_hash;
}

json add_chain_params(const State& s) {
  const ChainSettings c = chain_settings(s);
  if (!c.can_add()) return nullptr;
  json params = {{"chainId", chain_id_hex(s.config.chain_id)},
                 {"chainName", c.name},
                 {"nativeCurrency", {{"name", c.native_symbol}, {"symbol", c.native_symbol}, {"decimals", 18}}},
                 {"rpcUrls", json::array({c.rpc_url})}};
  if (!c.explorer_url.empty()) params["blockExplorerUrls"] = json::array({c.explorer_url});
  return json::array({params});
}

}  // namespace acw
