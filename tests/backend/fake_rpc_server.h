// A tiny JSON-RPC node over HTTP (cpp-httplib) answering from a ChainState, so the HTTP
// tests exercise the real HttpJsonRpc client too.
#pragma once
#include <memory>
#include <string>
#include <thread>

#include "test_support.h"

namespace httplib {
class Server;
}

namespace acw::backend::test {

class FakeRpcServer {
 public:
  explicit FakeRpcServer(ChainState& chain);
  ~FakeRpcServer();
  std::string url() const;  // "http://127.0.0.1:<port>"

 private:
  ChainState& chain_;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  int port_ = -1;
};

}  // namespace acw::backend::test
