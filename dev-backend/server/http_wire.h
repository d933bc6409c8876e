// Between Boost.Beast's parsed messages and the routes' request/response values (cpp-httplib's
// Request and Response structs, which the routes and their tests were written against).
#pragma once
#include <string>

#include <boost/beast/http.hpp>
#include <httplib.h>

namespace acw::backend {

using WireRequest = boost::beast::http::request<boost::beast::http::string_body>;
using WireResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Moves the body out of `in`. The path stays percent-encoded (the router decodes each segment
// after splitting, so "%2F" never becomes a separator); query parameters are decoded.
httplib::Request route_request(WireRequest& in, const std::string& client);

// Adds the headers every response carries (open CORS, no caching). A HEAD answer keeps the
// GET answer's Content-Length and drops its body.
WireResponse wire_response(httplib::Response& res, bool head, unsigned version, bool keep_alive);

// A JSON error answer of the server itself (limits, malformed requests, 429, 503).
httplib::Response error_response(int status);

}  // namespace acw::backend
