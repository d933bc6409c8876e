#include "server/http_util.h"

#include <algorithm>

#include "core/config.h"
#include "util/hex.h"
#include "util/time.h"

namespace acw::backend {
namespace {

bool has_control_chars(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

void send_json(httplib::Response& res, int status, const acw::json& body) {
  res.status = status;
  // `replace` keeps dump() from throwing on invalid UTF-8 (parsed input never has any).
  res.set_content(body.dump(-1, ' ', false, acw::json::error_handler_t::replace),
                  "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

void send_field_errors(httplib::Response& res, const acw::json& errors) {
  send_json(res, 400, {{"error", errors}});
}

void send_unauthorized(httplib::Response& res, const std::string& message) {
  res.set_header("WWW-Authenticate", "Bearer");
  send_error(res, 401, message);
}

void send_not_found(httplib::Response& res) { send_error(res, 404, "not found"); }

std::optional<acw::json> read_json_object(const httplib::Request& req, httplib::Response& res) {
  if (req.body.size() > kMaxBodyBytes) {
    send_error(res, 413, "request body too large (limit 64 KB)");
    return std::nullopt;
  }
  if (req.body.empty()) {
    send_field_errors(res, {{"body", "a JSON object is required"}});
    return std::nullopt;
  }
  auto parsed = acw::parse_json(req.body, kMaxBodyBytes);
  if (!parsed.ok()) {
    send_field_errors(res, {{"body", "not valid JSON"}});
    return std::nullopt;
  }
  if (!parsed.value->is_object()) {
    send_field_errors(res, {{"body", "must be a JSON object"}});
    return std::nullopt;
  }
  return std::move(*parsed.value);
}

const acw::json* BodyReader::field(const char* name) {
  if (!body_.contains(name) || body_.at(name).is_null()) {
    errors_[name] = "is required";
    return nullptr;
  }
  return &body_.at(name);
}

std::optional<std::string> BodyReader::address(const char* name) {
  const acw::json* v = field(name);
  if (v == nullptr) return std::nullopt;
  auto parsed = acw::parse_address(*v);
  if (!parsed.ok()) {
    errors_[name] = "must be an address: 0x followed by 40 hex digits";
    return std::nullopt;
  }
  return parsed.value;
}

std::optional<std::string> BodyReader::tx_hash(const char* name) {
  const acw::json* v = field(name);
  if (v == nullptr) return std::nullopt;
  auto parsed = acw::parse_tx_hash(*v);
  if (!parsed.ok()) {
    errors_[name] = "must be a transaction hash: 0x followed by 64 hex digits";
    return std::nullopt;
  }
  return parsed.value;
}

std::optional<std::string> BodyReader::signature(const char* name) {
  const acw::json* v = field(name);
  if (v == nullptr) return std::nullopt;
  if (v->is_string()) {
    const std::string& s = v->get_ref<const std::string&>();
    if (s.size() == 132 && s.compare(0, 2, "0x") == 0 && from_hex(s)) return s;
  }
  errors_[name] = "must be a signature: 0x followed by 130 hex digits";
  return std::nullopt;
}

std::optional<std::string> BodyReader::nonce(const char* name) {
  const acw::json* v = field(name);
  if (v == nullptr) return std::nullopt;
  if (v->is_string()) {
    const std::string& s = v->get_ref<const std::string&>();
    if (s.size() >= 8 && s.size() <= 64 && std::all_of(s.begin(), s.end(), is_alnum)) return s;
  }
  errors_[name] = "must be the nonce from /v1/auth/nonce";
  return std::nullopt;
}

std::optional<uint64_t> BodyReader::chain_id(const char* name) {
  const acw::json* v = field(name);
  if (v == nullptr) return std::nullopt;
  auto parsed = acw::parse_chain_id_any(*v);
  if (!parsed.ok()) {
    errors_[name] = "must be a chain id (a number, or a decimal or 0x hex string)";
    return std::nullopt;
  }
  return parsed.value;
}

std::optional<acw::uint128> BodyReader::decimal(const char* name) {
  const acw::json* v = field(name);
  if (v == nullptr) return std::nullopt;
  if (v->is_string()) {
    const std::string& s = v->get_ref<const std::string&>();
    if (s.size() <= 39) {
      if (auto value = acw::parse_decimal(s)) return value;
    }
  }
  errors_[name] = "must be a decimal string of an unsigned integer";
  return std::nullopt;
}

std::optional<std::string> BodyReader::text(const char* name, size_t max_len) {
  const acw::json* v = field(name);
  if (v == nullptr) return std::nullopt;
  if (v->is_string()) {
    const std::string& s = v->get_ref<const std::string&>();
    if (!s.empty() && s.size() <= max_len && !has_control_chars(s)) return s;
  }
  errors_[name] = "must be a string of 1 to " + std::to_string(max_len) +
                  " characters without control characters";
  return std::nullopt;
}

void BodyReader::reject_unknown(std::initializer_list<const char*> known) {
  for (const auto& item : body_.items()) {
    const bool listed = std::any_of(known.begin(), known.end(),
                                    [&](const char* k) { return item.key() == k; });
    if (!listed) errors_[item.key().substr(0, 64)] = "unknown field";
  }
}

QueryReader::QueryReader(const httplib::Request& req, std::set<std::string> allowed)
    : req_(req) {
  for (const auto& [key, value] : req.params) {
    (void)value;
    const std::string name = key.substr(0, 64);
    if (allowed.count(key) == 0) {
      errors_[name] = "unknown parameter";
    } else if (req.params.count(key) > 1) {
      errors_[name] = "given more than once";
    }
  }
}

const std::string* QueryReader::value(const char* name) {
  auto it = req_.params.find(name);
  if (it == req_.params.end() || errors_.contains(name)) return nullptr;
  return &it->second;
}

std::optional<int64_t> QueryReader::integer(const char* name, int64_t fallback, int64_t min,
                                            int64_t max) {
  if (req_.params.count(name) == 0) return fallback;
  const std::string* text = value(name);
  if (text == nullptr) return std::nullopt;
  auto parsed = text->size() <= 18 ? acw::parse_decimal(*text) : std::nullopt;
  if (!parsed || static_cast<int64_t>(*parsed) < min || static_cast<int64_t>(*parsed) > max) {
    errors_[name] = "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
    return std::nullopt;
  }
  return static_cast<int64_t>(*parsed);
}

std::optional<std::string> QueryReader::one_of(const char* name,
                                               const std::set<std::string>& values) {
  const std::string* text = value(name);
  if (text == nullptr) return std::nullopt;
  if (values.count(*text) == 0) {
    std::string list;
    for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
    errors_[name] = "must be one of: " + list;
    return std::nullopt;
  }
  return *text;
}

std::optional<int64_t> QueryReader::time_ms(const char* name) {
  const std::string* text = value(name);
  if (text == nullptr) return std::nullopt;
  auto parsed = parse_iso8601_ms(*text);
  if (!parsed) {
    errors_[name] = "must be an ISO 8601 UTC time: 2024-05-01 or 2024-05-01T12:00:00Z";
    return std::nullopt;
  }
  return parsed;
}

std::optional<acw::uint128> QueryReader::decimal(const char* name, bool required) {
  const std::string* text = value(name);
  if (text == nullptr) {
    if (required && req_.params.count(name) == 0) errors_[name] = "is required";
    return std::nullopt;
  }
  auto parsed = text->size() <= 39 ? acw::parse_decimal(*text) : std::nullopt;
  if (!parsed) {
    errors_[name] = "must be a decimal string of an unsigned integer below 2^128";
    return std::nullopt;
  }
  return parsed;
}

std::optional<std::string> path_account(const std::string& segment, httplib::Response& res) {
  auto parsed = acw::parse_address(acw::json(segment));
  if (!parsed.ok()) {
    send_field_errors(res, {{"account", "must be an address: 0x followed by 40 hex digits"}});
    return std::nullopt;
  }
  return parsed.value;
}

acw::json page_json(acw::json items, int64_t total, int64_t limit, int64_t offset) {
  const int64_t shown = static_cast<int64_t>(items.size());
  return {{"items", std::move(items)},
          {"total", total},
          {"limit", limit},
          {"offset", offset},
          {"hasMore", offset + shown < total}};
}

}  // namespace acw::backend
