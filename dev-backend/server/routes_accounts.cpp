// GET /v1/accounts/:account/profile, GET /v1/accounts/:account/credit-history
#include "server/http_util.h"
#include "server/routes.h"
#include "server/views.h"

namespace acw::backend {
namespace {

constexpr int64_t kDefaultLimit = 20;
constexpr int64_t kMaxLimit = 100;
constexpr int64_t kMaxOffset = 1'000'000'000;

void profile(App& app, const httplib::Request& req, httplib::Response& res, const Captures& c) {
  auto account = path_account(c.at(0), res);
  if (!account) return;
  QueryReader query(req, {});
  if (!query.ok()) return send_field_errors(res, query.errors());
  auto body = account_profile(app, *account);
  if (!body) return send_error(res, 500, "could not read the account");
  send_json(res, 200, *body);
}

void credit_history(App& app, const httplib::Request& req, httplib::Response& res,
                    const Captures& c) {
  auto account = path_account(c.at(0), res);
  if (!account) return;
  QueryReader query(req, {"limit", "offset", "source", "fundingStatus", "from", "to"});
  HistoryQuery q;
  q.account = *account;
  auto limit = query.integer("limit", kDefaultLimit, 1, kMaxLimit);
  auto offset = query.integer("offset", 0, 0, kMaxOffset);
  q.source = query.one_of("source", {"deposit", "streamUpdate", "streamCron", "stream"});
  q.funding_status = query.one_of("fundingStatus", {"pending", "funded", "failed"});
  q.from_ms = query.time_ms("from");
  q.to_ms = query.time_ms("to");
  if (q.from_ms && q.to_ms && *q.from_ms > *q.to_ms) {
    return send_field_errors(res, {{"to", "must not be before from"}});
  }
  if (!query.ok()) return send_field_errors(res, query.errors());
  q.limit = *limit;
  q.offset = *offset;
  auto page = app.store.credit_history(q);
  if (!page) return send_error(res, 500, "could not read the credit history");
  acw::json items = acw::json::array();
  for (const CreditEntry& e : page->items) items.push_back(credit_json(e));
  acw::json body = page_json(std::move(items), page->total, q.limit, q.offset);
  body["account"] = *account;
  send_json(res, 200, body);
}

}  // namespace

std::optional<acw::json> account_profile(App& app, const std::string& account) {
  auto totals = app.store.totals(account);
  auto streams = app.store.streams_of(account);
  if (!totals || !streams) return std::nullopt;
  return profile_json(account, *totals, summarize_streams(*streams));
}

void add_account_routes(Router& router, App& app) {
  router.add("GET", "/v1/accounts/:account/profile",
             [&app](auto& req, auto& res, auto& c) { profile(app, req, res, c); });
  router.add("GET", "/v1/accounts/:account/credit-history",
             [&app](auto& req, auto& res, auto& c) { credit_history(app, req, res, c); });
}

}  // namespace acw::backend
