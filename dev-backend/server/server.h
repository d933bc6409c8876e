// The HTTP server: cpp-httplib with every route going through one Router, open CORS, JSON
// for every error (including httplib's own: 400, 413, 414), a 64 KB body limit, and
// per-client-IP rate limits (429 with Retry-After).
#pragma once
#include <memory>
#include <string>
#include <thread>

#include "server/app.h"
#include "server/rate_limit.h"
#include "server/router.h"

namespace httplib {
class Server;
}

namespace acw::backend {

class BackendServer {
 public:
  explicit BackendServer(App& app);
  ~BackendServer();
  BackendServer(const BackendServer&) = delete;
  BackendServer& operator=(const BackendServer&) = delete;

  // Binds; port 0 picks a free one. Returns the bound port, or -1.
  int bind(const std::string& host, int port);
  bool listen();        // blocks until stop()
  void start_thread();  // listen() on a thread of its own (tests)
  void stop();          // idempotent; joins that thread

 private:
  App& app_;
  Router router_;
  RateLimiter limiter_;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
};

}  // namespace acw::backend
