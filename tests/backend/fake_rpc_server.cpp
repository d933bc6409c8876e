#include "fake_rpc_server.h"

#include <chrono>

#include <httplib.h>

namespace acw::backend::test {

FakeRpcServer::FakeRpcServer(ChainState& chain)
    : chain_(chain), http_(std::make_unique<httplib::Server>()) {
  http_->Post("/", [this](const httplib::Request& req, httplib::Response& res) {
    auto request = acw::parse_json(req.body);
    if (!request.ok() || !request.value->is_object()) {
      res.status = 400;
      return;
    }
    const acw::json& r = *request.value;
    auto result = chain_.answer(r.at("method").get<std::string>(), r.value("params", acw::json::array()));
    acw::json answer = {{"jsonrpc", "2.0"}, {"id", r.at("id")}};
    if (result.ok()) {
      answer["result"] = *result.value;
    } else {
      answer["error"] = {{"code", -32000}, {"message", result.error}};
    }
    res.set_content(answer.dump(), "application/json");
  });
  http_->set_tcp_nodelay(true);
  // Like a real node (anvil serves its connections asynchronously): many kept-alive
  // connections at once, from several backends, and no cap on requests per connection.
  // httplib's defaults (8 threads, one per open connection; 5 requests per connection) would
  // make a ninth kept-alive connection wait for another to be closed.
  http_->new_task_queue = [] { return new httplib::ThreadPool(64); };
  http_->set_keep_alive_max_count(1'000'000);
  port_ = http_->bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { http_->listen_after_bind(); });
  for (int i = 0; i < 5000 && !http_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

FakeRpcServer::~FakeRpcServer() {
  http_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeRpcServer::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

}  // namespace acw::backend::test
