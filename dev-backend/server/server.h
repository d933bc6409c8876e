// The HTTP server: Boost.Beast on Boost.Asio. One network thread drives every connection
// (no thread waits on a client); route handlers run on a small worker pool. Every route goes
// through one Router; open CORS, JSON for every error, the limits of HttpLimits
// (app.config.http), per-client-IP rate limits (429 with Retry-After) checked as soon as a
// request's head is read.
#pragma once
#include <memory>
#include <string>
#include <thread>

#include "server/app.h"
#include "server/rate_limit.h"
#include "server/router.h"

namespace acw::backend {

class BackendServer {
 public:
  explicit BackendServer(App& app);
  ~BackendServer();
  BackendServer(const BackendServer&) = delete;
  BackendServer& operator=(const BackendServer&) = delete;

  // Binds; port 0 picks a free one. Returns the bound port, or -1.
  int bind(const std::string& host, int port);
  bool listen();        // runs the network thread here until stop(), then joins the workers
  void start_thread();  // listen() on a thread of its own (tests)
  void stop();          // idempotent; joins the thread of start_thread()

 private:
  struct Network;  // the Asio objects, kept out of this header
  App& app_;
  Router router_;
  RateLimiter limiter_;
  std::unique_ptr<Network> net_;
  std::thread thread_;
};

}  // namespace acw::backend
