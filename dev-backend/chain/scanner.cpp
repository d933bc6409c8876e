#include "chain/scanner.h"

#include "chain/vault_abi.h"
#include "crediting.h"
#include "util/log.h"

namespace acw::backend {

Scanner::Scanner(JsonRpc& rpc, Store& store, ScannerConfig config, Clock clock)
    : rpc_(rpc), store_(store), config_(std::move(config)), clock_(std::move(clock)) {
  if (config_.max_blocks_per_query == 0) config_.max_blocks_per_query = 1;
}

Scanner::~Scanner() { stop(); }

uint64_t Scanner::next_block() {
  if (auto stored = store_.meta(kScannerNextBlockKey)) {
    if (auto value = acw::parse_decimal(*stored); value && *value <= INT64_MAX) {
      return static_cast<uint64_t>(*value);
    }
  }
  return config_.deploy_block;
}

bool Scanner::stopping() {
  std::lock_guard<std::mutex> lock(stop_mutex_);
  return stopping_;
}

bool Scanner::process_logs(const acw::json& logs, BlockTimes& times, Report& report,
                           std::string& error) {
  const StreamContracts& c = config_.contracts;
  ExtractedDeposits deposits = extract_deposits(logs, c.vault);
  for (const std::string& e : deposits.errors) log_error("scanner: " + e);
  CreditResult credited =
      credit_deposits(store_, deposits.deposits, config_.deposit_bonus_bps, clock_());
  for (const std::string& e : credited.errors) log_error("scanner: " + e);
  if (credited.store_failed) {
    error = "store failed";
    return false;
  }
  for (const auto& credit : credited.credits) report.newly_credited += credit.inserted ? 1 : 0;

  ExtractedStreamLogs streams = extract_stream_logs(logs, c);
  for (const std::string& e : streams.errors) log_error("scanner: " + e);
  for (const StreamLog& s : streams.streams) {
    auto time = times.at(s.at.block_number);
    if (!time.ok()) {
      error = time.error;
      return false;
    }
    auto applied = store_.apply_stream_event(
        stream_event_record(s, *time.value, liquidator_of(s, streams.liquidations, c)),
        config_.stream_bonus_bps, clock_());
    if (!applied) {
      error = "store failed";
      return false;
    }
    if (!applied->applied) continue;
    ++report.stream_events_applied;
    if (applied->credit && applied->credit->inserted) {
      report.new_stream_credit_ids.push_back(applied->credit->entry.id);
    }
    const StreamEventRecord& e = applied->event;
    log_info("stream " + e.id + ": " + e.kind + " " + e.sender + " -> " + e.account + " at " +
             acw::to_decimal(e.flow_rate_wei_per_second) + " wei/s" +
             (applied->credit ? ", credited " +
                                    acw::to_decimal(applied->credit->entry.total_credit_usd) +
                                    " micro-USD"
                              : std::string()));
  }
  return true;
}

Scanner::Report Scanner::sync() {
  std::lock_guard<std::mutex> lock(scan_mutex_);
  Report report;
  report.next_block = next_block();
  auto head = fetch_block(rpc_, "latest");
  if (!head.ok()) {
    report.ok = false;
    report.error = head.error;
    return report;
  }
  report.head = *head.value;
  if (report.head.number + 1 < report.next_block) {
    // The node was restarted with a fresh chain: scan it from the deploy block again.
    log_warn("scanner: chain head " + std::to_string(report.head.number) + " is behind block " +
             std::to_string(report.next_block) + "; the chain was reset, rescanning from " +
             std::to_string(config_.deploy_block));
    report.next_block = config_.deploy_block;
  }

  if (config_.confirmations > 1) {
    // Scan up to the newest block that is deep enough: "head" below means that block.
    const uint64_t depth = config_.confirmations - 1;
    const uint64_t number = report.head.number > depth ? report.head.number - depth : 0;
    auto safe = fetch_block(rpc_, acw::to_hex_quantity(number));
    if (!safe.ok()) {
      report.ok = false;
      report.error = safe.error;
      return report;
    }
    report.head = *safe.value;
  }
  BlockTimes times(rpc_);
  times.remember(report.head);
  const acw::json addresses = acw::json::array({config_.contracts.vault, config_.contracts.token});
  const acw::json topics = acw::json::array(
      {acw::json::array({deposited_topic(), stream_updated_topic(),
                         agreement_liquidated_v2_topic()})});
  while (report.next_block <= report.head.number) {
    if (stopping()) {
      report.ok = false;
      report.error = "stopping";
      return report;
    }
    const uint64_t from = report.next_block;
    const uint64_t to =
        std::min<uint64_t>(report.head.number, from + config_.max_blocks_per_query - 1);
    const acw::json filter = {{"address", addresses},
                              {"topics", topics},
                              {"fromBlock", acw::to_hex_quantity(from)},
                              {"toBlock", acw::to_hex_quantity(to)}};
    auto logs = rpc_.call("eth_getLogs", acw::json::array({filter}));
    if (!logs.ok()) {
      report.ok = false;
      report.error = logs.error;
      return report;
    }
    std::string error;
    if (!process_logs(*logs.value, times, report, error)) {
      report.ok = false;
      report.error = error;
      return report;
    }
    report.next_block = to + 1;
    if (!store_.set_meta(kScannerNextBlockKey, std::to_string(report.next_block))) {
      report.ok = false;
      report.error = "store failed";
      return report;
    }
  }
  return report;
}

Scanner::Report Scanner::scan_once() {
  Report report = sync();
  if (!report.ok || config_.stream_cron_seconds <= 0) return report;
  // Credits only up to the head this scan reached: every event up to it is applied, and a
  // later event's block time is never earlier.
  auto credits = store_.credit_streams(std::nullopt, report.head.timestamp_s,
                                       static_cast<int64_t>(report.head.number),
                                       config_.stream_cron_seconds, config_.stream_bonus_bps,
                                       clock_());
  if (!credits) {
    report.ok = false;
    report.error = "store failed";
    return report;
  }
  for (const InsertedCredit& c : *credits) {
    log_info("stream credit " + c.entry.id + " to " + c.entry.account + ": " +
             acw::to_decimal(c.entry.total_credit_usd) + " micro-USD");
  }
  report.stream_credits = static_cast<int64_t>(credits->size());
  return report;
}

void Scanner::start(int64_t interval_ms) {
  if (thread_.joinable() || interval_ms <= 0) return;
  thread_ = std::thread([this, interval_ms] {
    std::string last_error;
    for (;;) {
      Report report = scan_once();
      if (!report.ok && report.error != last_error) log_warn("scanner: " + report.error);
      if (report.ok && !last_error.empty()) log_info("scanner: working again");
      last_error = report.ok ? std::string() : report.error;
      std::unique_lock<std::mutex> lock(stop_mutex_);
      if (stop_cv_.wait_for(lock, std::chrono::milliseconds(interval_ms),
                            [this] { return stopping_; })) {
        return;
      }
    }
  });
}

void Scanner::stop() {
  {
    std::lock_guard<std::mutex> lock(stop_mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace acw::backend
