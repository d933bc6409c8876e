// Credits: insert exactly once, totals, paged history.
#include "store/row_reader.h"
#include "store/store.h"

#include "util/log.h"

namespace acw::backend {
namespace {

constexpr const char* kCreditColumns =
    "id, account, payer, source, funding_status, gd_amount_wei, price_micro_usd_per_g, "
    "principal_usd, bonus_usd, total_credit_usd, tx_hash, log_index, block_number, "
    "created_at_ms, period_from_s, period_to_s";

CreditEntry read_credit(const Stmt& s) {
  CreditEntry e;
  read_columns(s, e.id, e.account, e.payer, e.source, e.funding_status, e.gd_amount_wei,
               e.price_micro_usd_per_g, e.principal_usd, e.bonus_usd, e.total_credit_usd,
               e.tx_hash, e.log_index, e.block_number, e.created_at_ms, e.period_from_s,
               e.period_to_s);
  return e;
}

// The WHERE clause of a history query; binds follow the account at index 1.
std::string history_filter(const HistoryQuery& q) {
  std::string where = " WHERE account = ?1";
  // "stream": both kinds of stream entry (the widget's "stream" filter).
  if (q.source) where += " AND (source = ?2 OR (?2 = 'stream' AND source IN ('streamUpdate', 'streamCron')))";
  if (q.funding_status) where += " AND funding_status = ?3";
  if (q.from_ms) where += " AND created_at_ms >= ?4";
  if (q.to_ms) where += " AND created_at_ms <= ?5";
  return where;
}

void bind_history_filter(Stmt& stmt, const HistoryQuery& q) {
  stmt.bind(1, q.account);
  if (q.source) stmt.bind(2, *q.source);
  if (q.funding_status) stmt.bind(3, *q.funding_status);
  if (q.from_ms) stmt.bind(4, *q.from_ms);
  if (q.to_ms) stmt.bind(5, *q.to_ms);
}

}  // namespace

std::optional<CreditEntry> Store::find_credit_locked(const std::string& id) {
  const std::string sql = std::string("SELECT ") + kCreditColumns + " FROM credits WHERE id = ?";
  Stmt stmt(db_, sql.c_str());
  stmt.bind(1, id);
  if (stmt.step()) return read_credit(stmt);
  return std::nullopt;
}

std::optional<CreditEntry> Store::find_credit(const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return find_credit_locked(id);
}

std::optional<InsertedCredit> Store::insert_credit(const CreditEntry& e) {
  std::lock_guard<std::mutex> lock(mutex_);
  return insert_credit_locked(e);
}

std::optional<InsertedCredit> Store::insert_credit_locked(const CreditEntry& e) {
  // A credit stored already is answered without a write: an INSERT that does nothing still
  // rewrites the AUTOINCREMENT counter, a WAL commit (and an fsync) on every repeated record.
  if (auto stored = find_credit_locked(e.id)) return InsertedCredit{*stored, false};
  // Another backend on the same file may insert it meanwhile: the conflict keeps it once.
  const std::string sql = std::string("INSERT INTO credits (") + kCreditColumns +
                          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          "ON CONFLICT (id) DO NOTHING";
  Stmt stmt(db_, sql.c_str());
  stmt.bind(1, e.id).bind(2, e.account).bind(3, e.payer).bind(4, e.source);
  stmt.bind(5, e.funding_status).bind(6, acw::to_decimal(e.gd_amount_wei));
  stmt.bind(7, acw::to_decimal(e.price_micro_usd_per_g)).bind(8, acw::to_decimal(e.principal_usd));
  stmt.bind(9, acw::to_decimal(e.bonus_usd)).bind(10, acw::to_decimal(e.total_credit_usd));
  stmt.bind(11, e.tx_hash).bind(12, e.log_index).bind(13, e.block_number);
  stmt.bind(14, e.created_at_ms).bind(15, e.period_from_s).bind(16, e.period_to_s);
  if (!stmt.run()) {
    log_error("store: inserting credit " + e.id + ": " + db_.last_error());
    return std::nullopt;
  }
  const bool inserted = db_.changes() == 1;
  auto stored = find_credit_locked(e.id);
  if (!stored) return std::nullopt;
  return InsertedCredit{*stored, inserted};
}

std::optional<AccountTotals> Store::totals_locked(const std::string& account) {
  AccountTotals t;
  Stmt credits(db_, "SELECT gd_amount_wei, principal_usd, bonus_usd, source FROM credits "
                    "WHERE account = ? AND funding_status = 'funded'");
  credits.bind(1, account);
  while (credits.step()) {
    acw::uint128& wei_total = credits.text(3) == "deposit" ? t.deposited_wei : t.streamed_wei;
    auto wei = acw::checked_add(wei_total, read_decimal(credits, 0));
    auto principal = acw::checked_add(t.principal_usd, read_decimal(credits, 1));
    auto bonus = acw::checked_add(t.bonus_usd, read_decimal(credits, 2));
    if (!wei || !principal || !bonus) return std::nullopt;
    wei_total = *wei;
    t.principal_usd = *principal;
    t.bonus_usd = *bonus;
  }
  if (credits.failed() || !acw::checked_add(t.principal_usd, t.bonus_usd)) return std::nullopt;
  Stmt used(db_, "SELECT used_usd FROM usage_totals WHERE account = ?");
  used.bind(1, account);
  if (used.step()) t.used_usd = read_decimal(used, 0);
  if (used.failed()) return std::nullopt;
  return t;
}

std::optional<AccountTotals> Store::totals(const std::string& account) {
  std::lock_guard<std::mutex> lock(mutex_);
  return totals_locked(account);
}

std::optional<Page<CreditEntry>> Store::credit_history(const HistoryQuery& q) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string where = history_filter(q);
  Page<CreditEntry> page;
  Stmt count(db_, ("SELECT COUNT(*) FROM credits" + where).c_str());
  bind_history_filter(count, q);
  if (!count.step()) return std::nullopt;
  page.total = count.integer(0);

  const std::string sql = std::string("SELECT ") + kCreditColumns + " FROM credits" + where +
                          " ORDER BY created_at_ms DESC, seq DESC LIMIT ?6 OFFSET ?7";
  Stmt rows(db_, sql.c_str());
  bind_history_filter(rows, q);
  rows.bind(6, q.limit).bind(7, q.offset);
  while (rows.step()) page.items.push_back(read_credit(rows));
  if (rows.failed()) return std::nullopt;
  return page;
}

}  // namespace acw::backend
