// The SQLite schema, created on start when missing.
#pragma once

namespace acw::backend {

extern const char* const kSchemaSql;
inline constexpr const char* kSchemaVersion = "2";  // 2: streams

}  // namespace acw::backend
