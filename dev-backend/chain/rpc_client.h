// JSON-RPC 2.0 over HTTP to the chain node (anvil locally), through cpp-httplib.
#pragma once
#include <atomic>
#include <string>

#include "chain/http_connection_pool.h"
#include "core/wire.h"

namespace acw::backend {

// The interface the rest of the backend uses, so tests can answer calls themselves.
class JsonRpc {
 public:
  virtual ~JsonRpc() = default;
  // The call's `result` (which may be JSON null, e.g. an unknown receipt), or an error: the
  // node unreachable, an HTTP error, a non-JSON answer, or the node's own `error` object.
  virtual acw::Parsed<acw::json> call(const std::string& method, const acw::json& params) = 0;
};

// "http://host:port/path" split for httplib; https works too (httplib has OpenSSL here).
struct HttpUrl {
  std::string scheme_host_port;  // "http://127.0.0.1:8545"
  std::string path;              // "/" when the URL has none
};
acw::Parsed<HttpUrl> parse_http_url(const std::string& url);

// Thread-safe; calls reuse kept-alive connections to the node. Every method the backend calls
// only reads the chain, so a call may be sent twice (see HttpConnectionPool::post).
class HttpJsonRpc final : public JsonRpc {
 public:
  // `url` must have passed parse_http_url; `timeout_ms` bounds the connect, and each write and
  // read, of a call.
  HttpJsonRpc(HttpUrl url, int timeout_ms = 5000);
  acw::Parsed<acw::json> call(const std::string& method, const acw::json& params) override;
  size_t idle_connections() const { return connections_.idle_count(); }

 private:
  HttpUrl url_;
  HttpConnectionPool connections_;
  std::atomic<uint64_t> next_id_{1};
};

}  // namespace acw::backend
