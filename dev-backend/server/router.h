// Routes by method and path pattern, so that an unknown path is a JSON 404, a known path
// with another method a JSON 405 (with Allow), and OPTIONS a CORS preflight answer.
// Patterns are literal segments and ":name" captures ("/v1/accounts/:account/profile"); no
// regular expressions (std::regex recurses per character on long paths).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <httplib.h>

namespace acw::backend {

using Captures = std::vector<std::string>;  // the ":name" segments, in order
using RouteHandler =
    std::function<void(const httplib::Request&, httplib::Response&, const Captures&)>;

class Router {
 public:
  void add(const std::string& method, const std::string& pattern, RouteHandler handler);
  void dispatch(const httplib::Request& req, httplib::Response& res) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    RouteHandler handler;
  };
  std::vector<Route> routes_;
};

// "/a/b/" -> {"a", "b", ""}; "/" -> {""}. Splits the path as sent (percent-encoded).
std::vector<std::string> split_path(const std::string& path);

}  // namespace acw::backend
