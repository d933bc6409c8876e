// deployment.json, written by the chain deploy script: where the contracts are.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "chain/vault_reader.h"
#include "core/wire.h"

namespace acw::backend {

struct Deployment {
  uint64_t chain_id = 0;
  std::string rpc_url;
  std::string host;       // lower-case addresses; host, cfa and forwarder may be empty
  std::string cfa;
  std::string forwarder;
  std::string token;
  std::string vault;
  uint64_t deploy_block = 0;
  // The vault's price and minimums as deployed: used only until the node answers.
  std::optional<VaultParams> params;
};

// {"chainId":31337,"rpcUrl":"http://127.0.0.1:8545","host":"0x…","cfa":"0x…",
//  "forwarder":"0x…","token":"0x…","vault":"0x…","deployBlock":N,
//  "priceMicroUsdPerG":"10000","minFirstDepositMicroUsd":"1000000",
//  "minStreamMicroUsdPerMonth":"1000000","accounts":[…]}
// chainId, rpcUrl, token and vault are required; unknown keys are ignored.
acw::Parsed<Deployment> parse_deployment(const acw::json& value);
acw::Parsed<Deployment> load_deployment(const std::string& path);

}  // namespace acw::backend
