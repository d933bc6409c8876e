// Reading a result row into a record's fields: each field takes the next column, in the
// SELECT's order, read as the field's type. A row reader then lists its fields once, in the
// order of its column list, instead of numbering every column by hand.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/money.h"
#include "store/db.h"

namespace acw::backend {

// A money column: decimal text. A corrupt value reads as 0 and is logged.
acw::uint128 read_decimal(const Stmt& stmt, int column);

void read_column(const Stmt& stmt, int column, std::string& field);
void read_column(const Stmt& stmt, int column, std::optional<std::string>& field);
void read_column(const Stmt& stmt, int column, int64_t& field);
void read_column(const Stmt& stmt, int column, std::optional<int64_t>& field);
void read_column(const Stmt& stmt, int column, acw::uint128& field);

// Columns 0, 1, 2… of the current row into `fields`, in order.
template <typename... Fields>
void read_columns(const Stmt& stmt, Fields&... fields) {
  int column = 0;
  (read_column(stmt, column++, fields), ...);
}

}  // namespace acw::backend
