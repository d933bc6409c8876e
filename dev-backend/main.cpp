// acw-dev-backend: the local credits backend of SPEC.md §4 (HTTP + SQLite + the local chain).
#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <thread>

#include "chain/rpc_client.h"
#include "chain/scanner.h"
#include "chain/vault_reader.h"
#include "deployment.h"
#include "options.h"
#include "server/server.h"
#include "store/store.h"
#include "util/log.h"
#include "util/sigbus_guard.h"

using namespace acw::backend;

int main(int argc, char** argv) {
  auto options = parse_options(std::vector<std::string>(argv + 1, argv + argc));
  if (!options.ok()) {
    std::fprintf(stderr, "acw-dev-backend: %s\n%s", options.error.c_str(), usage_text().c_str());
    return 2;
  }
  const Options& o = *options.value;
  if (o.help) {
    std::printf("%s", usage_text().c_str());
    return 0;
  }

  auto deployment = load_deployment(o.deployment_path);
  if (!deployment.ok()) {
    std::fprintf(stderr, "acw-dev-backend: %s\n", deployment.error.c_str());
    return 1;
  }
  install_sigbus_guard(o.db_path);
  Store store;
  std::string error;
  if (!store.open(o.db_path, error)) {
    std::fprintf(stderr, "acw-dev-backend: %s\n", error.c_str());
    return 1;
  }

  // SIGINT/SIGTERM are taken by a thread of their own (sigwait), blocked everywhere else.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  HttpJsonRpc rpc(*parse_http_url(deployment.value->rpc_url).value);
  VaultReader vault(rpc, deployment.value->vault, deployment.value->params, o.price_cache_ms,
                    system_now_ms);
  const Deployment& d = *deployment.value;
  ScannerConfig scan;
  scan.contracts = StreamContracts{d.vault, d.token, d.cfa};
  scan.deploy_block = d.deploy_block;
  scan.deposit_bonus_bps = o.deposit_bonus_bps;
  scan.stream_bonus_bps = o.stream_bonus_bps;
  scan.stream_cron_seconds = o.stream_cron_seconds;
  scan.confirmations = static_cast<uint64_t>(o.confirmations);
  Scanner scanner(rpc, store, scan, system_now_ms);
  App app{AppConfig{d, o.deposit_bonus_bps, o.stream_bonus_bps, o.siwe_origins.empty() ? default_siwe_origins() : o.siwe_origins, o.chain_name, o.native_symbol,
                    o.explorer_url, rate_limits_of(o), http_limits_of(o),
                    static_cast<uint64_t>(o.confirmations)},
          store, rpc, vault, scanner, system_now_ms};
  BackendServer server(app);
  const int port = server.bind(o.host, o.port);
  if (port < 0) {
    std::fprintf(stderr, "acw-dev-backend: cannot listen on %s:%d\n", o.host.c_str(), o.port);
    return 1;
  }
  scanner.start(o.scan_interval_ms);

  std::thread signal_thread([&] {
    int received = 0;
    sigwait(&signals, &received);
    log_info(std::string("stopping on ") + (received == SIGINT ? "SIGINT" : "SIGTERM"));
    server.stop();
  });
  signal_thread.detach();

  std::printf("acw-dev-backend listening on http://%s:%d (chain %llu, vault %s, db %s)\n",
              o.host.c_str(), port, static_cast<unsigned long long>(deployment.value->chain_id),
              deployment.value->vault.c_str(), o.db_path.c_str());
  std::fflush(stdout);
  const bool ok = server.listen();
  scanner.stop();
  return ok ? 0 : 1;
}
