// Usage: records what an API key spent, atomically against the account's remaining credits.
#include <map>

#include "store/row_reader.h"
#include "store/store.h"

namespace acw::backend {
namespace {

constexpr const char* kUsageColumns = "id, account, api_key_id, request_id, model, cost_usd, at_ms";

UsageEntry read_usage(const Stmt& s) {
  UsageEntry u;
  read_columns(s, u.id, u.account, u.api_key_id, u.request_id, u.model, u.cost_usd, u.at_ms);
  return u;
}

}  // namespace

std::optional<UsageEntry> Store::find_usage_locked(const std::string& account,
                                                   const std::string& request_id) {
  const std::string sql = std::string("SELECT ") + kUsageColumns +
                          " FROM usage WHERE account = ? AND request_id = ?";
  Stmt stmt(db_, sql.c_str());
  stmt.bind(1, account).bind(2, request_id);
  if (stmt.step()) return read_usage(stmt);
  return std::nullopt;
}

std::optional<UsageOutcome> Store::record_usage(const UsageEntry& entry) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx(db_);
  if (!tx.ok()) return std::nullopt;
  auto totals = totals_locked(entry.account);
  if (!totals) return std::nullopt;

  UsageOutcome out;
  out.remaining_usd = remaining_usd(*totals);
  if (auto existing = find_usage_locked(entry.account, entry.request_id)) {
    const bool same = existing->model == entry.model && existing->cost_usd == entry.cost_usd;
    out.status = same ? UsageStatus::duplicate : UsageStatus::conflict;
    out.entry = *existing;
    return out;
  }
  // Exhausted credits refuse every request, free ones too (SPEC §4: 402).
  if (out.remaining_usd < entry.cost_usd || out.remaining_usd == 0) {
    out.status = UsageStatus::insufficient;
    return out;
  }
  const std::string sql = "INSERT INTO usage (account, api_key_id, request_id, model, cost_usd, "
                          "at_ms) VALUES (?, ?, ?, ?, ?, ?)";
  Stmt insert(db_, sql.c_str());
  insert.bind(1, entry.account).bind(2, entry.api_key_id).bind(3, entry.request_id);
  insert.bind(4, entry.model).bind(5, acw::to_decimal(entry.cost_usd)).bind(6, entry.at_ms);
  if (!insert.run()) return std::nullopt;
  const auto used = acw::checked_add(totals->used_usd, entry.cost_usd);
  if (!used) return std::nullopt;
  Stmt total(db_, "INSERT INTO usage_totals (account, used_usd, usage_count) VALUES (?, ?, 1) "
                  "ON CONFLICT (account) DO UPDATE SET used_usd = excluded.used_usd, "
                  "usage_count = usage_count + 1");
  total.bind(1, entry.account).bind(2, acw::to_decimal(*used));
  if (!total.run()) return std::nullopt;
  auto stored = find_usage_locked(entry.account, entry.request_id);
  if (!stored || !tx.commit()) return std::nullopt;
  out.status = UsageStatus::recorded;
  out.entry = *stored;
  out.remaining_usd -= entry.cost_usd;
  return out;
}

bool Store::rebuild_usage_totals_locked(std::string& error) {
  // One write transaction: another backend on the same file cannot spend in between.
  Transaction tx(db_);
  if (!tx.ok()) {
    error = "cannot rebuild the usage totals: " + db_.last_error();
    return false;
  }
  struct Sum {
    acw::uint128 used = 0;
    int64_t count = 0;
  };
  std::map<std::string, Sum> sums;
  Stmt rows(db_, "SELECT account, cost_usd FROM usage");
  while (rows.step()) {
    Sum& sum = sums[rows.text(0)];
    auto cost = acw::parse_decimal(rows.text(1));
    auto used = cost ? acw::checked_add(sum.used, *cost) : std::nullopt;
    if (!used) {
      error = "a usage row of " + rows.text(0) + " holds a bad or overflowing cost";
      return false;
    }
    sum.used = *used;
    ++sum.count;
  }
  if (rows.failed() || !db_.exec("DELETE FROM usage_totals", error)) {
    error = "cannot rebuild the usage totals: " + db_.last_error();
    return false;
  }
  for (const auto& [account, sum] : sums) {
    Stmt insert(db_, "INSERT INTO usage_totals (account, used_usd, usage_count) VALUES (?, ?, ?)");
    insert.bind(1, account).bind(2, acw::to_decimal(sum.used)).bind(3, sum.count);
    if (!insert.run()) {
      error = "cannot rebuild the usage totals: " + db_.last_error();
      return false;
    }
  }
  if (!tx.commit()) {
    error = "cannot rebuild the usage totals: " + db_.last_error();
    return false;
  }
  return true;
}

std::optional<Page<UsageEntry>> Store::usage(const std::string& account, int64_t limit,
                                             int64_t offset) {
  return read([&](Db& db) -> std::optional<Page<UsageEntry>> {
    Snapshot snapshot(db);  // the total and the rows of one commit
    if (!snapshot.ok()) return std::nullopt;
    Page<UsageEntry> page;
    Stmt count(db, "SELECT usage_count FROM usage_totals WHERE account = ?");
    count.bind(1, account);
    page.total = count.step() ? count.integer(0) : 0;
    if (count.failed()) return std::nullopt;
    const std::string sql = std::string("SELECT ") + kUsageColumns +
                            " FROM usage WHERE account = ? ORDER BY at_ms DESC, id DESC "
                            "LIMIT ? OFFSET ?";
    Stmt rows(db, sql.c_str());
    rows.bind(1, account).bind(2, limit).bind(3, offset);
    while (rows.step()) page.items.push_back(read_usage(rows));
    if (rows.failed()) return std::nullopt;
    return page;
  });
}

}  // namespace acw::backend
