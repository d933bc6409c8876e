// Sign-in and API keys:
//   POST   /v1/auth/nonce {account, chainId}             -> EIP-4361 message, single use
//   POST   /v1/auth/api-keys {account, nonce, signature} -> {token, apiKey, readSession}
//                                                           (token shown once)
//   POST   /v1/auth/session {account, nonce, signature}  -> {readSession} (read_session.h)
//   GET    /v1/accounts/:account/api-keys                -> metadata only (Bearer read session
//                                                           or API key of the account)
//   DELETE /v1/auth/api-keys/:id  (Bearer key of the same account, or a fresh sign-in body)
#include <optional>
#include <string>

#include "api_key.h"
#include "read_session.h"
#include "core/config.h"
#include "server/http_util.h"
#include "server/routes.h"
#include "server/views.h"
#include "sign_in.h"
#include "util/log.h"

namespace acw::backend {
namespace {

struct SignInFields {
  std::string account, nonce, signature;
};

// Reads {account, nonce, signature}; answers 400 itself when a field is wrong.
std::optional<SignInFields> read_sign_in(const acw::json& body, httplib::Response& res) {
  BodyReader fields(body);
  auto account = fields.address("account");
  auto nonce = fields.nonce("nonce");
  auto signature = fields.signature("signature");
  fields.reject_unknown({"account", "nonce", "signature"});
  if (!fields.ok()) {
    send_field_errors(res, fields.errors());
    return std::nullopt;
  }
  return SignInFields{*account, *nonce, *signature};
}

// A new read session for `account`: its JSON {token, account, expiresAt}, or nullopt when
// the store failed.
std::optional<acw::json> new_read_session(App& app, const std::string& account, int64_t now) {
  NewReadSession session = generate_read_session(account, now);
  if (!app.store.insert_read_session(session.record)) return std::nullopt;
  return acw::json{{"token", session.token},
                   {"account", account},
                   {"expiresAt", iso8601_ms(session.record.expires_at_ms)}};
}

void nonce(App& app, const httplib::Request& req, httplib::Response& res) {
  auto body = read_json_object(req, res);
  if (!body) return;
  BodyReader fields(*body);
  auto account = fields.address("account");
  auto chain_id = fields.chain_id("chainId");
  fields.reject_unknown({"account", "chainId"});
  if (!fields.ok()) return send_field_errors(res, fields.errors());
  const uint64_t expected = app.config.deployment.chain_id;
  if (*chain_id != expected) {
    return send_field_errors(res, {{"chainId", "must be " + std::to_string(expected) + " (" +
                                                   acw::chain_id_hex(expected) + ")"}});
  }
  auto origin = choose_siwe_origin(app.config.siwe_origins, req.get_header_value("Origin"));
  if (!origin) return send_error(res, 403, "sign-in is not offered to this site");
  auto record = issue_nonce(app.store, *account, expected, *origin, app.clock());
  if (!record) return send_error(res, 500, "could not store the nonce");
  send_json(res, 200,
            {{"nonce", record->nonce},
             {"message", record->message},
             {"account", record->account},
             {"chainId", record->chain_id},
             {"domain", origin->domain},
             {"uri", origin->uri},
             {"issuedAt", iso8601_ms(record->issued_at_ms)},
             {"expiresAt", iso8601_ms(record->expires_at_ms)}});
}

// The account of a request body {account, nonce, signature} whose sign-in verifies (the
// nonce is used up); nullopt after answering why not.
std::optional<std::string> signed_in_account(App& app, const httplib::Request& req, httplib::Response& res,
                                             int64_t now) {
  auto body = read_json_object(req, res);
  if (!body) return std::nullopt;
  auto fields = read_sign_in(*body, res);
  if (!fields) return std::nullopt;
  SignInResult signed_in =
      verify_sign_in(app.store, fields->account, fields->nonce, fields->signature,
                     req.get_header_value("Origin"), now);
  if (!signed_in.ok) {
    send_error(res, signed_in.status, signed_in.error);
    return std::nullopt;
  }
  return fields->account;
}

void create_key(App& app, const httplib::Request& req, httplib::Response& res) {
  const int64_t now = app.clock();
  auto account = signed_in_account(app, req, res, now);
  if (!account) return;
  NewApiKey key = generate_api_key(*account, now);
  if (!app.store.insert_api_key(key.record)) return send_error(res, 500, "could not store the key");
  auto session = new_read_session(app, *account, now);
  if (!session) return send_error(res, 500, "could not store the session");
  log_info("api key " + key.record.id + " created for " + key.record.account);
  send_json(res, 200, {{"token", key.token},
                       {"apiKey", api_key_json(key.record)},
                       {"readSession", std::move(*session)}});
}

void create_session(App& app, const httplib::Request& req, httplib::Response& res) {
  const int64_t now = app.clock();
  auto account = signed_in_account(app, req, res, now);
  if (!account) return;
  auto session = new_read_session(app, *account, now);
  if (!session) return send_error(res, 500, "could not store the session");
  send_json(res, 200, {{"readSession", std::move(*session)}});
}

void list_keys(App& app, const httplib::Request& req, httplib::Response& res, const Captures& c) {
  auto account = path_account(c.at(0), res);
  if (!account) return;
  QueryReader query(req, {});
  if (!query.ok()) return send_field_errors(res, query.errors());
  if (!authorized_read(app, req, res, *account)) return;
  auto keys = app.store.list_api_keys(*account);
  if (!keys) return send_error(res, 500, "could not read the keys");
  acw::json items = acw::json::array();
  for (const ApiKeyRecord& k : *keys) items.push_back(api_key_json(k));
  send_json(res, 200, {{"account", *account}, {"items", std::move(items)}});
}

void revoke_key(App& app, const httplib::Request& req, httplib::Response& res,
                const Captures& c) {
  const std::string& id = c.at(0);
  if (!is_api_key_id(id)) return send_field_errors(res, {{"id", "must be key_ + 16 hex digits"}});
  auto target = app.store.find_api_key(id);
  if (!target) return send_not_found(res);

  const int64_t now = app.clock();
  if (req.has_header("Authorization")) {
    auto token = bearer_token(req.get_header_value("Authorization"));
    if (!token) return send_unauthorized(res, "Authorization must be: Bearer gd_live_…");
    KeyAuthResult auth = authenticate_api_key(app.store, *token);
    if (auth.status == KeyAuth::revoked) return send_unauthorized(res, "this API key is revoked");
    if (auth.status != KeyAuth::ok) return send_unauthorized(res, "unknown API key");
    if (auth.key.account != target->account) {
      return send_error(res, 403, "the key belongs to another account");
    }
  } else {
    if (req.body.empty()) {
      return send_unauthorized(res, "sign in ({account, nonce, signature}) or send the key");
    }
    auto body = read_json_object(req, res);
    if (!body) return;
    auto fields = read_sign_in(*body, res);
    if (!fields) return;
    if (fields->account != target->account) {
      return send_error(res, 403, "the key belongs to another account");
    }
    SignInResult signed_in =
        verify_sign_in(app.store, fields->account, fields->nonce, fields->signature,
                       req.get_header_value("Origin"), now);
    if (!signed_in.ok) return send_error(res, signed_in.status, signed_in.error);
  }
  auto revoked = app.store.revoke_api_key(id, now);
  if (!revoked) return send_error(res, 500, "could not revoke the key");
  log_info("api key " + id + " revoked");
  send_json(res, 200, {{"apiKey", api_key_json(*revoked)}});
}

}  // namespace

void add_auth_routes(Router& router, App& app) {
  router.add("POST", "/v1/auth/nonce", [&app](auto& req, auto& res, auto&) { nonce(app, req, res); });
  router.add("POST", "/v1/auth/api-keys",
             [&app](auto& req, auto& res, auto&) { create_key(app, req, res); });
  router.add("POST", "/v1/auth/session",
             [&app](auto& req, auto& res, auto&) { create_session(app, req, res); });
  router.add("GET", "/v1/accounts/:account/api-keys",
             [&app](auto& req, auto& res, auto& c) { list_keys(app, req, res, c); });
  router.add("DELETE", "/v1/auth/api-keys/:id",
             [&app](auto& req, auto& res, auto& c) { revoke_key(app, req, res, c); });
}

}  // namespace acw::backend
