// Price and minimums, read from the vault's view functions over eth_call and cached briefly,
// so the widget, the backend and the contract agree.
#pragma once
#include <mutex>
#include <optional>
#include <string>

#include "chain/rpc_client.h"
#include "util/time.h"

namespace acw::backend {

struct VaultParams {
  acw::uint128 price_micro_usd_per_g = 0;
  acw::uint128 min_first_deposit_micro_usd = 0;
  acw::uint128 min_stream_micro_usd_per_month = 0;
};

struct VaultReading {
  VaultParams params;
  // "chain" (read now or within the cache time), "stale" (the node failed; the last good
  // reading), "deployment" (the node never answered; deployment.json's values).
  std::string source;
};

class VaultReader {
 public:
  // `fallback`: deployment.json's values, used until the node has answered once; nullopt
  // when deployment.json has none (then a failure is an error).
  VaultReader(JsonRpc& rpc, std::string vault, std::optional<VaultParams> fallback,
              int64_t cache_ms, Clock clock);

  // nullopt (with `error` set) only when the node fails and nothing is known.
  std::optional<VaultReading> read(std::string* error = nullptr);

 private:
  acw::Parsed<VaultParams> fetch();

  JsonRpc& rpc_;
  std::string vault_;
  std::optional<VaultParams> fallback_;
  int64_t cache_ms_;
  Clock clock_;
  std::mutex mutex_;
  std::optional<VaultParams> last_good_;
  int64_t last_good_at_ms_ = 0;
};

}  // namespace acw::backend
