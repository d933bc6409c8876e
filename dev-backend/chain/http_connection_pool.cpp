#include "chain/http_connection_pool.h"

#include <httplib.h>

namespace acw::backend {

HttpConnectionPool::HttpConnectionPool(std::string scheme_host_port,
                                       std::chrono::milliseconds timeout, size_t max_idle)
    : scheme_host_port_(std::move(scheme_host_port)), timeout_(timeout), max_idle_(max_idle) {}

HttpConnectionPool::~HttpConnectionPool() = default;

std::unique_ptr<httplib::Client> HttpConnectionPool::open() const {
  auto client = std::make_unique<httplib::Client>(scheme_host_port_);
  client->set_connection_timeout(timeout_);
  client->set_read_timeout(timeout_);
  client->set_write_timeout(timeout_);
  client->set_tcp_nodelay(true);  // headers and body go out at once, no wait for an ACK
  client->set_keep_alive(true);
  return client;
}

std::unique_ptr<httplib::Client> HttpConnectionPool::take_idle() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (idle_.empty()) return nullptr;
  auto client = std::move(idle_.back());
  idle_.pop_back();
  return client;
}

void HttpConnectionPool::give_back(std::unique_ptr<httplib::Client> client) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(client));
}

size_t HttpConnectionPool::idle_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return idle_.size();
}

httplib::Result HttpConnectionPool::post(const std::string& path, const std::string& body,
                                         const std::string& content_type) {
  auto client = take_idle();
  const bool kept_alive = client != nullptr;
  if (!kept_alive) client = open();
  const auto started = std::chrono::steady_clock::now();
  auto result = client->Post(path, body, content_type);
  // httplib reconnects by itself when the server closed an idle connection before it is
  // taken; one it closes just as it is taken fails at once on reading or writing. A slow
  // server fails only at the timeout, and is not asked twice.
  const bool failed_at_once = std::chrono::steady_clock::now() - started < timeout_;
  const bool io_error =
      result.error() == httplib::Error::Read || result.error() == httplib::Error::Write;
  if (!result && kept_alive && io_error && failed_at_once) {
    client = open();
    result = client->Post(path, body, content_type);
  }
  // After a failure the connection may still get the late answer: it is closed, not kept.
  if (result) give_back(std::move(client));
  return result;
}

}  // namespace acw::backend
