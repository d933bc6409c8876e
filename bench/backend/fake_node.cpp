// acw-bench-node: the fake JSON-RPC node of the backend tests as a program, for
// bench/backend/load.sh.
//   acw-bench-node serve      serves on a free loopback port: head block 10, vault price
//                             0.01 USD per G$, one payment (1,000,000 G$ to anvil's account 0)
//                             in transaction tx_hash(1); prints "url URL", "tx HASH" and
//                             "account ADDRESS", then runs until SIGINT/SIGTERM.
//   acw-bench-node sign KEY   personal_sign of stdin (the whole text) with the hex private
//                             key; prints the 0x signature.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#include "fake_rpc_server.h"
#include "test_support.h"

using namespace acw::backend;

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "sign" && argc == 3) {
    const std::string message((std::istreambuf_iterator<char>(std::cin)),
                              std::istreambuf_iterator<char>());
    const std::string signature = test::personal_sign(message, argv[2]);
    if (signature.empty()) return 1;
    std::printf("%s\n", signature.c_str());
    return 0;
  }
  if (command != "serve") {
    std::fprintf(stderr, "usage: acw-bench-node serve | acw-bench-node sign PRIVATE_KEY_HEX\n");
    return 2;
  }

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  test::ChainState chain;
  chain.head = 10;
  chain.set_vault_params(10000, 1'000'000, 2'000'000);
  const std::string tx = test::tx_hash(1);
  const std::string account = test::kAnvilAddress0;
  chain.add_receipt(test::receipt(
      tx, 1,
      {test::deposited_log(test::kVault, tx, 0, 5, account, account,
                           static_cast<acw::uint128>(1'000'000) * acw::kWeiPerG, 10000)}));
  test::FakeRpcServer node(chain);
  std::printf("url %s\ntx %s\naccount %s\n", node.url().c_str(), tx.c_str(), account.c_str());
  std::fflush(stdout);

  int received = 0;
  sigwait(&signals, &received);
  return 0;
}
