#include "store/row_reader.h"

#include "util/log.h"

namespace acw::backend {

acw::uint128 read_decimal(const Stmt& stmt, int column) {
  auto value = acw::parse_decimal(stmt.text(column));
  if (!value) log_error("store: a money column holds a non-decimal value");
  return value.value_or(0);
}

void read_column(const Stmt& stmt, int column, std::string& field) { field = stmt.text(column); }

void read_column(const Stmt& stmt, int column, std::optional<std::string>& field) {
  field = stmt.is_null(column) ? std::nullopt : std::optional<std::string>(stmt.text(column));
}

void read_column(const Stmt& stmt, int column, int64_t& field) { field = stmt.integer(column); }

void read_column(const Stmt& stmt, int column, std::optional<int64_t>& field) {
  field = stmt.optional_integer(column);
}

void read_column(const Stmt& stmt, int column, acw::uint128& field) {
  field = read_decimal(stmt, column);
}

}  // namespace acw::backend
