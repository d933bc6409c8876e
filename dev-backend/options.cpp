#include "options.h"

#include <functional>
#include <map>

namespace acw::backend {
namespace {

using Result = acw::Parsed<Options>;

std::optional<int64_t> read_int(const std::string& text, int64_t min, int64_t max) {
  auto value = acw::parse_decimal(text);
  if (!value || text.size() > 18) return std::nullopt;
  const auto v = static_cast<int64_t>(*value);
  if (v < min || v > max) return std::nullopt;
  return v;
}

}  // namespace

std::string usage_text() {
  return "usage: acw-dev-backend [--host 127.0.0.1] [--port 8787]\n"
         "         [--db build/dev-backend.sqlite] [--deployment build/chain/deployment.json]\n"
         "         [--deposit-bonus-bps 1000] [--stream-bonus-bps 2000]\n"
         "         [--scan-interval-ms 1000] [--stream-cron-seconds 60] [--price-cache-ms 5000]\n"
         "         [--siwe-origin http://localhost:5173] [--chain-name \"Anvil (local)\"]\n"
         "         [--native-symbol ETH] [--explorer-url URL] [--read-rate 100] [--read-burst 200]\n"
         "         [--write-rate 20] [--write-burst 40] [--max-connections 1024]\n"
         "         [--max-connections-per-client 64] [--request-timeout-ms 10000] [--confirmations 1]\n"
         "  --port 0 picks a free port; --scan-interval-ms 0 turns the log scanner off;\n"
         "  --stream-cron-seconds N: the scanner credits an active stream when N seconds of\n"
         "  block time accrued since its last credit (0: only events and stream-credits do);\n"
         "  --siwe-origin ORIGIN[,ORIGIN…]: the sites sign-in is offered to (repeatable;\n"
         "  default http://127.0.0.1:8080,http://localhost:8080, the demo page): a nonce is\n"
         "  issued only to a page of one of them (its Origin header) or to a client sending no\n"
         "  Origin (then for the first), and a key only from the same site;\n"
         "  --read-rate/--write-rate N: requests per second per client IP (reads: GET, HEAD,\n"
         "  OPTIONS; writes: the rest), bursts of --read-burst/--write-burst (default: twice\n"
         "  the rate); beyond them 429 with Retry-After. A rate of 0 turns that limit off.\n"
         "  --max-connections/--max-connections-per-client: open connections in all and per\n"
         "  client IP (more are answered 503); --request-timeout-ms: the time a client has\n"
         "  for a whole request, head and body, from its first byte;\n"
         "  --confirmations N: credit a transaction once its block is N blocks deep (1: at once).\n";
}

Result parse_options(const std::vector<std::string>& args) {
  Options o;
  using Setter = std::function<std::string(const std::string&)>;
  auto int_flag = [](auto* out, int64_t min, int64_t max) -> Setter {
    return [out, min, max](const std::string& v) -> std::string {
      auto n = read_int(v, min, max);
      if (!n) return "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
      *out = static_cast<std::remove_pointer_t<decltype(out)>>(*n);
      return {};
    };
  };
  auto text_flag = [](std::string* out, bool allow_empty) -> Setter {
    return [out, allow_empty](const std::string& v) -> std::string {
      if (v.empty() && !allow_empty) return "must not be empty";
      *out = v;
      return {};
    };
  };
  const std::map<std::string, Setter> flags = {
      {"--host", text_flag(&o.host, false)},
      {"--port", int_flag(&o.port, 0, 65535)},
      {"--db", text_flag(&o.db_path, false)},
      {"--deployment", text_flag(&o.deployment_path, false)},
      {"--deposit-bonus-bps", int_flag(&o.deposit_bonus_bps, 0, 10000)},
      {"--stream-bonus-bps", int_flag(&o.stream_bonus_bps, 0, 10000)},
      {"--scan-interval-ms", int_flag(&o.scan_interval_ms, 0, 3600000)},
      {"--price-cache-ms", int_flag(&o.price_cache_ms, 0, 3600000)},
      {"--stream-cron-seconds", int_flag(&o.stream_cron_seconds, 0, 31536000)},
      {"--confirmations", int_flag(&o.confirmations, 1, 10000)},
      {"--chain-name", text_flag(&o.chain_name, false)},
      {"--native-symbol", text_flag(&o.native_symbol, false)},
      {"--explorer-url", text_flag(&o.explorer_url, true)},
      {"--read-rate", int_flag(&o.read_rate, 0, 1000000)},
      {"--read-burst", int_flag(&o.read_burst, 1, 1000000)},
      {"--write-rate", int_flag(&o.write_rate, 0, 1000000)},
      {"--write-burst", int_flag(&o.write_burst, 1, 1000000)},
      {"--max-connections", int_flag(&o.max_connections, 4, 100000)},
      {"--max-connections-per-client", int_flag(&o.max_connections_per_client, 1, 100000)},
      {"--request-timeout-ms", int_flag(&o.request_timeout_ms, 100, 600000)},
      {"--siwe-origin",
       [&o](const std::string& v) -> std::string {
         auto origins = origins_from_list(v);
         if (!origins) return "must be origins such as http://localhost:5173,https://a.example";
         o.siwe_origins.insert(o.siwe_origins.end(), origins->begin(), origins->end());
         return {};
       }},
  };

  for (size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    if (name == "--help" || name == "-h") {
      o.help = true;
      continue;
    }
    std::optional<std::string> value;
    if (const size_t eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const auto flag = flags.find(name);
    if (flag == flags.end()) return Result::fail("unknown option " + name);
    if (!value) {
      if (i + 1 >= args.size()) return Result::fail(name + " needs a value");
      value = args[++i];
    }
    const std::string error = flag->second(*value);
    if (!error.empty()) return Result::fail(name + " " + error);
  }
  if (o.scan_interval_ms > 0 && o.scan_interval_ms < 100) {
    return Result::fail("--scan-interval-ms must be 0 (off) or at least 100");
  }
  return Result::good(std::move(o));
}

RateLimits rate_limits_of(const Options& o) {
  auto limit = [](int64_t rate, int64_t burst) {
    RateLimit l;
    l.per_second = static_cast<double>(rate);
    l.burst = static_cast<double>(burst > 0 ? burst : 2 * rate);
    return l;
  };
  return RateLimits{limit(o.read_rate, o.read_burst), limit(o.write_rate, o.write_burst)};
}

HttpLimits http_limits_of(const Options& o) {
  HttpLimits limits;
  limits.max_connections = static_cast<size_t>(o.max_connections);
  limits.max_connections_per_client = static_cast<size_t>(o.max_connections_per_client);
  limits.idle_close_at = limits.max_connections * 3 / 4;
  limits.request_deadline_ms = o.request_timeout_ms;
  return limits;
}

}  // namespace acw::backend
