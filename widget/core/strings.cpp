#include "strings.h"

#include "money.h"
#include "utc_time.h"

namespace acw {

extern const Strings kStringsEn;
extern const Strings kStringsEs;

// "es", "es-AR", "es_ES" → Spanish; anything else → English.
const Strings& strings_for(const std::string& locale) {
  if (locale.size() >= 2 && (locale[0] == 'e' || locale[0] == 'E') && (locale[1] == 's' || locale[1] == 'S') &&
      (locale.size() == 2 || locale[2] == '-' || locale[2] == '_')) {
    return kStringsEs;
  }
  return kStringsEn;
}

std::string format_date_time(const Strings& t, const std::string& iso, int utc_offset_min) {
  const auto ms = parse_iso8601_ms(iso);
  if (!ms) return iso.substr(0, 32);  // not a UTC ISO 8601 time: shown as it came
  const CivilTime c = civil_from_ms(*ms + int64_t{utc_offset_min} * 60'000);
  return text(t.date_pattern, c.year, c.month, c.day, c.hour, c.minute);
}

std::string format_template(const char* templ, fmt::format_args args) { return fmt::vformat(templ, args); }

std::string Strings::wallet_error(int code, const std::string& message) const {
  switch (code) {
    case 4001: return err_rejected;
    case -32002: return err_pending;
    case 4100: return err_unauthorized;
    case 4200: return err_unsupported;
    case 4900:
    case 4901: return err_disconnected;
    default: return text(err_generic, message.empty() ? std::string("unknown error") : message, code);
  }
}

}  // namespace acw
