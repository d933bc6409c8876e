#include "config.h"

#include <tuple>
#include <fmt/format.h>

namespace acw {

Parsed<uint64_t> parse_chain_id_any(const json& value) {
  if (value.is_number_integer()) {  // signed or unsigned
    const std::optional<uint64_t> id = whole_number(value);
    if (!id || *id == 0) return Parsed<uint64_t>::fail("chainId must be positive");
    return Parsed<uint64_t>::good(*id);
  }
  if (!value.is_string()) return Parsed<uint64_t>::fail("chainId must be a string or a number");
  const std::string& text = value.get_ref<const std::string&>();
  if (text.rfind("0x", 0) == 0 || text.rfind("0X", 0) == 0) return parse_chain_id(value);
  auto decimal = parse_decimal(text);
  if (!decimal || *decimal == 0 || *decimal > UINT64_MAX) {
    return Parsed<uint64_t>::fail("chainId is not a valid chain id");
  }
  return Parsed<uint64_t>::good(static_cast<uint64_t>(*decimal));
}

namespace {

// Reads an optional string field; returns an error text when present with a wrong type.
std::string read_string(const json& obj, const char* key, std::string& out, size_t max_len = 200) {
  if (!obj.contains(key) || obj.at(key).is_null()) return {};
  const json& v = obj.at(key);
  if (!v.is_string()) return std::string(key) + " must be a string";
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() > max_len) return std::string(key) + " is too long";
  out = s;
  return {};
}

}  // namespace

Parsed<Config> parse_config(const json& value) {
  if (!value.is_object()) return Parsed<Config>::fail("configuration must be a JSON object");
  Config c;
  if (!value.contains("chainId") || value.at("chainId").is_null()) {
    return Parsed<Config>::fail("chain-id is missing");
  }
  auto chain = parse_chain_id_any(value.at("chainId"));
  if (!chain.ok()) return Parsed<Config>::fail(chain.error);
  c.chain_id = *chain.value;

  for (auto [key, field] : {std::pair{"chainName", &c.chain_name},
                            std::pair{"nativeSymbol", &c.native_symbol},
                            std::pair{"tokenSymbol", &c.token_symbol},
                            std::pair{"rpcUrl", &c.rpc_url},
                            std::pair{"explorerUrl", &c.explorer_url},
                            std::pair{"locale", &c.locale},
                            std::pair{"backendUrl", &c.backend_url},
                            std::pair{"mode", &c.mode}}) {
    std::string err = read_string(value, key, *field);
    if (!err.empty()) return Parsed<Config>::fail(err);
  }
  if (c.mode.empty()) c.mode = "once";
  if (c.mode != "once" && c.mode != "stream") return Parsed<Config>::fail("mode must be \"once\" or \"stream\"");
  while (!c.backend_url.empty() && c.backend_url.back() == '/') c.backend_url.pop_back();
  if (!c.backend_url.empty() && c.backend_url.rfind("http://", 0) != 0 &&
      c.backend_url.rfind("https://", 0) != 0) {
    return Parsed<Config>::fail("backend-url must start with http:// or https://");
  }

  for (auto [key, field, lo, hi] : {std::tuple{"walletTimeoutMs", &c.wallet_timeout_ms, 1'000, 600'000},
                                    std::tuple{"httpTimeoutMs", &c.http_timeout_ms, 500, 120'000}}) {
    if (!value.contains(key) || value.at(key).is_null()) continue;
    const json& v = value.at(key);
    std::optional<uint128> n;
    if (const std::optional<uint64_t> whole = whole_number(v)) n = *whole;
    if (v.is_string()) n = parse_decimal(v.get_ref<const std::string&>());
    if (!n || *n < static_cast<uint128>(lo) || *n > static_cast<uint128>(hi)) {
      return Parsed<Config>::fail(std::string(key) + " must be a whole number of milliseconds from " +
                                  fmt::to_string(lo) + " to " + fmt::to_string(hi));
    }
    *field = static_cast<int>(*n);
  }
  if (!value.contains("tokenAddress") || value.at("tokenAddress").is_null()) {
    return Parsed<Config>::fail("token-address is missing");
  }
  auto token = parse_address(value.at("tokenAddress"));
  if (!token.ok()) return Parsed<Config>::fail("token-address: " + token.error);
  c.token_address = *token.value;
  return Parsed<Config>::good(c);
}

json config_to_json(const Config& c) {
  return json{{"chainId", chain_id_hex(c.chain_id)}, {"chainName", c.chain_name},
              {"nativeSymbol", c.native_symbol},    {"tokenAddress", c.token_address},
              {"tokenSymbol", c.token_symbol},      {"rpcUrl", c.rpc_url},
              {"explorerUrl", c.explorer_url},      {"locale", c.locale},
              {"backendUrl", c.backend_url},         {"mode", c.mode},
              {"walletTimeoutMs", c.wallet_timeout_ms},
              {"httpTimeoutMs", c.http_timeout_ms}};
}

}  // namespace acw
