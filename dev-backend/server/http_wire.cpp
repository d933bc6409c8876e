#include "server/http_wire.h"

#include "server/http_util.h"

namespace acw::backend {
namespace http = boost::beast::http;

namespace {

const char* default_error_text(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "request body too large (limit 64 KB)";
    case 414: return "URI too long";
    case 429: return "too many requests";
    case 431: return "request headers too large";
    case 503: return "too many connections";
    default: return status >= 500 ? "internal error" : "request failed";
  }
}

}  // namespace

httplib::Request route_request(WireRequest& in, const std::string& client) {
  httplib::Request req;
  req.method = std::string(in.method_string());
  req.version = in.version() == 10 ? "HTTP/1.0" : "HTTP/1.1";
  req.target = std::string(in.target());
  const size_t question = req.target.find('?');
  req.path = req.target.substr(0, question);
  if (question != std::string::npos) {
    httplib::detail::parse_query_text(req.target.substr(question + 1), req.params);
  }
  for (const auto& field : in) {
    req.headers.emplace(std::string(field.name_string()), std::string(field.value()));
  }
  req.body = std::move(in.body());
  req.remote_addr = client;
  return req;
}

WireResponse wire_response(httplib::Response& res, bool head, unsigned version, bool keep_alive) {
  if (res.status < 100) res.status = 500;
  if (res.status >= 400 && res.body.empty()) send_error(res, res.status, default_error_text(res.status));
  WireResponse out{static_cast<http::status>(res.status), version};
  out.set("Access-Control-Allow-Origin", "*");
  out.set("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
  out.set("Access-Control-Allow-Headers", "Content-Type, Authorization");
  out.set("Access-Control-Max-Age", "600");
  out.set("Cache-Control", "no-store");
  for (const auto& [name, value] : res.headers) out.set(name, value);
  out.body() = std::move(res.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  if (head) out.body().clear();  // Content-Length stays that of the GET answer
  return out;
}

httplib::Response error_response(int status) {
  httplib::Response res;
  send_error(res, status, default_error_text(status));
  return res;
}

}  // namespace acw::backend
