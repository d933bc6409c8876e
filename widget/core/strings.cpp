#include "strings.h"

#include "money.h"

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

std::string format_date_time(const Strings& t, const std::string& iso) {
  // "2026-11-25T22:32:05Z" → the locale's pattern; anything else is shown as it came.
  if (iso.size() < 16 || iso[4] != '-' || iso[7] != '-' || (iso[10] != 'T' && iso[10] != ' ') || iso[13] != ':') {
    return iso.substr(0, 32);
  }
  return text(t.date_pattern, iso.substr(0, 4), iso.substr(5, 2), iso.substr(8, 2), iso.substr(11, 2), iso.substr(14, 2));
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
