// Opening the store and its small key/value table.
#include "store/store.h"

#include "store/schema.h"

namespace acw::backend {

bool Store::open(const std::string& path, std::string& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!db_.open(path, error)) return false;
  if (!db_.exec(kSchemaSql, error)) {
    error = "cannot create the schema: " + error;
    return false;
  }
  Stmt version(db_, "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO NOTHING");
  version.bind(1, std::string(kSchemaVersion));
  if (!version.run()) {
    error = "cannot write the schema version: " + db_.last_error();
    return false;
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
