// The JSON-RPC client over real HTTP: kept-alive connections reused, and every way a node can
// fail (down, slow, malformed answers, a connection dropped as it is reused) still an error of
// that call only.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "chain/rpc_client.h"

using namespace acw::backend;
using acw::json;
using namespace std::chrono_literals;

namespace {

enum class Answer { echo, slow, http_500, not_json, error_object, no_result, other_id };

// A node whose answer the test chooses; `echo` returns the call's params as its result. It
// tells how many connections its requests came on (by the client's port).
class ScriptedNode {
 public:
  explicit ScriptedNode(std::chrono::milliseconds slow_for = 600ms) : slow_for_(slow_for) {
    http_.Post("/", [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        client_ports_.insert(req.remote_port);
      }
      ++requests;
      const json call = json::parse(req.body);
      json answer = {{"jsonrpc", "2.0"}, {"id", call.at("id")}, {"result", call.at("params")}};
      switch (answer_.load()) {
        case Answer::echo: break;
        case Answer::slow: std::this_thread::sleep_for(slow_for_); break;
        case Answer::http_500: res.status = 500; return;
        case Answer::not_json: res.set_content("<html>", "text/html"); return;
        case Answer::error_object:
          answer.erase("result");
          answer["error"] = {{"code", -32000}, {"message", "boom"}};
          break;
        case Answer::no_result: answer.erase("result"); break;
        case Answer::other_id: answer["id"] = call.at("id").get<uint64_t>() + 1000; break;
      }
      res.set_content(answer.dump(), "application/json");
    });
    // Like a real node: many kept-alive connections at once, no cap on requests per connection.
    http_.new_task_queue = [] { return new httplib::ThreadPool(32); };
    http_.set_keep_alive_max_count(1'000'000);
    http_.set_tcp_nodelay(true);
    port_ = http_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { http_.listen_after_bind(); });
    while (!http_.is_running()) std::this_thread::sleep_for(1ms);
  }
  ~ScriptedNode() {
    http_.stop();
    thread_.join();
  }
  void answer(Answer a) { answer_ = a; }
  void keep_alive_timeout(time_t seconds) { http_.set_keep_alive_timeout(seconds); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  size_t connections() {
    std::lock_guard<std::mutex> lock(mutex_);
    return client_ports_.size();
  }
  std::atomic<int> requests{0};

 private:
  std::chrono::milliseconds slow_for_;
  std::atomic<Answer> answer_{Answer::echo};
  httplib::Server http_;
  std::thread thread_;
  int port_ = -1;
  std::mutex mutex_;
  std::set<int> client_ports_;
};

// Reads one HTTP request from `fd` (headers, then Content-Length bytes of body); "" on EOF.
std::string read_request_body(int fd) {
  std::string data;
  char buffer[4096];
  size_t header_end = std::string::npos;
  size_t length = 0;
  for (;;) {
    if (header_end == std::string::npos && (header_end = data.find("\r\n\r\n")) != std::string::npos) {
      const size_t at = data.find("Content-Length: ");
      length = at < header_end ? std::stoul(data.substr(at + 16)) : 0;
    }
    if (header_end != std::string::npos && data.size() >= header_end + 4 + length) {
      return data.substr(header_end + 4, length);
    }
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got <= 0) return "";
    data.append(buffer, static_cast<size_t>(got));
  }
}

// A node that answers the first request of each connection and closes the connection,
// unanswered, at its second: a kept-alive connection dropped just as the client reuses it
// (too late for the client to see it closed beforehand).
class DroppingNode {
 public:
  DroppingNode() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof addr;
    REQUIRE(::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), size) == 0);
    REQUIRE(::listen(listen_fd_, 8) == 0);
    REQUIRE(::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &size) == 0);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~DroppingNode() {
    ::shutdown(listen_fd_, SHUT_RDWR);
    thread_.join();
    ::close(listen_fd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::atomic<int> connections{0};
  std::atomic<int> answered{0};

 private:
  void serve() {
    for (;;) {
      const int fd = ::accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) return;
      ++connections;
      const std::string body = read_request_body(fd);
      if (!body.empty()) {
        const json call = json::parse(body);
        const std::string answer =
            json{{"jsonrpc", "2.0"}, {"id", call.at("id")}, {"result", call.at("params")}}.dump();
        const std::string response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                     "Content-Length: " + std::to_string(answer.size()) +
                                     "\r\n\r\n" + answer;
        ++answered;  // before the write: the client may check it as soon as it has the answer
        const ssize_t sent = ::write(fd, response.data(), response.size());
        (void)sent;  // the client's checks tell whether the answer arrived
        read_request_body(fd);  // the next request on this connection: dropped
      }
      ::close(fd);
    }
  }
  int listen_fd_ = -1;
  int port_ = -1;
  std::thread thread_;
};

HttpJsonRpc client_of(const std::string& url, int timeout_ms = 5000) {
  return HttpJsonRpc(*parse_http_url(url).value, timeout_ms);
}

