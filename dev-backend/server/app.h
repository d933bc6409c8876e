// What the route handlers share: configuration and the services they call.
#pragma once
#include <optional>
#include <string>

#include "chain/rpc_client.h"
#include "chain/scanner.h"
#include "chain/vault_reader.h"
#include "deployment.h"
#include "server/http_limits.h"
#include "server/rate_limit.h"
#include "siwe.h"
#include "store/store.h"
#include "util/time.h"

namespace acw::backend {

struct AppConfig {
  Deployment deployment;
  uint32_t deposit_bonus_bps = 1000;
  uint32_t stream_bonus_bps = 2000;
  std::vector<SiweOrigin> siwe_origins = default_siwe_origins();  // sign-in is for these sites
  std::string chain_name = "Anvil (local)";
  std::string native_symbol = "ETH";  // the chain's gas currency, for wallet_addEthereumChain
  std::string explorer_url;
  RateLimits rate_limits;  // per client IP; unlimited unless set (main.cpp passes the flags)
  HttpLimits http;
  uint64_t confirmations = 1;  // a transaction counts once its block is this deep (1: at once)
};

struct App {
  AppConfig config;
  Store& store;
  JsonRpc& rpc;
  VaultReader& vault;
  Scanner& scanner;  // the routes sync the chain's logs through it before stream work
  Clock clock;
};

}  // namespace acw::backend
