#include "server/router.h"

#include "server/http_util.h"

namespace acw::backend {
namespace {

bool match(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
           Captures& captures) {
  if (pattern.size() != path.size()) return false;
  captures.clear();
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (!pattern[i].empty() && pattern[i][0] == ':') {
      if (path[i].empty()) return false;
      captures.push_back(path[i]);
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = path.empty() || path[0] != '/' ? 0 : 1;
  for (;;) {
    const size_t slash = path.find('/', start);
    segments.push_back(path.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

void Router::add(const std::string& method, const std::string& pattern, RouteHandler handler) {
  routes_.push_back(Route{method, split_path(pattern), std::move(handler)});
}

void Router::dispatch(const httplib::Request& req, httplib::Response& res) const {
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  // Split first, then decode each segment: an encoded "/" (%2F) stays inside its segment.
  std::vector<std::string> path = split_path(req.path);
  for (std::string& segment : path) segment = httplib::detail::decode_url(segment, false);
  std::string allowed;
  Captures captures;
  for (const Route& route : routes_) {
    if (!match(route.segments, path, captures)) continue;
    if (route.method == method) {
      route.handler(req, res, captures);
      return;
    }
    allowed += (allowed.empty() ? "" : ", ") + route.method;
  }
  if (allowed.empty()) {
    send_not_found(res);
    return;
  }
  allowed += ", OPTIONS";
  res.set_header("Allow", allowed);
  if (method == "OPTIONS") {
    res.status = 204;  // CORS preflight; the Access-Control-* headers are on every response
    return;
  }
  send_error(res, 405, "method not allowed");
}

}  // namespace acw::backend