int64_t elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               since)
      .count();
}

}  // namespace

TEST_CASE("rpc client: one kept-alive connection serves call after call") {
  ScriptedNode node;
  auto rpc = client_of(node.url());
  for (int i = 0; i < 20; ++i) {
    auto result = rpc.call("eth_blockNumber", json::array({i}));
    REQUIRE(result.ok());
    CHECK(*result.value == json::array({i}));
  }
  CHECK(node.connections() == 1);
  CHECK(rpc.idle_connections() == 1);
}

TEST_CASE("rpc client: malformed answers are errors of their call; the connection goes on") {
  ScriptedNode node;
  auto rpc = client_of(node.url());
  const std::vector<std::pair<Answer, std::string>> faults = {
      {Answer::http_500, "chain node answered HTTP 500"},
      {Answer::not_json, "chain node answered with invalid JSON"},
      {Answer::error_object, "chain node error: boom"},
      {Answer::no_result, "chain node answer has no result"},
      {Answer::other_id, "chain node answered another call"},
  };
  for (const auto& [fault, error] : faults) {
    node.answer(fault);
    auto bad = rpc.call("eth_call", json::array({1}));
    CHECK_FALSE(bad.ok());
    CHECK(bad.error == error);
    node.answer(Answer::echo);
    auto good = rpc.call("eth_call", json::array({2}));
    REQUIRE(good.ok());
    CHECK(*good.value == json::array({2}));
  }
  CHECK(node.connections() == 1);  // every exchange was complete: the connection was kept
}

TEST_CASE("rpc client: a node down is unreachable at once") {
  int port = 0;
  {
    ScriptedNode gone;  // a port that was just free, and is closed again
    port = std::stoi(gone.url().substr(gone.url().rfind(':') + 1));
  }
  auto rpc = client_of("http://127.0.0.1:" + std::to_string(port));
  const auto started = std::chrono::steady_clock::now();
  auto result = rpc.call("eth_getTransactionReceipt", json::array({"0x01"}));
  CHECK_FALSE(result.ok());
  CHECK(result.error == "chain node unreachable (eth_getTransactionReceipt)");
  CHECK(elapsed_ms(started) < 2000);
  CHECK(rpc.idle_connections() == 0);
}

TEST_CASE("rpc client: a slow node times out once, and its late answer reaches no other call") {
  ScriptedNode node(800ms);
  auto rpc = client_of(node.url(), 200);
  REQUIRE(rpc.call("eth_blockNumber", json::array({1})).ok());  // a kept-alive connection
  node.answer(Answer::slow);
  const auto started = std::chrono::steady_clock::now();
  auto slow = rpc.call("eth_blockNumber", json::array({2}));
  const int64_t waited = elapsed_ms(started);
  CHECK_FALSE(slow.ok());
  CHECK(slow.error == "chain node unreachable (eth_blockNumber)");
  CHECK(waited >= 150);
  CHECK(waited < 700);             // the timeout, not the node's answer, and not asked twice
  CHECK(node.requests == 2);
  CHECK(rpc.idle_connections() == 0);  // the timed-out connection is closed, not kept
  node.answer(Answer::echo);
  auto next = rpc.call("eth_blockNumber", json::array({3}));
  REQUIRE(next.ok());
  CHECK(*next.value == json::array({3}));
}

TEST_CASE("rpc client: a connection the node closed while idle is replaced") {
  ScriptedNode node;
  node.keep_alive_timeout(1);
  auto rpc = client_of(node.url());
  REQUIRE(rpc.call("eth_blockNumber", json::array({1})).ok());
  std::this_thread::sleep_for(1500ms);  // the node closes the idle connection
  auto again = rpc.call("eth_blockNumber", json::array({2}));
  REQUIRE(again.ok());
  CHECK(*again.value == json::array({2}));
  CHECK(node.connections() == 2);
}

TEST_CASE("rpc client: a connection dropped as it is reused is retried once on a new one") {
  DroppingNode node;
  {
    auto rpc = client_of(node.url());
    for (int i = 0; i < 3; ++i) {
      auto result = rpc.call("eth_getLogs", json::array({i}));
      REQUIRE_MESSAGE(result.ok(), result.error);
      CHECK(*result.value == json::array({i}));
    }
  }
  CHECK(node.answered == 3);
  CHECK(node.connections == 3);
}

TEST_CASE("rpc client: concurrent calls each get their own answer") {
  ScriptedNode node;
  auto rpc = client_of(node.url());
  constexpr int kThreads = 8;
  constexpr int kCalls = 50;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        const json params = json::array({t, i});
        auto result = rpc.call("eth_call", params);
        if (!result.ok() || *result.value != params) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
  CHECK(node.requests == kThreads * kCalls);
  CHECK(node.connections() <= kThreads);  // each connection served many calls
  CHECK(rpc.idle_connections() <= kThreads);
}
