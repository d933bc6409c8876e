// Route registration, one file per area of SPEC.md §4.
#pragma once
#include <optional>
#include <string>

#include "server/app.h"
#include "server/router.h"

namespace acw::backend {

void add_config_routes(Router& router, App& app);   // /health, /config/values, /v1/quote
void add_account_routes(Router& router, App& app);  // profile, credit-history
void add_event_routes(Router& router, App& app);    // /v1/celo/events/record
void add_auth_routes(Router& router, App& app);     // nonce, API keys
void add_usage_routes(Router& router, App& app);    // usage log, POST /v1/usage
void add_stream_routes(Router& router, App& app);   // POST /v1/accounts/:account/stream-credits

// Whether the request may read `account`'s usage log and key list (read_session.h); when
// not, answers 401 (with the Bearer challenge) or 403 itself.
bool authorized_read(App& app, const httplib::Request& req, httplib::Response& res,
                     const std::string& account);

// The profile of SPEC.md §4 (totals, usage, streams); nullopt when the store fails.
std::optional<acw::json> account_profile(App& app, const std::string& account);

}  // namespace acw::backend
