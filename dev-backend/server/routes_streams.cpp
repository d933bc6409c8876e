// POST /v1/accounts/:account/stream-credits: credit what the account's active streams have
// delivered since their last credit, up to the latest block's timestamp.
//   Body: none, or {} (unknown fields are 400).
//   200 {account, status:"credited"|"unchanged", newlyCredited, events:[entry…],
//        blockNumber, blockTime, profile}
//   502 {error} the chain node is unreachable (nothing is credited without the chain's time)
// First the scanner syncs through the latest block, so a flow update or end is applied
// (closing the old rate's interval at its own block time) before the rest is credited.
// Each stream is credited [lastCredited, blockTime) in one SQLite transaction: requests
// at the same time credit those seconds once; a repeat credits nothing new.
#include "server/http_util.h"
#include "server/routes.h"
#include "server/views.h"
#include "util/time.h"

namespace acw::backend {
namespace {

void stream_credits(App& app, const httplib::Request& req, httplib::Response& res,
                    const Captures& c) {
  auto account = path_account(c.at(0), res);
  if (!account) return;
  if (!req.body.empty()) {
    auto body = read_json_object(req, res);
    if (!body) return;
    BodyReader fields(*body);
    fields.reject_unknown({});
    if (!fields.ok()) return send_field_errors(res, fields.errors());
  }

  Scanner::Report report = app.scanner.sync();
  if (!report.ok) return send_error(res, 502, "cannot read the chain: " + report.error);
  auto credits = app.store.credit_streams(*account, report.head.timestamp_s,
                                          static_cast<int64_t>(report.head.number), 1,
                                          app.config.stream_bonus_bps, app.clock());
  if (!credits) return send_error(res, 500, "could not store the stream credit");
  acw::json events = acw::json::array();
  for (const InsertedCredit& credit : *credits) events.push_back(credit_json(credit.entry));
  auto profile = account_profile(app, *account);
  if (!profile) return send_error(res, 500, "could not read the account");
  send_json(res, 200,
            {{"account", *account},
             {"status", credits->empty() ? "unchanged" : "credited"},
             {"newlyCredited", static_cast<int64_t>(credits->size())},
             {"events", std::move(events)},
             {"blockNumber", static_cast<int64_t>(report.head.number)},
             {"blockTime", iso8601_ms(report.head.timestamp_s * 1000)},
             {"profile", std::move(*profile)}});
}

}  // namespace

void add_stream_routes(Router& router, App& app) {
  router.add("POST", "/v1/accounts/:account/stream-credits",
             [&app](auto& req, auto& res, auto& c) { stream_credits(app, req, res, c); });
}

}  // namespace acw::backend
