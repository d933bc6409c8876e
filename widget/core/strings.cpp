#include "strings.h"

namespace acw {

extern const Strings kStringsEn;

const Strings& strings_for(const std::string& /*locale*/) { return kStringsEn; }

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
