#include "store/db.h"

#include <sqlite3.h>
#include <unistd.h>

namespace acw::backend {

Db::~Db() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

bool Db::open(const std::string& path, std::string& error) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    error = "cannot open database " + path + ": " + last_error();
    return false;
  }
  sqlite3_busy_timeout(db_, 5000);
  // WAL: readers never block the writer, and a commit is one append to the -wal file.
  // synchronous=FULL: that append is fsync'ed before COMMIT returns, so a write answered 200
  // survives a power loss or an OS crash too, not only a killed process (NORMAL would keep
  // it across kill -9 as well, but may lose the last commits on a power loss: usage already
  // answered as spent could come back, and it cannot be re-read from the chain).
  if (!exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", error)) {
    return false;
  }
  if (path != ":memory:" && pragma_text("journal_mode") != "wal") {
    error = "database " + path + " cannot use WAL mode";
    return false;
  }
  return check_writable(path, error);
}

// A write transaction at once, so that a file this process cannot write (the database, its
// -wal, or its -shm left read-only by an earlier run) is reported by name here rather than
// as the first write's "attempt to write a readonly database".
bool Db::check_writable(const std::string& path, std::string& error) {
  if (exec("BEGIN IMMEDIATE; COMMIT;", error)) return true;
  std::string files;
  for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
    if (access(file.c_str(), F_OK) == 0 && access(file.c_str(), W_OK) != 0) {
      files += (files.empty() ? "" : ", ") + file;
    }
  }
  error = "database " + path + " cannot be written (" + error + ")" +
          (files.empty() ? std::string()
                         : ": not writable by this process: " + files +
                               " (make it writable; a -shm file may also be removed while no "
                               "backend runs)");
  return false;
}

bool Db::open_read_only(const std::string& path, std::string& error) {
  const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    error = "cannot open database " + path + " for reading: " + last_error();
    return false;
  }
  sqlite3_busy_timeout(db_, 5000);
  return exec("PRAGMA query_only=ON;", error);
}

bool Db::exec(const char* sql, std::string& error) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    error = message != nullptr ? message : "SQLite error";
    sqlite3_free(message);
    return false;
  }
  return true;
}

std::string Db::pragma_text(const char* name) const {
  const std::string sql = std::string("PRAGMA ") + name;
  sqlite3_stmt* stmt = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  return value;
}

int64_t Db::changes() const { return sqlite3_changes(db_); }

std::string Db::last_error() const {
  return db_ != nullptr ? sqlite3_errmsg(db_) : "no database";
}

Stmt::Stmt(const Db& db, const char* sql) {
  if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    failed_ = true;
  }
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::bind(int index, const std::string& text) {
  if (stmt_ != nullptr &&
      sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    failed_ = true;
  }
  return *this;
}

Stmt& Stmt::bind(int index, int64_t value) {
  if (stmt_ != nullptr && sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) failed_ = true;
  return *this;
}

Stmt& Stmt::bind_null(int index) {
  if (stmt_ != nullptr && sqlite3_bind_null(stmt_, index) != SQLITE_OK) failed_ = true;
  return *this;
}

Stmt& Stmt::bind(int index, const std::optional<int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

bool Stmt::step() {
  if (stmt_ == nullptr || failed_) return false;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) failed_ = true;
  return false;
}

bool Stmt::run() {
  while (step()) {
  }
  return !failed_;
}

std::string Stmt::text(int column) const {
  const unsigned char* value = sqlite3_column_text(stmt_, column);
  if (value == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(value),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

int64_t Stmt::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<int64_t> Stmt::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

bool Stmt::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Transaction::Transaction(Db& db) : db_(db) {
  std::string error;
  began_ = db_.exec("BEGIN IMMEDIATE", error);
}

Transaction::~Transaction() {
  if (began_ && !done_) {
    std::string error;
    db_.exec("ROLLBACK", error);
  }
}

bool Transaction::commit() {
  if (!began_ || done_) return false;
  std::string error;
  done_ = db_.exec("COMMIT", error);
  return done_;
}

Snapshot::Snapshot(Db& db) : db_(db) {
  std::string error;
  began_ = db_.exec("BEGIN", error);
}

Snapshot::~Snapshot() {
  if (!began_) return;
  std::string error;
  db_.exec("ROLLBACK", error);  // reads only: nothing to keep
}

}  // namespace acw::backend
