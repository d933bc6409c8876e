#include "chain/scanner.h"

#include "chain/vault_abi.h"
#include "crediting.h"
#include "util/log.h"

namespace acw::backend {

Scanner::Scanner(JsonRpc& rpc, Store& store, std::string vault, uint64_t deploy_block,
                 uint32_t deposit_bonus_bps, Clock clock, uint64_t max_blocks_per_query)
    : rpc_(rpc),
      store_(store),
      vault_(std::move(vault)),
      deploy_block_(deploy_block),
      deposit_bonus_bps_(deposit_bonus_bps),
      clock_(std::move(clock)),
      max_blocks_(max_blocks_per_query == 0 ? 1 : max_blocks_per_query) {}

Scanner::~Scanner() { stop(); }

uint64_t Scanner::next_block() {
  if (auto stored = store_.meta(kScannerNextBlockKey)) {
    if (auto value = acw::parse_decimal(*stored); value && *value <= INT64_MAX) {
      return static_cast<uint64_t>(*value);
    }
  }
  return deploy_block_;
}

Scanner::Report Scanner::scan_once() {
  std::lock_guard<std::mutex> lock(scan_mutex_);
  Report report;
  report.next_block = next_block();
  auto head_answer = rpc_.call("eth_blockNumber", acw::json::array());
  auto head = head_answer.ok() ? parse_small_quantity(*head_answer.value) : std::nullopt;
  if (!head) {
    report.ok = false;
    report.error = head_answer.ok() ? "eth_blockNumber answered a non-quantity" : head_answer.error;
    return report;
  }
  if (*head + 1 < report.next_block) {
    // The node was restarted with a fresh chain: scan it from the deploy block again.
    log_warn("scanner: chain head " + std::to_string(*head) + " is behind block " +
             std::to_string(report.next_block) + "; the chain was reset, rescanning from " +
             std::to_string(deploy_block_));
    report.next_block = deploy_block_;
  }

  while (report.next_block <= *head) {
    {
      std::lock_guard<std::mutex> stop_lock(stop_mutex_);
      if (stopping_) break;
    }
    const uint64_t from = report.next_block;
    const uint64_t to = std::min<uint64_t>(*head, from + max_blocks_ - 1);
    const acw::json filter = {{"address", vault_},
                              {"topics", acw::json::array({deposited_topic()})},
                              {"fromBlock", acw::to_hex_quantity(from)},
                              {"toBlock", acw::to_hex_quantity(to)}};
    auto logs = rpc_.call("eth_getLogs", acw::json::array({filter}));
    if (!logs.ok()) {
      report.ok = false;
      report.error = logs.error;
      return report;
    }
    ExtractedDeposits extracted = extract_deposits(*logs.value, vault_);
    for (const std::string& error : extracted.errors) log_error("scanner: " + error);
    CreditResult credited = credit_deposits(store_, extracted.deposits, deposit_bonus_bps_,
                                            clock_());
    for (const std::string& error : credited.errors) log_error("scanner: " + error);
    if (credited.store_failed) {
      report.ok = false;
      report.error = "store failed";
      return report;
    }
    for (const auto& c : credited.credits) report.newly_credited += c.inserted ? 1 : 0;
    report.next_block = to + 1;
    if (!store_.set_meta(kScannerNextBlockKey, std::to_string(report.next_block))) {
      report.ok = false;
      report.error = "store failed";
      return report;
    }
  }
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
