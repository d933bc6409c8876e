// Kept-alive HTTP connections to one server, shared by many threads: each request takes an
// idle connection (or opens one) for itself alone, and gives it back only after a complete
// exchange, so a connection never carries a late answer into another request.
#pragma once
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace httplib {
class Client;
class Result;
}  // namespace httplib

namespace acw::backend {

class HttpConnectionPool {
 public:
  // `scheme_host_port` as httplib takes it ("http://127.0.0.1:8545"); `timeout` bounds the
  // connect, and each write and read, of every request. At most `max_idle` connections are
  // kept between requests; more are closed.
  HttpConnectionPool(std::string scheme_host_port, std::chrono::milliseconds timeout,
                     size_t max_idle = 8);
  ~HttpConnectionPool();
  HttpConnectionPool(const HttpConnectionPool&) = delete;
  HttpConnectionPool& operator=(const HttpConnectionPool&) = delete;

  // One POST: the answer (any status), or a Result without one and httplib's error. Only for
  // requests that may be sent twice: one that failed at once on a kept-alive connection is
  // sent again on a new one.
  httplib::Result post(const std::string& path, const std::string& body,
                       const std::string& content_type);

  size_t idle_count() const;

 private:
  std::unique_ptr<httplib::Client> open() const;
  std::unique_ptr<httplib::Client> take_idle();
  void give_back(std::unique_ptr<httplib::Client> client);

  const std::string scheme_host_port_;
  const std::chrono::milliseconds timeout_;
  const size_t max_idle_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<httplib::Client>> idle_;  // the most recently used last
};

}  // namespace acw::backend
