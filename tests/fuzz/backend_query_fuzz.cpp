// The dev backend's request lines (dev-backend/server/router.h, http_util.h), without a server.
// Input: "<METHOD> <path>\n<query string>". The path is decoded and the query split by
// cpp-httplib's own functions (as the server does), then routed by the real Router over the
// real route patterns; each handler stub does exactly the path and query reading of its route
// (routes_accounts, routes_config, routes_usage, routes_auth, routes_streams) and answers 200
// when that reading passes.
// Invariants: no crash or throw; every answer is 200/204/400/404/405 with a JSON body (none
// for 204); 405 and 204 name the allowed methods; an accepted value is within its bounds; an
// accepted ISO time formats back to text that parses to the same instant.
#include "api_key.h"
#include "core/wire.h"
#include "fuzz_check.h"
#include "server/http_util.h"
#include "server/router.h"
#include "util/time.h"

using namespace acw::backend;

namespace {

void answer(httplib::Response& res, const QueryReader& query) {
  if (!query.ok()) {
    for (const auto& item : query.errors().items()) FUZZ_CHECK(item.key().size() <= 64, item.key());
    return send_field_errors(res, query.errors());
  }
  send_json(res, 200, {{"ok", true}});
}

void check_time(const std::optional<int64_t>& ms) {
  if (!ms) return;
  FUZZ_CHECK(*ms >= 0 && *ms < 253402300800000, std::to_string(*ms));  // 1970 .. 9999
  const std::string text = iso8601_ms(*ms);
  FUZZ_CHECK(parse_iso8601_ms(text) == ms, text);
}

// GET routes with an account and no query parameters.
void account_only(const httplib::Request& req, httplib::Response& res, const Captures& c) {
  auto account = path_account(c.at(0), res);
  if (!account) return;
  FUZZ_CHECK(acw::is_address(*account), *account);
  answer(res, QueryReader(req, {}));
}

Router make_router() {
  Router r;
  auto no_query = [](const httplib::Request& req, httplib::Response& res, const Captures&) {
    answer(res, QueryReader(req, {}));
  };
  auto no_check = [](const httplib::Request&, httplib::Response& res, const Captures&) {
    send_json(res, 200, {{"ok", true}});  // POST routes read no query (forms land in params)
  };
  r.add("GET", "/health", no_query);
  r.add("GET", "/config/values", no_query);
  r.add("GET", "/v1/quote", [](const httplib::Request& req, httplib::Response& res, const Captures&) {
    QueryReader query(req, {"gdAmountWei", "source"});
    auto wei = query.decimal("gdAmountWei", true);
    auto source = query.one_of("source", {"deposit", "stream"});
    if (wei) FUZZ_CHECK(acw::parse_decimal(acw::to_decimal(*wei)) == wei, "wei");
    if (source) FUZZ_CHECK(*source == "deposit" || *source == "stream", *source);
    answer(res, query);
  });
  r.add("GET", "/v1/accounts/:account/profile", account_only);
  r.add("GET", "/v1/accounts/:account/credit-history",
        [](const httplib::Request& req, httplib::Response& res, const Captures& c) {
          auto account = path_account(c.at(0), res);
          if (!account) return;
          QueryReader query(req, {"limit", "offset", "source", "fundingStatus", "from", "to"});
          auto limit = query.integer("limit", 20, 1, 100);
          auto offset = query.integer("offset", 0, 0, 1'000'000'000);
          auto source = query.one_of("source", {"deposit", "streamUpdate", "streamCron"});
          auto status = query.one_of("fundingStatus", {"pending", "funded", "failed"});
          auto from = query.time_ms("from");
          auto to = query.time_ms("to");
          if (limit) FUZZ_CHECK(*limit >= 1 && *limit <= 100, std::to_string(*limit));
          if (offset) FUZZ_CHECK(*offset >= 0 && *offset <= 1'000'000'000, std::to_string(*offset));
          check_time(from);
          check_time(to);
          (void)source;
          (void)status;
          if (from && to && *from > *to) return send_field_errors(res, {{"to", "must not be before from"}});
          answer(res, query);
        });
  r.add("POST", "/v1/celo/events/record", no_check);
  r.add("POST", "/v1/accounts/:account/stream-credits",
        [](const httplib::Request&, httplib::Response& res, const Captures& c) {
          if (path_account(c.at(0), res)) send_json(res, 200, {{"ok", true}});
        });
  r.add("POST", "/v1/auth/nonce", no_check);
  r.add("POST", "/v1/auth/api-keys", no_check);
  r.add("GET", "/v1/accounts/:account/api-keys", account_only);
  r.add("DELETE", "/v1/auth/api-keys/:id", [](const httplib::Request&, httplib::Response& res, const Captures& c) {
    if (!is_api_key_id(c.at(0))) return send_field_errors(res, {{"id", "must be key_ + 16 hex digits"}});
    FUZZ_CHECK(c.at(0).size() == 20 && c.at(0).rfind("key_", 0) == 0, c.at(0));
    send_json(res, 200, {{"ok", true}});
  });
  r.add("GET", "/v1/accounts/:account/usage",
        [](const httplib::Request& req, httplib::Response& res, const Captures& c) {
          auto account = path_account(c.at(0), res);
          if (!account) return;
          QueryReader query(req, {"limit", "offset"});
          auto limit = query.integer("limit", 20, 1, 100);
          auto offset = query.integer("offset", 0, 0, 1'000'000'000);
          if (limit) FUZZ_CHECK(*limit >= 1 && *limit <= 100, std::to_string(*limit));
          if (offset) FUZZ_CHECK(*offset >= 0, std::to_string(*offset));
          answer(res, query);
        });
  r.add("POST", "/v1/usage", no_check);
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // the server refuses paths over 2 KB itself (414)
  static const Router router = make_router();
  const std::string_view text = acw::fuzz::as_text(data, size);
  const size_t nl = text.find('\n');
  const std::string_view line = text.substr(0, nl);
  const std::string query = nl == std::string_view::npos ? std::string() : std::string(text.substr(nl + 1));
  const size_t sp = line.find(' ');

  httplib::Request req;
  req.method = std::string(line.substr(0, sp));
  req.path = sp == std::string_view::npos ? "/" : httplib::detail::decode_url(std::string(line.substr(sp + 1)), false);
  httplib::detail::parse_query_text(query, req.params);

  httplib::Response res;
  router.dispatch(req, res);
  const int s = res.status;
  FUZZ_CHECK(s == 200 || s == 204 || s == 400 || s == 404 || s == 405, std::to_string(s));
  if (s == 204 || s == 405) FUZZ_CHECK(res.has_header("Allow"), "Allow");
  if (s == 204) {
    FUZZ_CHECK(req.method == "OPTIONS" && res.body.empty(), res.body);
  } else {
    FUZZ_CHECK(acw::parse_json(res.body).ok(), res.body);
  }

  // The same readers straight on the parameters, whatever the path.
  QueryReader direct(req, {"limit", "offset", "from", "to", "gdAmountWei"});
  direct.integer("limit", 20, 1, 100);
  direct.integer("offset", 0, 0, 1'000'000'000);
  check_time(direct.time_ms("from"));
  check_time(direct.time_ms("to"));
  direct.decimal("gdAmountWei", false);
  (void)direct.errors().dump(-1, ' ', false, acw::json::error_handler_t::replace);
  check_time(parse_iso8601_ms(query));
  return 0;
}
