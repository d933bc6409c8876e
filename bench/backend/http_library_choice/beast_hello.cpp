// The smallest event-driven server on Boost.Beast (one io thread, async sessions, keep-alive)
// answering every request with a short JSON body: one side of the library choice
// (docs/reliability.md, "Choosing the HTTP library").
#include <cstdlib>
#include <memory>

#include <boost/asio.hpp>
#include <boost/beast.hpp>

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket socket) : stream_(std::move(socket)) {}
  void read() {
    request_ = {};
    stream_.expires_after(std::chrono::seconds(5));
    http::async_read(stream_, buffer_, request_, [self = shared_from_this()](auto error, auto) {
      if (!error) self->answer();
    });
  }

 private:
  void answer() {
    response_ = {http::status::ok, request_.version()};
    response_.set(http::field::content_type, "application/json");
    response_.body() = "{\"ok\":true}";
    response_.keep_alive(request_.keep_alive());
    response_.prepare_payload();
    http::async_write(stream_, response_, [self = shared_from_this()](auto error, auto) {
      if (!error && self->response_.keep_alive()) self->read();
    });
  }
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
};

void accept(tcp::acceptor& acceptor) {
  acceptor.async_accept([&acceptor](auto error, tcp::socket socket) {
    if (!error) std::make_shared<Session>(std::move(socket))->read();
    accept(acceptor);
  });
}

int main(int argc, char** argv) {
  asio::io_context io;
  tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"),
                              static_cast<unsigned short>(argc > 1 ? std::atoi(argv[1]) : 8791)});
  accept(acceptor);
  io.run();
}
