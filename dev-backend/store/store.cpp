// Opening the store and its small key/value table.
#include "store/store.h"

#include "store/schema.h"

namespace acw::backend {

// Version 1 databases (before streams) lack the credits' period columns. They get them, and
// lose the scanner position: the scanner then reads the vault's logs again from the deploy
// block and applies the StreamUpdated events it skipped before (deposits are credited once
// by id, so they are not credited again).
bool Store::migrate_locked(std::string& error) {
  Stmt columns(db_, "SELECT name FROM pragma_table_info('credits')");
  bool has_period = false;
  while (columns.step()) has_period = has_period || columns.text(0) == "period_from_s";
  if (columns.failed()) {
    error = "cannot read the schema: " + db_.last_error();
    return false;
  }
  if (!has_period && !db_.exec("BEGIN IMMEDIATE; "
                "ALTER TABLE credits ADD COLUMN period_from_s INTEGER; "
                "ALTER TABLE credits ADD COLUMN period_to_s INTEGER; "
                "DELETE FROM meta WHERE key = 'scanner.next_block'; "
                "COMMIT;",
                error)) {
    std::string ignored;
    db_.exec("ROLLBACK", ignored);
    error = "cannot migrate the schema: " + error;
    return false;
  }
  // Version 2 (before usage pages read their total from usage_totals) lacks usage_count;
  // rebuild_usage_totals_locked fills it right after.
  Stmt totals(db_, "SELECT name FROM pragma_table_info('usage_totals')");
  bool has_count = false;
  while (totals.step()) has_count = has_count || totals.text(0) == "usage_count";
  if (totals.failed()) {
    error = "cannot read the schema: " + db_.last_error();
    return false;
  }
  if (!has_count && !db_.exec("ALTER TABLE usage_totals ADD COLUMN usage_count INTEGER NOT NULL "
                              "DEFAULT 0",
                              error)) {
    error = "cannot migrate the schema: " + error;
    return false;
  }
  return true;
}

bool Store::open(const std::string& path, std::string& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!db_.open(path, error)) return false;
  if (!db_.exec(kSchemaSql, error)) {
    error = "cannot create the schema: " + error;
    return false;
  }
  if (!migrate_locked(error)) return false;
  if (!rebuild_usage_totals_locked(error)) return false;
  Stmt version(db_, "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  version.bind(1, std::string(kSchemaVersion));
  if (!version.run()) {
    error = "cannot write the schema version: " + db_.last_error();
    return false;
  }
  if (path != ":memory:") {
    std::lock_guard<std::mutex> read_lock(read_mutex_);
    if (!read_db_.open_read_only(path, error)) return false;
    has_reader_ = true;
  }
  return true;
}

std::optional<std::string> Store::meta(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stmt stmt(db_, "SELECT value FROM meta WHERE key = ?");
  stmt.bind(1, key);
  if (stmt.step()) return stmt.text(0);
  return std::nullopt;
}

bool Store::set_meta(const std::string& key, const std::string& value) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stmt stmt(db_, "INSERT INTO meta (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  stmt.bind(1, key).bind(2, value);
  return stmt.run();
}

acw::uint128 remaining_usd(const AccountTotals& totals) {
  const acw::uint128 credited = totals.principal_usd + totals.bonus_usd;  // checked in totals()
  return credited > totals.used_usd ? credited - totals.used_usd : 0;
}

}  // namespace acw::backend
