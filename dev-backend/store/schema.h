// The SQLite schema, created on start when missing.
#pragma once

namespace acw::backend {

extern const char* const kSchemaSql;
inline constexpr const char* kSchemaVersion = "3";  // 2: streams, 3: usage_totals.usage_count

}  // namespace acw::backend
