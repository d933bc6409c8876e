#include "server/rate_limit.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace acw::backend {

TokenBuckets::TokenBuckets(RateLimit limit, MonotonicMs now, size_t max_clients)
    : limit_(limit), now_(std::move(now)), max_clients_(std::max<size_t>(max_clients, 1)) {
  limit_.burst = std::max(limit_.burst, 1.0);
}

double TokenBuckets::steady_now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

void TokenBuckets::prune_locked(double now) {
  const double full_after_ms = limit_.burst / limit_.per_second * 1000.0;
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    it = now - it->second.at_ms >= full_after_ms ? buckets_.erase(it) : std::next(it);
  }
  if (buckets_.size() >= max_clients_) buckets_.clear();
}

int64_t TokenBuckets::take(const std::string& client) {
  if (!limit_.limited()) return 0;
  const double now = now_();
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) prune_locked(now);
    it = buckets_.emplace(client, Bucket{limit_.burst, now}).first;
  }
  Bucket& b = it->second;
  const double elapsed = std::max(0.0, now - b.at_ms);
  b.tokens = std::min(limit_.burst, b.tokens + elapsed * limit_.per_second / 1000.0);
  b.at_ms = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  const double wait_ms = (1.0 - b.tokens) * 1000.0 / limit_.per_second;
  return std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait_ms)));
}

RateLimiter::RateLimiter(RateLimits limits, TokenBuckets::MonotonicMs now)
    : limits_(limits), reads_(limits.reads, now), writes_(limits.writes, now) {}

bool RateLimiter::is_read(const std::string& method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

int64_t RateLimiter::take(const std::string& method, const std::string& client) {
  return is_read(method) ? reads_.take(client) : writes_.take(client);
}

}  // namespace acw::backend
