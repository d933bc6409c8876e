// The dev backend's request bodies (dev-backend/server/http_util.h), without a server: the
// input is a POST body; read_json_object reads it, then every route's field reading runs on
// it exactly as its handler does (routes_auth, routes_events, routes_usage, routes_streams).
// Invariants: no crash or throw; a refused body is answered 400/413 with a JSON error; an
// accepted field has the documented form; a field-error answer is JSON.
#include <algorithm>
#include <cctype>

#include "core/wire.h"
#include "fuzz_check.h"
#include "server/http_util.h"

using namespace acw::backend;

namespace {

bool lower_hex_tail(const std::string& s, size_t digits) {
  return s.size() == 2 + digits && s.compare(0, 2, "0x") == 0 &&
         std::all_of(s.begin() + 2, s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// What a handler does once it has read its fields: answer 400 with the errors, or go on.
void finish(const BodyReader& fields) {
  if (fields.ok()) return;
  FUZZ_CHECK(!fields.errors().empty(), "errors");
  for (const auto& item : fields.errors().items()) FUZZ_CHECK(item.key().size() <= 64, item.key());
  httplib::Response res;
  send_field_errors(res, fields.errors());
  FUZZ_CHECK(res.status == 400, "status");
  FUZZ_CHECK(acw::parse_json(res.body).ok(), res.body);
}

void check_text(const std::optional<std::string>& t, size_t max_len) {
  if (!t) return;
  FUZZ_CHECK(!t->empty() && t->size() <= max_len, *t);
  for (char c : *t) {
    const auto u = static_cast<unsigned char>(c);
    FUZZ_CHECK(u >= 0x20 && u != 0x7f, "control character in " + *t);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxBodyBytes + 16) return 0;
  httplib::Request req;
  req.method = "POST";
  req.body.assign(reinterpret_cast<const char*>(data), size);
  httplib::Response res;
  const std::optional<acw::json> body = read_json_object(req, res);
  if (!body) {
    FUZZ_CHECK(res.status == 400 || res.status == 413, std::to_string(res.status));
    FUZZ_CHECK(acw::parse_json(res.body).ok(), res.body);
    return 0;
  }
  FUZZ_CHECK(body->is_object() && size > 0 && size <= kMaxBodyBytes, "accepted body");

  {  // POST /v1/auth/nonce
    BodyReader fields(*body);
    auto account = fields.address("account");
    auto chain_id = fields.chain_id("chainId");
    fields.reject_unknown({"account", "chainId"});
    if (account) FUZZ_CHECK(lower_hex_tail(*account, 40), *account);
    if (chain_id) FUZZ_CHECK(*chain_id != 0, "chain id 0");
    finish(fields);
  }
  {  // POST /v1/auth/api-keys, DELETE /v1/auth/api-keys/:id with a sign-in body
    BodyReader fields(*body);
    auto account = fields.address("account");
    auto nonce = fields.nonce("nonce");
    auto signature = fields.signature("signature");
    fields.reject_unknown({"account", "nonce", "signature"});
    if (nonce) {
      FUZZ_CHECK(nonce->size() >= 8 && nonce->size() <= 64, *nonce);
      for (char c : *nonce) FUZZ_CHECK(std::isalnum(static_cast<unsigned char>(c)), *nonce);
    }
    if (signature) {
      FUZZ_CHECK(signature->size() == 132 && signature->compare(0, 2, "0x") == 0, *signature);
      for (char c : signature->substr(2)) FUZZ_CHECK(std::isxdigit(static_cast<unsigned char>(c)), *signature);
    }
    if (account) FUZZ_CHECK(lower_hex_tail(*account, 40), *account);
    finish(fields);
  }
  {  // POST /v1/celo/events/record
    BodyReader fields(*body);
    auto tx_hash = fields.tx_hash("txHash");
    fields.reject_unknown({"txHash"});
    if (tx_hash) FUZZ_CHECK(lower_hex_tail(*tx_hash, 64), *tx_hash);
    finish(fields);
  }
  {  // POST /v1/usage
    BodyReader fields(*body);
    auto model = fields.text("model", 200);
    auto request_id = fields.text("requestId", 200);
    auto cost = fields.decimal("costUsd");
    fields.reject_unknown({"model", "requestId", "costUsd"});
    check_text(model, 200);
    check_text(request_id, 200);
    if (cost) FUZZ_CHECK(acw::parse_decimal(acw::to_decimal(*cost)) == cost, "cost");
    finish(fields);
  }
  {  // POST /v1/accounts/:account/stream-credits: none or {}
    BodyReader fields(*body);
    fields.reject_unknown({});
    FUZZ_CHECK(fields.ok() == body->empty(), "stream-credits body");
    finish(fields);
  }
  return 0;
}
