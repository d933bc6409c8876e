// The HTTP layer under clients that misbehave: slow and idle connections, trickled requests,
// too many connections, oversized heads and chunked bodies, encoded separators in paths.
// Each of these took the thread-per-connection server down or past its limits.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "http_harness.h"
#include "raw_connection.h"

using namespace acw::backend;
using test::Harness;
using test::RawConnection;

namespace {

using SteadyClock = std::chrono::steady_clock;

int64_t ms_since(SteadyClock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start).count();
}

std::vector<std::unique_ptr<RawConnection>> open_many(const char* source, int port, int count,
                                                      const std::string& first_bytes) {
  std::vector<std::unique_ptr<RawConnection>> all;
  for (int i = 0; i < count; ++i) {
    all.push_back(std::make_unique<RawConnection>(source, port));
    REQUIRE(all.back()->connected());
    if (!first_bytes.empty()) REQUIRE(all.back()->send(first_bytes));
  }
  return all;
}

}  // namespace

TEST_CASE("http limits: slow and idle connections do not keep other clients waiting") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"));
  // 64 clients trickling a head (slowloris) and 16 connected but silent, from other addresses.
  auto slow = open_many("127.0.0.2", h.port(), 64, "GET /health HTTP/1.1\r\nHost: x\r\n");
  auto idle = open_many("127.0.0.3", h.port(), 16, "");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  for (int i = 0; i < 5; ++i) {
    const auto start = SteadyClock::now();
    CHECK(h.get("/health").first == 200);
    CHECK(ms_since(start) < 1000);
  }
}

TEST_CASE("http limits: a trickled request is cut at the deadline for the whole request") {
  test::TempDir dir;
  test::ChainState chain;
  HttpLimits limits;
  limits.request_deadline_ms = 800;
  Harness h(chain, dir.file("db.sqlite"), test::scanner_config(), {}, limits);
  RawConnection c("127.0.0.2", h.port());
  const std::string head = "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: abcdefghijklmnopqrstuvwxyz\r\n\r\n";
  const auto start = SteadyClock::now();
  bool cut = false;
  for (char byte : head) {  // a byte every 100 ms: each read is quick, the request is not
    if (!c.send(std::string(1, byte)) || c.closed_within(100)) {
      cut = true;
      break;
    }
  }
  CHECK(cut);
  CHECK(ms_since(start) < 2000);
  CHECK(h.get("/health").first == 200);
}

TEST_CASE("http limits: connections per client address and in all") {
  test::TempDir dir;
  test::ChainState chain;
  HttpLimits limits;
  limits.max_connections = 12;
  limits.idle_close_at = 12;  // no idle closing in this test
  limits.max_connections_per_client = 4;
  Harness h(chain, dir.file("db.sqlite"), test::scanner_config(), {}, limits);
  auto mine = open_many("127.0.0.2", h.port(), 4, "");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  RawConnection fifth("127.0.0.2", h.port());
  CHECK(fifth.status_within(2000) == 503);
  CHECK(test::get_from("127.0.0.3", h.port(), "/health") == 200);  // another client
  auto more = open_many("127.0.0.4", h.port(), 4, "");
  auto others = open_many("127.0.0.5", h.port(), 4, "");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(test::get_from("127.0.0.6", h.port(), "/health") == 503);  // 12 open: full
  mine.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(test::get_from("127.0.0.6", h.port(), "/health") == 200);
}

TEST_CASE("http limits: near the cap, idle keep-alive connections are closed") {
  test::TempDir dir;
  test::ChainState chain;
  HttpLimits limits;
  limits.max_connections = 8;
  limits.idle_close_at = 6;
  limits.max_connections_per_client = 8;
  Harness h(chain, dir.file("db.sqlite"), test::scanner_config(), {}, limits);
  // Six keep-alive clients, each idle after one answered request.
  auto kept = open_many("127.0.0.2", h.port(), 6, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
  for (auto& c : kept) CHECK(c->status_within(2000) == 200);
  // The next connection finds the server near its cap: the idle ones go, it is served.
  CHECK(test::get_from("127.0.0.3", h.port(), "/health") == 200);
  for (auto& c : kept) CHECK(c->closed_within(1000));
}

TEST_CASE("http limits: request line, header count and size, chunked bodies") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"));
  auto status_of = [&](const std::string& request) {
    RawConnection c("127.0.0.2", h.port());
    REQUIRE(c.send(request));
    return c.status_within(3000);
  };
  std::string many = "GET /health HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 100; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
  CHECK(status_of(many + "\r\n") == 431);
  CHECK(status_of("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'a') +
                  "\r\n\r\n") == 431);
  CHECK(status_of("GET /" + std::string(3000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n") == 414);
  CHECK(status_of("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n") == 413);
  CHECK(status_of("NOT HTTP AT ALL\r\n\r\n") == 400);

  // A chunk announced larger than the body limit is refused as its size is read, before any
  // of it arrives (the old server read a chunked body whole, then checked).
  const std::string chunked_head =
      "POST /v1/celo/events/record HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
      "Content-Type: application/json\r\n\r\n";
  CHECK(status_of(chunked_head + "100000\r\n{\"a\":") == 413);
  // Many small chunks count too.
  std::string chunks;
  for (int i = 0; i < 80; ++i) chunks += "400\r\n" + std::string(1024, ' ') + "\r\n";
  CHECK(status_of(chunked_head + chunks) == 413);
  // A small chunked body is read and routed like any other.
  const std::string body = "{\"txHash\":1}";
  char size[16];
  std::snprintf(size, sizeof size, "%zx", body.size());
  CHECK(status_of(chunked_head + size + "\r\n" + body + "\r\n0\r\n\r\n") == 400);
}

TEST_CASE("http limits: an encoded slash in a path is not a separator") {
  test::TempDir dir;
  test::ChainState chain;
  Harness h(chain, dir.file("db.sqlite"));
  const std::string account = test::kAnvilAddress0;
  CHECK(h.get("/v1/accounts/" + account + "/profile").first == 200);
  CHECK(h.get("/v1/accounts%2F" + account + "%2Fprofile").first == 404);
  CHECK(h.get("/v1/accounts/" + account + "%2fprofile").first == 404);  // one segment, not two
  CHECK(h.get("/v1/%61ccounts/" + account + "/profile").first == 200);  // other escapes decode
}
