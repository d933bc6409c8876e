// JSON-RPC 2.0 over HTTP to the chain node (anvil locally), through cpp-httplib.
#pragma once
#include <atomic>
#include <string>

#include "util/json.h"

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

class HttpJsonRpc final : public JsonRpc {
 public:
  // `url` must have passed parse_http_url.
  HttpJsonRpc(HttpUrl url, int timeout_ms = 5000);
  acw::Parsed<acw::json> call(const std::string& method, const acw::json& params) override;

 private:
  HttpUrl url_;
  int timeout_ms_;
  std::atomic<uint64_t> next_id_{1};
};

}  // namespace acw::backend
