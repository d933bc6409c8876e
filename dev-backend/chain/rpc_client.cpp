#include "chain/rpc_client.h"

#include <httplib.h>

namespace acw::backend {
namespace {

using Result = acw::Parsed<acw::json>;

constexpr size_t kMaxRpcResponseBytes = 32u << 20;  // eth_getLogs pages can be large

bool valid_authority(const std::string& text) {
  if (text.empty() || text.size() > 255) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == ':' || c == '[' || c == ']' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

acw::Parsed<HttpUrl> parse_http_url(const std::string& url) {
  using P = acw::Parsed<HttpUrl>;
  size_t scheme_end = 0;
  if (url.rfind("http://", 0) == 0) {
    scheme_end = 7;
  } else if (url.rfind("https://", 0) == 0) {
    scheme_end = 8;
  } else {
    return P::fail("URL must start with http:// or https://");
  }
  const size_t path_start = url.find('/', scheme_end);
  const std::string authority = url.substr(scheme_end, path_start - scheme_end);
  if (!valid_authority(authority)) return P::fail("URL has no valid host");
  HttpUrl out;
  out.scheme_host_port = url.substr(0, scheme_end) + authority;
  out.path = path_start == std::string::npos ? "/" : url.substr(path_start);
  return P::good(std::move(out));
}

HttpJsonRpc::HttpJsonRpc(HttpUrl url, int timeout_ms)
    : url_(std::move(url)),
      connections_(url_.scheme_host_port, std::chrono::milliseconds(timeout_ms)) {}

Result HttpJsonRpc::call(const std::string& method, const acw::json& params) {
  const uint64_t id = next_id_++;
  const acw::json request = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}};
  auto response = connections_.post(url_.path, request.dump(), "application/json");
  if (!response) return Result::fail("chain node unreachable (" + method + ")");
  if (response->status != 200) {
    return Result::fail("chain node answered HTTP " + std::to_string(response->status));
  }
  auto body = acw::parse_json(response->body, kMaxRpcResponseBytes);
  if (!body.ok() || !body.value->is_object()) {
    return Result::fail("chain node answered with invalid JSON");
  }
  const acw::json& answer = *body.value;
  if (!answer.contains("id") || answer.at("id") != acw::json(id)) {
    return Result::fail("chain node answered another call");
  }
  if (answer.contains("error") && !answer.at("error").is_null()) {
    const acw::json& error = answer.at("error");
    std::string message = "chain node error";
    if (error.is_object() && error.contains("message") && error.at("message").is_string()) {
      message += ": " + error.at("message").get<std::string>().substr(0, 200);
    }
    return Result::fail(message);
  }
  if (!answer.contains("result")) return Result::fail("chain node answer has no result");
  return Result::good(answer.at("result"));
}

}  // namespace acw::backend
