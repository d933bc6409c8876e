// Per-client token buckets: each client (IP address) gets `burst` tokens, refilled at
// `per_second`; a request takes one token or is refused with the time until the next one.
// Reads (GET, HEAD, OPTIONS) and writes (every other method) have buckets of their own.
#pragma once
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace acw::backend {

struct RateLimit {
  double per_second = 0;  // 0 = unlimited
  double burst = 0;       // bucket size; at least 1 when limited
  bool limited() const { return per_second > 0; }
};

struct RateLimits {
  RateLimit reads;   // GET, HEAD, OPTIONS
  RateLimit writes;  // POST, DELETE, PUT, PATCH
};

class TokenBuckets {
 public:
  using MonotonicMs = std::function<double()>;
  // Buckets beyond max_clients are pruned (full ones first, then all: a flood of addresses
  // resets the limits, never the memory).
  explicit TokenBuckets(RateLimit limit, MonotonicMs now = steady_now_ms,
                        size_t max_clients = 10000);

  // 0 when the request may go on (a token was taken); else the milliseconds until the
  // client has a token again (at least 1).
  int64_t take(const std::string& client);

  static double steady_now_ms();

 private:
  struct Bucket {
    double tokens = 0;
    double at_ms = 0;
  };
  void prune_locked(double now);

  RateLimit limit_;
  MonotonicMs now_;
  size_t max_clients_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

class RateLimiter {
 public:
  explicit RateLimiter(RateLimits limits,
                       TokenBuckets::MonotonicMs now = TokenBuckets::steady_now_ms);
  static bool is_read(const std::string& method);
  // 0 = go on; else the milliseconds until the client may try again.
  int64_t take(const std::string& method, const std::string& client);

 private:
  RateLimits limits_;
  TokenBuckets reads_;
  TokenBuckets writes_;
};

}  // namespace acw::backend
