// The command line of acw-dev-backend.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/wire.h"
#include "server/http_limits.h"
#include "server/rate_limit.h"
#include "siwe.h"

namespace acw::backend {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8787;  // 0 = any free port (printed on start)
  std::string db_path = "build/dev-backend.sqlite";
  std::string deployment_path = "build/chain/deployment.json";
  uint32_t deposit_bonus_bps = 1000;
  uint32_t stream_bonus_bps = 2000;
  int64_t scan_interval_ms = 1000;  // 0 turns the log scanner off
  // The scanner loop credits an active stream once this much block time has accrued since
  // its last credit (0: only flow events and POST …/stream-credits credit streams).
  int64_t stream_cron_seconds = 60;
  int64_t price_cache_ms = 5000;
  // A payment or flow change counts once its block is this many blocks deep (1: its own
  // block; anvil in the demo). Celo: see the README.
  int64_t confirmations = 1;
  // --siwe-origin https://a.example,http://localhost:5173 (repeatable): the sites sign-in is
  // offered to; default_siwe_origins() when not given.
  std::vector<SiweOrigin> siwe_origins;
  std::string chain_name = "Anvil (local)";
  std::string native_symbol = "ETH";  // anvil's gas currency (CELO on Celo)
  std::string explorer_url;  // "" = none
  // Per-client-IP token buckets (requests per second; burst 0 = twice the rate; rate 0 =
  // unlimited). Reads: GET/HEAD/OPTIONS; writes: every other method.
  int64_t read_rate = 100;
  int64_t read_burst = 0;
  int64_t write_rate = 20;
  int64_t write_burst = 0;
  // Connections in all and per client IP; the deadline for a whole request (head and body).
  int64_t max_connections = 1024;
  int64_t max_connections_per_client = 64;
  int64_t request_timeout_ms = 10000;
  bool help = false;
};

// args excludes the program name. Errors name the flag.
// The limits the server applies, from the four flags above.
RateLimits rate_limits_of(const Options& options);
// The HTTP limits: the defaults of HttpLimits with the three flags above; idle keep-alive
// connections are closed from 3/4 of --max-connections on.
HttpLimits http_limits_of(const Options& options);

acw::Parsed<Options> parse_options(const std::vector<std::string>& args);
std::string usage_text();

}  // namespace acw::backend
