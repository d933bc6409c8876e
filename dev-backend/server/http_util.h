// JSON responses and strict reading of requests: bodies, query parameters, path parts.
// Readers collect field errors; a handler answers 400 {"error": {field: message}} with them.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>

#include <httplib.h>

#include "core/wire.h"
#include "server/http_limits.h"

namespace acw::backend {

void send_json(httplib::Response& res, int status, const acw::json& body);
void send_error(httplib::Response& res, int status, const std::string& message);
void send_field_errors(httplib::Response& res, const acw::json& errors);  // 400
void send_unauthorized(httplib::Response& res, const std::string& message);  // 401 + challenge
void send_not_found(httplib::Response& res);

// The request body as a JSON object; on failure answers 400 (or 413) itself and returns
// nullopt.
std::optional<acw::json> read_json_object(const httplib::Request& req, httplib::Response& res);

// Reads fields of a JSON object body, collecting errors by field name. Refers to the body
// (which must outlive the reader) instead of copying it.
class BodyReader {
 public:
  explicit BodyReader(const acw::json& body) : body_(body) {}
  explicit BodyReader(acw::json&& body) = delete;  // would dangle
  std::optional<std::string> address(const char* name);      // lower-cased
  std::optional<std::string> tx_hash(const char* name);      // lower-cased
  std::optional<std::string> signature(const char* name);    // "0x" + 130 hex digits
  std::optional<std::string> nonce(const char* name);        // 8..64 alphanumerics
  std::optional<uint64_t> chain_id(const char* name);        // number, decimal or hex string
  std::optional<acw::uint128> decimal(const char* name);     // decimal string only
  // A string of 1..max_len bytes without control characters.
  std::optional<std::string> text(const char* name, size_t max_len);
  void reject_unknown(std::initializer_list<const char*> known);
  bool ok() const { return errors_.empty(); }
  const acw::json& errors() const { return errors_; }

 private:
  const acw::json* field(const char* name);  // nullptr (and an error) when missing
  const acw::json& body_;
  acw::json errors_ = acw::json::object();
};

// Reads query parameters strictly: unknown or repeated parameters are errors too.
class QueryReader {
 public:
  QueryReader(const httplib::Request& req, std::set<std::string> allowed);
  std::optional<int64_t> integer(const char* name, int64_t fallback, int64_t min, int64_t max);
  std::optional<std::string> one_of(const char* name, const std::set<std::string>& values);
  std::optional<int64_t> time_ms(const char* name);  // ISO 8601 UTC
  std::optional<acw::uint128> decimal(const char* name, bool required);
  bool ok() const { return errors_.empty(); }
  const acw::json& errors() const { return errors_; }

 private:
  const std::string* value(const char* name);
  const httplib::Request& req_;
  acw::json errors_ = acw::json::object();
};

// A lower-case address from a path segment; nullopt (and 400 sent) when malformed.
std::optional<std::string> path_account(const std::string& segment, httplib::Response& res);

// Page fields shared by list responses.
acw::json page_json(acw::json items, int64_t total, int64_t limit, int64_t offset);

}  // namespace acw::backend
