// A thin RAII layer over SQLite: one connection, prepared statements, transactions.
// Errors are returned as text, never thrown.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace acw::backend {

class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens (creating if needed) the file, in WAL mode with synchronous=FULL (every commit is
  // on disk before it returns) and a busy timeout; fails when WAL is refused. ":memory:"
  // works (no WAL there).
  bool open(const std::string& path, std::string& error);
  // Opens an existing file read-only (query_only), for reads beside a writer connection:
  // in WAL mode they see the last commit and never wait for the writer.
  bool open_read_only(const std::string& path, std::string& error);
  // The value of "PRAGMA name" as text ("" on error), e.g. journal_mode -> "wal",
  // synchronous -> "2" (FULL).
  std::string pragma_text(const char* name) const;
  bool exec(const char* sql, std::string& error);  // statements without results
  sqlite3* handle() const { return db_; }
  int64_t changes() const;
  std::string last_error() const;

 private:
  bool check_writable(const std::string& path, std::string& error);
  sqlite3* db_ = nullptr;
};

// A prepared statement. Bind indexes start at 1, column indexes at 0.
class Stmt {
 public:
  Stmt(const Db& db, const char* sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Stmt& bind(int index, const std::string& text);
  Stmt& bind(int index, int64_t value);
  Stmt& bind_null(int index);
  Stmt& bind(int index, const std::optional<int64_t>& value);

  // Steps once: true when a row is available; false when done or on error (see failed()).
  bool step();
  bool failed() const { return failed_; }
  // Runs a statement without results to completion; false on error (e.g. a constraint).
  bool run();

  std::string text(int column) const;
  int64_t integer(int column) const;
  std::optional<int64_t> optional_integer(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
  bool failed_ = false;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed without commit().
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  bool ok() const { return began_; }
  bool commit();

 private:
  Db& db_;
  bool began_ = false;
  bool done_ = false;
};

// BEGIN (deferred) ... COMMIT around reads: one snapshot for several statements, on a
// read-only connection too. Ends (rolls back) when destroyed.
class Snapshot {
 public:
  explicit Snapshot(Db& db);
  ~Snapshot();
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
  bool ok() const { return began_; }

 private:
  Db& db_;
  bool began_ = false;
};

}  // namespace acw::backend
