// What the route handlers share: configuration and the services they call.
#pragma once
#include <optional>
#include <string>

#include "chain/rpc_client.h"
#include "chain/vault_reader.h"
#include "deployment.h"
#include "siwe.h"
#include "store/store.h"
#include "util/time.h"

namespace acw::backend {

struct AppConfig {
  Deployment deployment;
  uint32_t deposit_bonus_bps = 1000;
  uint32_t stream_bonus_bps = 2000;
  std::optional<SiweOrigin> siwe_origin;
  std::string chain_name = "Anvil (local)";
  std::string explorer_url;
};

struct App {
  AppConfig config;
  Store& store;
  JsonRpc& rpc;
  VaultReader& vault;
  Clock clock;
};

}  // namespace acw::backend
