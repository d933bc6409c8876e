// Sign-in nonces: stored with the exact message to sign, single use.
#include "store/store.h"

namespace acw::backend {
namespace {

// Expired nonces are kept a day (so "expired" can still be told apart from "unknown"), then
// removed when new ones are issued.
constexpr int64_t kKeepExpiredMs = 24 * 60 * 60 * 1000;

}  // namespace

bool Store::insert_nonce(const NonceRecord& r) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stmt cleanup(db_, "DELETE FROM sign_in_nonces WHERE expires_at_ms < ?");
  cleanup.bind(1, r.issued_at_ms - kKeepExpiredMs);
  if (!cleanup.run()) return false;
  Stmt stmt(db_, "INSERT INTO sign_in_nonces (nonce, account, chain_id, message, origin, "
                 "issued_at_ms, expires_at_ms, used_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)");
  stmt.bind(1, r.nonce).bind(2, r.account).bind(3, static_cast<int64_t>(r.chain_id));
  stmt.bind(4, r.message).bind(5, r.origin).bind(6, r.issued_at_ms).bind(7, r.expires_at_ms);
  return stmt.run();
}

std::optional<NonceRecord> Store::find_nonce(const std::string& nonce) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stmt stmt(db_, "SELECT nonce, account, chain_id, message, issued_at_ms, expires_at_ms, "
                 "used_at_ms, origin FROM sign_in_nonces WHERE nonce = ?");
  stmt.bind(1, nonce);
  if (!stmt.step()) return std::nullopt;
  NonceRecord r;
  r.nonce = stmt.text(0);
  r.account = stmt.text(1);
  r.chain_id = static_cast<uint64_t>(stmt.integer(2));
  r.message = stmt.text(3);
  r.issued_at_ms = stmt.integer(4);
  r.expires_at_ms = stmt.integer(5);
  r.used_at_ms = stmt.optional_integer(6);
  r.origin = stmt.text(7);
  return r;
}

bool Store::consume_nonce(const std::string& nonce, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Stmt stmt(db_, "UPDATE sign_in_nonces SET used_at_ms = ? WHERE nonce = ? AND used_at_ms IS NULL");
  stmt.bind(1, now_ms).bind(2, nonce);
  return stmt.run() && db_.changes() == 1;
}

}  // namespace acw::backend
