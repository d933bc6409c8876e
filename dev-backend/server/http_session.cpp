#include "server/http_session.h"

#include <algorithm>
#include <chrono>
#include <iterator>

#include <boost/asio/post.hpp>

#include "server/http_util.h"
#include "util/log.h"

namespace acw::backend {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using std::chrono::milliseconds;

namespace {

constexpr size_t kDrainBytes = 64 * 1024;  // read (and dropped) after an early answer

// A parse error of the request itself (400 and friends) rather than a network one.
bool is_http_error(const beast::error_code& error) {
  return error.category() == http::make_error_code(http::error::bad_target).category();
}

}  // namespace

HttpSession::HttpSession(asio::ip::tcp::socket socket, std::string client, SessionContext& ctx)
    : stream_(std::move(socket)),
      client_(std::move(client)),
      ctx_(ctx),
      // The head must fit (the parser refuses more first); bodies stream through it.
      buffer_(2 * ctx.limits.max_head_bytes) {}

HttpSession::~HttpSession() {
  ctx_.connections.clear_idle(this);
  ctx_.connections.release(client_);
}

void HttpSession::start() { wait_for_request(); }

// Idle until the first byte: closable when the server is near its connection cap.
void HttpSession::wait_for_request() {
  if (buffer_.size() > 0) {  // a pipelined request is already here
    read_head();
    return;
  }
  const HttpLimits& limits = ctx_.limits;
  const int64_t wait = first_request_
                           ? std::min(limits.idle_timeout_ms, limits.request_deadline_ms)
                           : limits.idle_timeout_ms;
  stream_.expires_after(milliseconds(wait));
  ctx_.connections.set_idle(this, [weak = weak_from_this()] {
    if (auto self = weak.lock()) self->stream_.close();
  });
  stream_.async_read_some(buffer_.prepare(1024), [self = shared_from_this()](
                                                      beast::error_code error, size_t bytes) {
    self->ctx_.connections.clear_idle(self.get());
    if (error) return;
    self->buffer_.commit(bytes);
    self->read_head();
  });
}

// From the first byte on, head and body share one deadline: trickling a request does not
// buy time.
void HttpSession::read_head() {
  first_request_ = false;
  method_ = path_ = "-";
  stream_.expires_after(milliseconds(ctx_.limits.request_deadline_ms));
  parser_.emplace();
  parser_->header_limit(static_cast<uint32_t>(ctx_.limits.max_head_bytes));
  parser_->body_limit(ctx_.limits.max_body_bytes);
  http::async_read_header(stream_, buffer_, *parser_,
                          [self = shared_from_this()](beast::error_code error, size_t) {
                            self->on_head(error);
                          });
}

void HttpSession::on_head(beast::error_code error) {
  if (error == http::error::header_limit || error == http::error::buffer_overflow) {
    return refuse(431);
  }
  if (error == http::error::body_limit) return refuse(413);  // Content-Length over the limit
  if (error) {
    if (is_http_error(error)) refuse(400);
    return;  // timeout, reset, closed: nothing to answer
  }
  const WireRequest& req = parser_->get();
  method_ = std::string(req.method_string());
  const auto target = req.target();
  path_ = std::string(target.substr(0, std::min(target.find('?'), size_t{200})));
  version_ = req.version();
  if (target.size() > ctx_.limits.max_target_bytes) return refuse(414);
  if (static_cast<size_t>(std::distance(req.begin(), req.end())) > ctx_.limits.max_header_count) {
    return refuse(431);
  }
  if (const int64_t wait_ms = ctx_.admit_request(method_, client_); wait_ms > 0) {
    const int64_t seconds = (wait_ms + 999) / 1000;
    httplib::Response res;
    res.set_header("Retry-After", std::to_string(seconds));
    send_json(res, 429, {{"error", "too many requests"}, {"retryAfterSeconds", seconds}});
    // Answered before its body is read; a connection with a body still coming closes.
    return send(std::move(res), parser_->is_done() && req.keep_alive());
  }
  if (!parser_->is_done() && beast::iequals(req[http::field::expect], "100-continue")) {
    interim_.emplace(http::status::continue_, version_);
    http::async_write(stream_, *interim_,
                      [self = shared_from_this()](beast::error_code write_error, size_t) {
                        if (!write_error) self->read_body();
                      });
    return;
  }
  read_body();
}

void HttpSession::read_body() {
  if (parser_->is_done()) return on_body({});
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code error, size_t) {
                     self->on_body(error);
                   });
}

void HttpSession::on_body(beast::error_code error) {
  if (error == http::error::body_limit) return refuse(413);
  if (error) {
    if (is_http_error(error)) refuse(400);
    return;
  }
  stream_.expires_never();  // the handler's time is not the client's
  run_handler();
}

void HttpSession::run_handler() {
  // Near the cap, answers close their connection instead of keeping it idle.
  const bool keep_alive = parser_->get().keep_alive() && !ctx_.connections.near_cap();
  httplib::Request req = route_request(parser_->get(), client_);
  parser_.reset();
  asio::post(ctx_.workers, [self = shared_from_this(), req = std::move(req), keep_alive]() mutable {
    httplib::Response res;
    try {
      self->ctx_.handle(req, res);
    } catch (const std::exception& e) {
      log_error(req.method + " " + self->path_ + ": " + e.what());
      res = httplib::Response();
      send_error(res, 500, "internal error");
    }
    // The session goes back to the network thread with the answer: this thread keeps no
    // reference, so the session is never destroyed here.
    auto executor = self->stream_.get_executor();
    asio::post(executor, [self = std::move(self), res = std::move(res), keep_alive]() mutable {
      self->send(std::move(res), keep_alive);
    });
  });
}

void HttpSession::send(httplib::Response res, bool keep_alive) {
  // Method, path and status only: never query strings, headers or bodies (keys, signatures).
  log_info(method_ + " " + path_ + " " + std::to_string(res.status));
  response_.emplace(wire_response(res, method_ == "HEAD", version_, keep_alive));
  stream_.expires_after(milliseconds(ctx_.limits.write_timeout_ms));
  http::async_write(stream_, *response_,
                    [self = shared_from_this()](beast::error_code error, size_t) {
                      if (error) return;
                      if (!self->response_->keep_alive()) return self->close_after_answer();
                      self->response_.reset();
                      self->wait_for_request();
                    });
}

void HttpSession::refuse(int status) { send(error_response(status), false); }

// Half-close, then read what the client still sends for a moment: closing with unread bytes
// would reset the connection and could destroy the answer before the client read it.
void HttpSession::close_after_answer() {
  beast::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.expires_after(milliseconds(1000));
  buffer_.clear();
  drained_ = 0;
  drain();
}

void HttpSession::drain() {
  stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](
                                                     beast::error_code error, size_t bytes) {
    self->buffer_.clear();
    self->drained_ += bytes;
    if (!error && self->drained_ < kDrainBytes) self->drain();
  });
}

}  // namespace acw::backend
