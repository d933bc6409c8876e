// One client connection of the HTTP server, driven by Boost.Asio on the server's network
// thread: Boost.Beast's parser reads each request under the limits of HttpLimits, the route
// handler runs on a worker thread, the answer goes back on the network thread. No thread
// waits on a connection, so slow or idle clients cost a socket and a few KB each.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/connection_table.h"
#include "server/http_limits.h"
#include "server/http_wire.h"

namespace acw::backend {

struct SessionContext {
  // 0 = go on; else milliseconds until the client may try again (the rate limiter).
  using AdmitRequest = std::function<int64_t(const std::string& method, const std::string& client)>;
  using Handle = std::function<void(const httplib::Request&, httplib::Response&)>;
  const HttpLimits& limits;
  ConnectionTable& connections;  // network thread only
  boost::asio::thread_pool& workers;
  AdmitRequest admit_request;
  Handle handle;
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  // `client` is the peer's address, already admitted to ctx.connections.
  HttpSession(boost::asio::ip::tcp::socket socket, std::string client, SessionContext& ctx);
  ~HttpSession();
  void start();

 private:
  using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;
  void wait_for_request();
  void read_head();
  void on_head(boost::beast::error_code error);
  void read_body();
  void on_body(boost::beast::error_code error);
  void run_handler();
  void send(httplib::Response res, bool keep_alive);
  void refuse(int status);  // an error answer, then the connection closes
  void close_after_answer();
  void drain();

  boost::beast::tcp_stream stream_;
  std::string client_;
  SessionContext& ctx_;
  boost::beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  std::optional<WireResponse> response_;
  std::optional<boost::beast::http::response<boost::beast::http::empty_body>> interim_;
  std::string method_ = "-", path_ = "-";  // of the request being answered, for the log
  unsigned version_ = 11;
  bool first_request_ = true;
  size_t drained_ = 0;
};

}  // namespace acw::backend
