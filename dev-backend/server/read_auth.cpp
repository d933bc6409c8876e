// authorized_read (server/routes.h): the read-session check of the usage and key routes.
#include "read_session.h"
#include "server/http_util.h"
#include "server/routes.h"

namespace acw::backend {

bool authorized_read(App& app, const httplib::Request& req, httplib::Response& res,
                     const std::string& account) {
  ReadAuth auth =
      authorize_account_read(app.store, req.get_header_value("Authorization"), account, app.clock());
  if (auth.ok) return true;
  if (auth.status == 401) send_unauthorized(res, auth.error);
  else send_error(res, auth.status, auth.error);
  return false;
}

}  // namespace acw::backend
