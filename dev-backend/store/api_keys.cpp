// API keys: only the SHA-256 of a token and its display prefix are stored.
#include "store/row_reader.h"
#include "store/store.h"

namespace acw::backend {
namespace {

constexpr const char* kKeyColumns =
    "id, account, token_sha256, token_prefix, created_at_ms, last_used_at_ms, revoked_at_ms";

ApiKeyRecord read_key(const Stmt& s) {
  ApiKeyRecord r;
  read_columns(s, r.id, r.account, r.token_sha256, r.token_prefix, r.created_at_ms,
               r.last_used_at_ms, r.revoked_at_ms);
  return r;
}

}  // namespace

bool Store::insert_api_key(const ApiKeyRecord& r) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string sql =
      std::string("INSERT INTO api_keys (") + kKeyColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
  Stmt stmt(db_, sql.c_str());
  stmt.bind(1, r.id).bind(2, r.account).bind(3, r.token_sha256).bind(4, r.token_prefix);
  stmt.bind(5, r.created_at_ms).bind(6, r.last_used_at_ms).bind(7, r.revoked_at_ms);
  return stmt.run();
}

std::optional<ApiKeyRecord> Store::find_api_key_locked(const char* where,
                                                       const std::string& value) {
  const std::string sql =
      std::string("SELECT ") + kKeyColumns + " FROM api_keys WHERE " + where + " = ?";
  Stmt stmt(db_, sql.c_str());
  stmt.bind(1, value);
  if (stmt.step()) return read_key(stmt);
  return std::nullopt;
}

std::optional<ApiKeyRecord> Store::find_api_key(const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return find_api_key_locked("id", id);
}

std::optional<ApiKeyRecord> Store::find_api_key_by_hash(const std::string& token_sha256) {
  std::lock_guard<std::mutex> lock(mutex_);
  return find_api_key_locked("token_sha256", token_sha256);
}

std::optional<std::vector<ApiKeyRecord>> Store::list_api_keys(const std::string& account) {
  return read([&](Db& db) -> std::optional<std::vector<ApiKeyRecord>> {
    const std::string sql = std::string("SELECT ") + kKeyColumns +
                            " FROM api_keys WHERE account = ? ORDER BY created_at_ms DESC, id";
    Stmt stmt(db, sql.c_str());
    stmt.bind(1, account);
    std::vector<ApiKeyRecord> keys;
    while (stmt.step()) keys.push_back(read_key(stmt));
    if (stmt.failed()) return std::nullopt;
    return keys;
  });
}

std::optional<ApiKeyRecord> Store::revoke_api_key(const std::string& id, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stmt stmt(db_, "UPDATE api_keys SET revoked_at_ms = ? WHERE id = ? AND revoked_at_ms IS NULL");
  stmt.bind(1, now_ms).bind(2, id);
  if (!stmt.run()) return std::nullopt;
  return find_api_key_locked("id", id);
}

bool Store::touch_api_key(const std::string& id, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stmt stmt(db_, "UPDATE api_keys SET last_used_at_ms = ? WHERE id = ?");
  stmt.bind(1, now_ms).bind(2, id);
  return stmt.run();
}

}  // namespace acw::backend
