// The background scanner of the vault's logs, from the last processed block (persisted in the
// store) to the chain head: Deposited logs are credited (so a payment whose hash the widget
// lost is still credited), StreamUpdated logs (with the token's AgreementLiquidatedV2 logs of
// the same transactions) are applied to the streams in chain order. Both exactly once by
// txHash:logIndex, shared with the record route. After a scan the loop credits the active
// streams up to the head block's timestamp (streamCron), at most every stream_cron_seconds of
// block time per stream.
#pragma once
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "chain/rpc_client.h"
#include "store/store.h"
#include "streaming.h"
#include "util/time.h"

namespace acw::backend {

inline constexpr const char* kScannerNextBlockKey = "scanner.next_block";

struct ScannerConfig {
  StreamContracts contracts;  // vault and token required
  uint64_t deploy_block = 0;
  uint32_t deposit_bonus_bps = 1000;
  uint32_t stream_bonus_bps = 2000;
  int64_t stream_cron_seconds = 60;  // 0: the loop never credits streams by itself
  uint64_t max_blocks_per_query = 2000;
  // Only blocks at least this deep are scanned (1: up to the head): a deposit or flow change
  // is credited once confirmed, and one dropped by a reorg before that never is.
  uint64_t confirmations = 1;
};

class Scanner {
 public:
  Scanner(JsonRpc& rpc, Store& store, ScannerConfig config, Clock clock);
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  struct Report {
    bool ok = true;
    std::string error;
    int64_t newly_credited = 0;          // deposits
    int64_t stream_events_applied = 0;   // StreamUpdated events applied now
    int64_t stream_credits = 0;          // streamCron credits of this scan (scan_once only)
    std::vector<std::string> new_stream_credit_ids;  // streamUpdate credits made now
    uint64_t next_block = 0;             // the first block not scanned yet
    BlockHeader head;                    // every block up to head.number is scanned (when ok)
  };

  // Scans from the stored position to the latest block, in chunks; no stream crediting.
  // The routes call this before they credit streams or read an event's effect.
  Report sync();
  // sync() then the periodic stream credit (what the background loop runs).
  Report scan_once();

  void start(int64_t interval_ms);  // a thread calling scan_once every interval
  void stop();                      // idempotent; joins the thread

  const ScannerConfig& config() const { return config_; }

 private:
  uint64_t next_block();
  bool stopping();
  // Applies one chunk's logs; false (and `error`) when something must be retried.
  bool process_logs(const acw::json& logs, BlockTimes& times, Report& report, std::string& error);

  JsonRpc& rpc_;
  Store& store_;
  ScannerConfig config_;
  Clock clock_;

  std::mutex scan_mutex_;  // one scan at a time
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace acw::backend
