#include "server/server.h"

#include <atomic>
#include <chrono>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/http/write.hpp>

#include "server/connection_table.h"
#include "server/http_session.h"
#include "server/routes.h"
#include "util/log.h"

namespace acw::backend {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct BackendServer::Network {
  // Declared in destruction order's reverse: the io_context (and the sessions its handlers
  // hold) goes before the context and the table the sessions use.
  HttpLimits limits;
  ConnectionTable connections;
  asio::thread_pool workers;
  SessionContext ctx;
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  asio::steady_timer retry{io};
  std::atomic<bool> stopped{false};

  Network(const HttpLimits& l, SessionContext::AdmitRequest admit, SessionContext::Handle handle)
      : limits(l),
        connections(l.max_connections, l.max_connections_per_client, l.idle_close_at),
        workers(static_cast<size_t>(std::max(1, l.handler_threads))),
        ctx{limits, connections, workers, std::move(admit), std::move(handle)} {}

  void accept_next() {
    acceptor.async_accept([this](boost::system::error_code error, tcp::socket socket) {
      if (error == asio::error::operation_aborted) return;
      if (error) {  // out of file descriptors, say: try again shortly instead of spinning
        log_error("accept: " + error.message());
        retry.expires_after(std::chrono::milliseconds(50));
        retry.async_wait([this](boost::system::error_code e) {
          if (!e) accept_next();
        });
        return;
      }
      admit(std::move(socket));
      accept_next();
    });
  }

  void admit(tcp::socket socket) {
    boost::system::error_code error;
    const tcp::endpoint peer = socket.remote_endpoint(error);
    if (error) return;
    const std::string client = peer.address().to_string();
    if (connections.near_cap()) connections.close_idle();
    if (connections.admit(client) != ConnectionTable::Admission::admitted) {
      refuse(socket);
      return;
    }
    socket.set_option(tcp::no_delay(true), error);  // answers go out at once
    std::make_shared<HttpSession>(std::move(socket), client, ctx)->start();
  }

  // A 503 in one non-blocking write (whatever fits), then close: a refused connection never
  // gets a session or a wait.
  static void refuse(tcp::socket& socket) {
    boost::system::error_code error;
    socket.non_blocking(true, error);
    httplib::Response res = error_response(503);
    res.set_header("Retry-After", "1");
    WireResponse answer = wire_response(res, false, 11, false);
    boost::beast::http::write(socket, answer, error);
    socket.close(error);
  }
};

BackendServer::BackendServer(App& app) : app_(app), limiter_(app.config.rate_limits) {
  add_config_routes(router_, app_);
  add_account_routes(router_, app_);
  add_event_routes(router_, app_);
  add_auth_routes(router_, app_);
  add_usage_routes(router_, app_);
  add_stream_routes(router_, app_);
  net_ = std::make_unique<Network>(
      app.config.http,
      [this](const std::string& method, const std::string& client) {
        return limiter_.take(method, client);
      },
      [this](const httplib::Request& req, httplib::Response& res) { router_.dispatch(req, res); });
}

BackendServer::~BackendServer() { stop(); }

int BackendServer::bind(const std::string& host, int port) {
  boost::system::error_code error;
  tcp::resolver resolver(net_->io);
  const auto found = resolver.resolve(host, std::to_string(port), tcp::resolver::numeric_service, error);
  if (error || found.empty()) return -1;
  tcp::acceptor& acceptor = net_->acceptor;
  const tcp::endpoint at = found.begin()->endpoint();
  acceptor.open(at.protocol(), error);
  // SO_REUSEADDR only (restarts while old connections linger); never SO_REUSEPORT, which
  // would let a second backend on the same port silently share the traffic.
  if (!error) acceptor.set_option(tcp::acceptor::reuse_address(true), error);
  if (!error) acceptor.bind(at, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    acceptor.close(error);
    return -1;
  }
  return acceptor.local_endpoint().port();
}

bool BackendServer::listen() {
  if (!net_->acceptor.is_open() || net_->stopped) return false;
  net_->accept_next();
  net_->io.run();
  // Handlers still running finish here, on the thread that ran the network (their answers
  // are dropped with the io_context).
  net_->workers.join();
  return true;
}

void BackendServer::start_thread() {
  thread_ = std::thread([this] { listen(); });
}

void BackendServer::stop() {
  // Only asks: safe from a signal-handling thread while listen() runs elsewhere.
  if (!net_->stopped.exchange(true)) net_->io.stop();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

}  // namespace acw::backend
