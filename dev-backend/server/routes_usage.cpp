// GET /v1/accounts/:account/usage?limit&offset (Bearer read session or API key of the
//   account), POST /v1/usage (Bearer API key)
//   POST answers 200 {usage, remainingUsd, duplicate}; a repeated requestId with the same
//   model and cost is idempotent (duplicate: true, nothing spent again); with other values
//   409. 402 {"error":"insufficient credits", remainingUsd} when remaining < costUsd.
#include "api_key.h"
#include "server/http_util.h"
#include "server/routes.h"
#include "server/views.h"

namespace acw::backend {
namespace {

constexpr size_t kMaxModelChars = 200;
constexpr size_t kMaxRequestIdChars = 200;

void list_usage(App& app, const httplib::Request& req, httplib::Response& res, const Captures& c) {
  auto account = path_account(c.at(0), res);
  if (!account) return;
  QueryReader query(req, {"limit", "offset"});
  auto limit = query.integer("limit", 20, 1, 100);
  auto offset = query.integer("offset", 0, 0, 1'000'000'000);
  if (!query.ok()) return send_field_errors(res, query.errors());
  if (!authorized_read(app, req, res, *account)) return;
  auto page = app.store.usage(*account, *limit, *offset);
  if (!page) return send_error(res, 500, "could not read the usage log");
  acw::json items = acw::json::array();
  for (const UsageEntry& u : page->items) items.push_back(usage_json(u));
  acw::json body = page_json(std::move(items), page->total, *limit, *offset);
  body["account"] = *account;
  send_json(res, 200, body);
}

void record_usage(App& app, const httplib::Request& req, httplib::Response& res) {
  auto token = bearer_token(req.get_header_value("Authorization"));
  if (!token) return send_unauthorized(res, "Authorization must be: Bearer gd_live_…");
  KeyAuthResult auth = authenticate_api_key(app.store, *token);
  if (auth.status == KeyAuth::revoked) return send_unauthorized(res, "this API key is revoked");
  if (auth.status != KeyAuth::ok) return send_unauthorized(res, "unknown API key");

  auto body = read_json_object(req, res);
  if (!body) return;
  BodyReader fields(*body);
  auto model = fields.text("model", kMaxModelChars);
  auto request_id = fields.text("requestId", kMaxRequestIdChars);
  auto cost = fields.decimal("costUsd");
  fields.reject_unknown({"model", "requestId", "costUsd"});
  if (!fields.ok()) return send_field_errors(res, fields.errors());

  const int64_t now = app.clock();
  app.store.touch_api_key(auth.key.id, now);
  UsageEntry entry;
  entry.account = auth.key.account;
  entry.api_key_id = auth.key.id;
  entry.request_id = *request_id;
  entry.model = *model;
  entry.cost_usd = *cost;
  entry.at_ms = now;
  auto outcome = app.store.record_usage(entry);
  if (!outcome) return send_error(res, 500, "could not record the usage");
  const std::string remaining = acw::to_decimal(outcome->remaining_usd);
  switch (outcome->status) {
    case UsageStatus::insufficient:
      return send_json(res, 402, {{"error", "insufficient credits"}, {"remainingUsd", remaining}});
    case UsageStatus::conflict:
      return send_json(res, 409, {{"error", "requestId was used with another model or cost"},
                                  {"usage", usage_json(outcome->entry)}});
    case UsageStatus::recorded:
    case UsageStatus::duplicate:
      break;
  }
  send_json(res, 200,
            {{"usage", usage_json(outcome->entry)},
             {"account", entry.account},
             {"remainingUsd", remaining},
             {"duplicate", outcome->status == UsageStatus::duplicate}});
}

}  // namespace

void add_usage_routes(Router& router, App& app) {
  router.add("GET", "/v1/accounts/:account/usage",
             [&app](auto& req, auto& res, auto& c) { list_usage(app, req, res, c); });
  router.add("POST", "/v1/usage", [&app](auto& req, auto& res, auto&) { record_usage(app, req, res); });
}

}  // namespace acw::backend
