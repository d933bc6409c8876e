// Wall-clock time as Unix milliseconds and its ISO 8601 / RFC 3339 text (always UTC, "Z").
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/utc_time.h"

namespace acw::backend {

using Clock = std::function<int64_t()>;  // returns Unix time in milliseconds

int64_t system_now_ms();

// ISO 8601 texts (always UTC): the core's, shared with the widget.
using acw::iso8601_ms;
using acw::parse_iso8601_ms;

}  // namespace acw::backend
