// The background scanner of the vault's Deposited logs: from the last processed block
// (persisted in the store) to the chain head, so a payment whose hash the widget lost is
// still credited. Crediting is exactly once, shared with the record route.
#pragma once
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "chain/rpc_client.h"
#include "store/store.h"
#include "util/time.h"

namespace acw::backend {

inline constexpr const char* kScannerNextBlockKey = "scanner.next_block";

class Scanner {
 public:
  Scanner(JsonRpc& rpc, Store& store, std::string vault, uint64_t deploy_block,
          uint32_t deposit_bonus_bps, Clock clock, uint64_t max_blocks_per_query = 2000);
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  struct Report {
    bool ok = true;
    std::string error;
    int64_t newly_credited = 0;
    uint64_t next_block = 0;  // the first block not scanned yet
  };
  // Scans from the stored position to the current head, in chunks.
  Report scan_once();

  void start(int64_t interval_ms);  // a thread calling scan_once every interval
  void stop();                      // idempotent; joins the thread

 private:
  uint64_t next_block();

  JsonRpc& rpc_;
  Store& store_;
  std::string vault_;
  uint64_t deploy_block_;
  uint32_t deposit_bonus_bps_;
  Clock clock_;
  uint64_t max_blocks_;

  std::mutex scan_mutex_;  // one scan at a time
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace acw::backend
