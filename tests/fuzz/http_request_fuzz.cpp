// Whole HTTP requests against the running server: the input is the bytes a client sends on
// one connection (request lines, headers, bodies, chunked or not, pipelined or cut short).
// The real BackendServer (Beast parser, limits, rate limiter, router, every route, a SQLite
// store in a temporary folder, an in-memory chain node) answers them over loopback.
// Invariants: no crash, leak or hang; every answer Beast can parse back is an HTTP status
// with a JSON body (except 204) and open CORS; the server answers /health afterwards.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "fuzz_check.h"
#include "server/server.h"
#include "test_support.h"
#include "core/wire.h"

using namespace acw::backend;
namespace http = boost::beast::http;

namespace {

// One backend for the whole run (a server per input would measure thread start-up).
struct Backend {
  test::TempDir dir;
  test::ChainState chain;
  test::FakeRpc rpc{chain};
  Store store;
  VaultReader vault{rpc, test::kVault, std::nullopt, 0, [] { return int64_t{1'714'564'800'000}; }};
  Scanner scanner{rpc, store, test::scanner_config(), [] { return int64_t{1'714'564'800'000}; }};
  std::unique_ptr<App> app;
  std::unique_ptr<BackendServer> server;
  int port = -1;

  Backend() {
    std::string error;
    if (!store.open(dir.file("db.sqlite"), error)) std::abort();
    chain.head = 10;
    chain.set_vault_params(10000, 1'000'000, 2'000'000);
    AppConfig config;
    config.deployment.chain_id = 31337;
    config.deployment.vault = test::kVault;
    config.deployment.token = test::kToken;
    config.deployment.cfa = test::kCfa;
    config.rate_limits = RateLimits{RateLimit{1000, 2000}, RateLimit{1000, 2000}};
    config.http.request_deadline_ms = 500;  // an input never waits longer
    config.http.idle_timeout_ms = 500;
    app = std::make_unique<App>(
        App{config, store, rpc, vault, scanner, [] { return int64_t{1'714'564'800'000}; }});
    server = std::make_unique<BackendServer>(*app);
    port = server->bind("127.0.0.1", 0);
    if (port <= 0) std::abort();
    server->start_thread();
  }
};

Backend& backend() {
  static Backend* b = new Backend();  // never destroyed: the run ends with the process
  return *b;
}

// Whether `fd` is ready for `events` within `limit`. libFuzzer's timeout alarm (SIGALRM every
// few seconds) interrupts poll with EINTR: that is waited through, not a failure.
bool wait_for(int fd, short events, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, events, 0};
    const int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready == 1) return true;
    if (ready == 0 || errno != EINTR) return false;
  }
}
bool wait_readable(int fd, std::chrono::milliseconds limit) { return wait_for(fd, POLLIN, limit); }
bool wait_writable(int fd, std::chrono::milliseconds limit) { return wait_for(fd, POLLOUT, limit); }

// Sends `bytes` on a fresh connection, half-closes, returns everything answered.
std::string exchange(int port, std::string_view bytes) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  FUZZ_CHECK(fd >= 0, "socket");
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    // Interrupted by the alarm, the connection goes on in the kernel: wait for it to finish.
    FUZZ_CHECK(errno == EINTR, std::string("connect: ") + std::strerror(errno));
    FUZZ_CHECK(wait_writable(fd, std::chrono::seconds(5)), "connect did not finish within 5 s");
    int error = 0;
    socklen_t length = sizeof error;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
    FUZZ_CHECK(error == 0, std::string("connect: ") + std::strerror(error));
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the server may close early (a refused head)
    sent += static_cast<size_t>(n);
  }
  shutdown(fd, SHUT_WR);
  std::string answer;
  for (;;) {
    FUZZ_CHECK(wait_readable(fd, std::chrono::seconds(5)), "no answer or close within 5 s");
    char buffer[8192];
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    answer.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return answer;
}

boost::beast::flat_buffer buffer_of(std::string_view bytes) {
  boost::beast::flat_buffer buffer;
  if (bytes.empty()) return buffer;
  auto space = buffer.prepare(bytes.size());
  std::memcpy(space.data(), bytes.data(), bytes.size());
  buffer.commit(bytes.size());
  return buffer;
}

// Which of the pipelined requests are HEAD (their answers have no body after the head).
std::vector<bool> head_requests(std::string_view input) {
  std::vector<bool> heads;
  boost::beast::flat_buffer buffer = buffer_of(input);
  while (buffer.size() > 0) {
    http::request_parser<http::string_body> parser;
    boost::beast::error_code error;
    while (!parser.is_done() && !error && buffer.size() > 0) {
      buffer.consume(parser.put(buffer.data(), error));
    }
    if (!parser.is_header_done()) break;
    heads.push_back(parser.get().method() == http::verb::head);
    if (error) break;
  }
  return heads;
}

// Checks every complete response in `answer` with Beast's own response parser.
void check_answers(std::string_view input, const std::string& answer) {
  if (answer.empty()) return;  // nothing answered: the server closed (a timeout, a reset)
  const std::vector<bool> heads = head_requests(input);
  boost::beast::flat_buffer buffer = buffer_of(answer);
  for (size_t i = 0; buffer.size() > 0; ++i) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(1 << 20);
    if (i < heads.size() && heads[i]) parser.skip(true);
    boost::beast::error_code error;
    while (!parser.is_done() && !error && buffer.size() > 0) {
      buffer.consume(parser.put(buffer.data(), error));
    }
    // Not checked further: an answer to HEAD (no body follows its Content-Length), or the
    // end of what the server sent before closing.
    if (!parser.is_done()) return;
    const auto& res = parser.get();
    const unsigned status = res.result_int();
    FUZZ_CHECK(status >= 100 && status < 600, answer.substr(0, 200));
    FUZZ_CHECK(res["Access-Control-Allow-Origin"] == "*", answer.substr(0, 200));
    if (status != 204 && !res.body().empty()) {
      FUZZ_CHECK(res[http::field::content_type] == "application/json", answer.substr(0, 200));
      FUZZ_CHECK(acw::parse_json(res.body()).ok(), res.body());
    }
  }
}

// The server still answers /health. Pipelined inputs can spend the client's rate-limit
// bucket (hundreds of requests each), so a 429 or 503 is waited out as Retry-After says,
// a few times, before it counts as a failure.
void check_alive(int port) {
  std::string health;
  for (int attempt = 0; attempt < 5; ++attempt) {
    health = exchange(port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    if (health.rfind("HTTP/1.1 200", 0) == 0) return;
    const bool busy = health.rfind("HTTP/1.1 429", 0) == 0 || health.rfind("HTTP/1.1 503", 0) == 0;
    FUZZ_CHECK(busy, health.substr(0, 200));
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  }
  FUZZ_CHECK(false, "still refused after 5 tries: " + health.substr(0, 200));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Backend& b = backend();
  const std::string_view input = acw::fuzz::as_text(data, size);
  check_answers(input, exchange(b.port, input));
  static int runs = 0;
  if (++runs % 64 == 0) check_alive(b.port);
  return 0;
}
