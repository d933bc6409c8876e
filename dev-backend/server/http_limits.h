// What one client may cost the HTTP server: time for a whole request, bytes of its head and
// body, connections in all and per client address (docs/reliability.md, "HTTP limits").
#pragma once
#include <cstddef>
#include <cstdint>

namespace acw::backend {

inline constexpr size_t kMaxBodyBytes = 64 * 1024;

struct HttpLimits {
  int64_t request_deadline_ms = 10000;  // head and body, from the request's first byte
  int64_t idle_timeout_ms = 5000;       // waiting for a connection's (next) request
  int64_t write_timeout_ms = 5000;
  size_t max_target_bytes = 2048;   // path and query
  size_t max_head_bytes = 8192;     // request line and every header field
  size_t max_header_count = 64;
  size_t max_body_bytes = kMaxBodyBytes;  // decoded: chunked bodies count as they are read
  size_t max_connections = 1024;
  size_t max_connections_per_client = 64;
  // From this many open connections on, idle keep-alive connections are closed and
  // responses close theirs, so that the cap refuses attackers rather than new clients.
  size_t idle_close_at = 768;
  int handler_threads = 8;  // handlers block on SQLite and the chain node
};

}  // namespace acw::backend
