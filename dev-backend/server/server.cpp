#include "server/server.h"

#include <sys/socket.h>

#include <httplib.h>

#include "server/http_util.h"
#include "server/routes.h"
#include "util/log.h"

namespace acw::backend {
namespace {

// Longer paths are refused before httplib's std::regex routing sees them.
constexpr size_t kMaxPathBytes = 2048;

const char* default_error_text(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "request body too large (limit 64 KB)";
    case 414: return "URI too long";
    case 429: return "too many requests";
    case 431: return "request headers too large";
    default: return status >= 500 ? "internal error" : "request failed";
  }
}

}  // namespace

BackendServer::BackendServer(App& app)
    : app_(app), limiter_(app.config.rate_limits), http_(std::make_unique<httplib::Server>()) {
  add_config_routes(router_, app_);
  add_account_routes(router_, app_);
  add_event_routes(router_, app_);
  add_auth_routes(router_, app_);
  add_usage_routes(router_, app_);
  add_stream_routes(router_, app_);

  httplib::Server& http = *http_;
  http.set_default_headers({
      {"Access-Control-Allow-Origin", "*"},
      {"Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS"},
      {"Access-Control-Allow-Headers", "Content-Type, Authorization"},
      {"Access-Control-Max-Age", "600"},
      {"Cache-Control", "no-store"},
  });
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which lets a second
  // backend on the same port silently share (and split) the traffic.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // TCP_NODELAY: httplib writes a response's headers and body separately; with Nagle's
  // algorithm the body then waits for the client's delayed ACK (40 ms on Linux) on every
  // keep-alive request after the first (measured: 75 requests/s on 2 connections).
  http.set_tcp_nodelay(true);
  http.set_payload_max_length(kMaxBodyBytes);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);

  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.size() <= kMaxPathBytes) return httplib::Server::HandlerResponse::Unhandled;
    send_error(res, 414, "URI too long");
    return httplib::Server::HandlerResponse::Handled;
  });
  // The rate limit is checked here, after httplib read the body (at most 64 KB): answering
  // before it would leave the body unread on a keep-alive connection.
  auto dispatch = [this](const httplib::Request& req, httplib::Response& res) {
    if (const int64_t wait_ms = limiter_.take(req.method, req.remote_addr); wait_ms > 0) {
      const int64_t seconds = (wait_ms + 999) / 1000;
      res.set_header("Retry-After", std::to_string(seconds));
      send_json(res, 429, {{"error", "too many requests"}, {"retryAfterSeconds", seconds}});
      return;
    }
    router_.dispatch(req, res);
  };
  http.Get(".*", dispatch);
  http.Post(".*", dispatch);
  http.Put(".*", dispatch);
  http.Patch(".*", dispatch);
  http.Delete(".*", dispatch);
  http.Options(".*", dispatch);

  // Called for every status >= 400: fills in a JSON body when a handler did not write one
  // (httplib's own 400/413/414 answers).
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_error(res, res.status, default_error_text(res.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
          if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        log_error(req.method + " " + req.path + ": " + what);
        send_error(res, 500, "internal error");
      });
  // Method, path and status only: never query strings, headers or bodies (keys, signatures).
  http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    log_info(req.method + " " + req.path.substr(0, 200) + " " + std::to_string(res.status));
  });
}

BackendServer::~BackendServer() { stop(); }

int BackendServer::bind(const std::string& host, int port) {
  if (port == 0) return http_->bind_to_any_port(host);
  return http_->bind_to_port(host, port) ? port : -1;
}

bool BackendServer::listen() { return http_->listen_after_bind(); }

void BackendServer::start_thread() {
  thread_ = std::thread([this] { listen(); });
  for (int i = 0; i < 5000 && !http_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void BackendServer::stop() {
  http_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace acw::backend
