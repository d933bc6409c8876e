// Read sessions: the SHA-256 of each token, its account and expiry.
#include "store/store.h"

namespace acw::backend {
namespace {

constexpr int64_t kKeepExpiredMs = 24 * 60 * 60 * 1000;  // then removed at the next insert

}  // namespace

bool Store::insert_read_session(const ReadSessionRecord& r) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stmt cleanup(db_, "DELETE FROM read_sessions WHERE expires_at_ms < ?");
  cleanup.bind(1, r.created_at_ms - kKeepExpiredMs);
  if (!cleanup.run()) return false;
  Stmt stmt(db_, "INSERT INTO read_sessions (token_sha256, account, created_at_ms, "
                 "expires_at_ms) VALUES (?, ?, ?, ?)");
  stmt.bind(1, r.token_sha256).bind(2, r.account).bind(3, r.created_at_ms).bind(4, r.expires_at_ms);
  return stmt.run();
}

std::optional<ReadSessionRecord> Store::find_read_session(const std::string& token_sha256) {
  return read([&](Db& db) -> std::optional<ReadSessionRecord> {
    Stmt stmt(db, "SELECT token_sha256, account, created_at_ms, expires_at_ms FROM read_sessions "
                  "WHERE token_sha256 = ?");
    stmt.bind(1, token_sha256);
    if (!stmt.step()) return std::nullopt;
    ReadSessionRecord r;
    r.token_sha256 = stmt.text(0);
    r.account = stmt.text(1);
    r.created_at_ms = stmt.integer(2);
    r.expires_at_ms = stmt.integer(3);
    return r;
  });
}

}  // namespace acw::backend
