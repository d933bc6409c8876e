// Per-client-IP rate limits: token buckets (fake clock), the flags, and 429 over HTTP.
#include <doctest/doctest.h>

#include "http_harness.h"
#include "options.h"
#include "raw_connection.h"
#include "server/rate_limit.h"

using namespace acw::backend;
using acw::json;

using test::get_from;

TEST_CASE("token buckets: burst, refill at the rate, per client, retry time") {
  double now = 1000;
  TokenBuckets buckets(RateLimit{20, 40}, [&] { return now; });
  for (int i = 0; i < 40; ++i) CHECK(buckets.take("a") == 0);  // the burst
  CHECK(buckets.take("a") == 50);                               // 1 token per 50 ms
  CHECK(buckets.take("b") == 0);                                // another client
  now += 45;  // 0.9 of a token
  const int64_t wait = buckets.take("a");
  CHECK(wait > 0);
  CHECK(wait <= 6);
  now += 6;
  CHECK(buckets.take("a") == 0);
  CHECK(buckets.take("a") > 40);
  now += 1000;  // 20 tokens back, never more than the burst
  for (int i = 0; i < 20; ++i) CHECK(buckets.take("a") == 0);
  CHECK(buckets.take("a") > 0);
  now += 1e6;
  for (int i = 0; i < 40; ++i) CHECK(buckets.take("a") == 0);
  CHECK(buckets.take("a") > 0);

  TokenBuckets off(RateLimit{0, 0}, [&] { return now; });
  for (int i = 0; i < 10000; ++i) REQUIRE(off.take("a") == 0);

  // A flood of client addresses is bounded: the table is pruned, nothing breaks.
  TokenBuckets small(RateLimit{1, 1}, [&] { return now; }, 100);
  for (int i = 0; i < 1000; ++i) CHECK(small.take("client" + std::to_string(i)) == 0);
}

TEST_CASE("rate limiter: reads and writes have buckets of their own") {
  double now = 0;
  RateLimiter limiter(RateLimits{RateLimit{100, 200}, RateLimit{20, 40}}, [&] { return now; });
  CHECK(RateLimiter::is_read("GET"));
  CHECK(RateLimiter::is_read("HEAD"));
  CHECK(RateLimiter::is_read("OPTIONS"));
  CHECK_FALSE(RateLimiter::is_read("POST"));
  CHECK_FALSE(RateLimiter::is_read("DELETE"));
  for (int i = 0; i < 40; ++i) CHECK(limiter.take(i % 2 ? "POST" : "DELETE", "ip") == 0);
  CHECK(limiter.take("POST", "ip") > 0);
  for (int i = 0; i < 200; ++i) CHECK(limiter.take("GET", "ip") == 0);
  CHECK(limiter.take("OPTIONS", "ip") == 10);
}

TEST_CASE("rate limit flags: defaults 100/s (burst 200) reads, 20/s (burst 40) writes") {
  auto defaults = parse_options({});
  REQUIRE(defaults.ok());
  RateLimits limits = rate_limits_of(*defaults.value);
  CHECK(limits.reads.per_second == 100);
  CHECK(limits.reads.burst == 200);
  CHECK(limits.writes.per_second == 20);
  CHECK(limits.writes.burst == 40);

  auto set = parse_options({"--read-rate", "5", "--write-rate=0", "--write-burst", "7"});
  REQUIRE(set.ok());
  limits = rate_limits_of(*set.value);
  CHECK(limits.reads.per_second == 5);
  CHECK(limits.reads.burst == 10);
  CHECK_FALSE(limits.writes.limited());

  CHECK_FALSE(parse_options({"--read-rate", "-1"}).ok());
  CHECK_FALSE(parse_options({"--write-rate", "x"}).ok());
  CHECK_FALSE(parse_options({"--write-burst", "0"}).ok());
  CHECK(usage_text().find("--write-rate") != std::string::npos);
}

TEST_CASE("http: over the limit, 429 JSON with Retry-After; other clients unaffected") {
  test::TempDir dir;
  test::ChainState chain;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  test::Harness h(chain, dir.file("db.sqlite"), test::scanner_config(),
                  RateLimits{RateLimit{1, 5}, RateLimit{1, 2}});
  for (int i = 0; i < 5; ++i) CHECK(h.get("/health").first == 200);
  auto res = h.client().Get("/health");
  REQUIRE(res);
  CHECK(res->status == 429);
  CHECK(res->get_header_value("Retry-After") == "1");
  CHECK(res->get_header_value("Access-Control-Allow-Origin") == "*");
  CHECK(res->get_header_value("Content-Type") == "application/json");
  auto body = acw::parse_json(res->body);
  REQUIRE(body.ok());
  CHECK(body.value->at("error") == "too many requests");
  CHECK(body.value->at("retryAfterSeconds") == 1);
  // Every read route shares the client's bucket; another client address has full buckets.
  CHECK(h.get("/v1/quote?gdAmountWei=1").first == 429);
  CHECK(get_from("127.0.0.1", h.port(), "/health") == 429);
  CHECK(get_from("127.0.0.2", h.port(), "/health") == 200);

  // Writes have their own bucket: two go through (bodies are read first: the connection
  // stays usable), the third is refused.
  const json nonce = {{"account", test::kAnvilAddress0}, {"chainId", 31337}};
  CHECK(h.post("/v1/auth/nonce", nonce).first == 200);
  CHECK(h.post("/v1/auth/nonce", nonce).first == 200);
  auto [ws, refused] = h.post("/v1/auth/nonce", nonce);
  CHECK(ws == 429);
  CHECK(refused.at("retryAfterSeconds") == 1);

  // The bucket refills with time.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  CHECK(h.get("/health").first == 200);
}
