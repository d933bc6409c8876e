#include "deployment.h"

#include <fstream>
#include <sstream>

#include "chain/rpc_client.h"
#include "core/config.h"

namespace acw::backend {
namespace {

using Result = acw::Parsed<Deployment>;

// An address field: required ones must be present; optional ones may be absent or null.
std::string read_address(const acw::json& obj, const char* key, bool required,
                         std::string& out) {
  if (!obj.contains(key) || obj.at(key).is_null()) {
    return required ? std::string(key) + " is missing" : std::string();
  }
  auto address = acw::parse_address(obj.at(key));
  if (!address.ok()) return std::string(key) + ": " + address.error;
  out = *address.value;
  return {};
}

std::optional<uint64_t> read_block(const acw::json& v) {
  if (v.is_number_unsigned()) return v.get<uint64_t>();
  if (v.is_number_integer() && v.get<int64_t>() >= 0) return static_cast<uint64_t>(v.get<int64_t>());
  if (!v.is_string()) return std::nullopt;
  const std::string& text = v.get_ref<const std::string&>();
  auto parsed = text.rfind("0x", 0) == 0 ? acw::parse_hex_quantity(text) : acw::parse_decimal(text);
  if (!parsed || *parsed > static_cast<acw::uint128>(INT64_MAX)) return std::nullopt;
  return static_cast<uint64_t>(*parsed);
}

std::optional<acw::uint128> read_amount(const acw::json& obj, const char* key) {
  if (!obj.contains(key) || !obj.at(key).is_string()) return std::nullopt;
  return acw::parse_decimal(obj.at(key).get_ref<const std::string&>());
}

}  // namespace

Result parse_deployment(const acw::json& value) {
  if (!value.is_object()) return Result::fail("deployment must be a JSON object");
  Deployment d;
  if (!value.contains("chainId")) return Result::fail("chainId is missing");
  auto chain = acw::parse_chain_id_any(value.at("chainId"));
  if (!chain.ok()) return Result::fail(chain.error);
  d.chain_id = *chain.value;

  if (!value.contains("rpcUrl") || !value.at("rpcUrl").is_string()) {
    return Result::fail("rpcUrl is missing");
  }
  d.rpc_url = value.at("rpcUrl").get<std::string>();
  if (auto url = parse_http_url(d.rpc_url); !url.ok()) return Result::fail("rpcUrl: " + url.error);

  for (auto [key, out, required] : {std::tuple{"vault", &d.vault, true},
                                    std::tuple{"token", &d.token, true},
                                    std::tuple{"forwarder", &d.forwarder, false},
                                    std::tuple{"host", &d.host, false},
                                    std::tuple{"cfa", &d.cfa, false}}) {
    std::string error = read_address(value, key, required, *out);
    if (!error.empty()) return Result::fail(error);
  }

  if (value.contains("deployBlock") && !value.at("deployBlock").is_null()) {
    auto block = read_block(value.at("deployBlock"));
    if (!block) return Result::fail("deployBlock must be a block number");
    d.deploy_block = *block;
  }

  auto price = read_amount(value, "priceMicroUsdPerG");
  auto min_first = read_amount(value, "minFirstDepositMicroUsd");
  auto min_stream = read_amount(value, "minStreamMicroUsdPerMonth");
  if (price && min_first && min_stream) d.params = VaultParams{*price, *min_first, *min_stream};
  return Result::good(std::move(d));
}

Result load_deployment(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Result::fail("cannot read " + path);
  std::ostringstream text;
  text << file.rdbuf();
  auto json = acw::parse_json(text.str());
  if (!json.ok()) return Result::fail(path + ": " + json.error);
  auto parsed = parse_deployment(*json.value);
  if (!parsed.ok()) return Result::fail(path + ": " + parsed.error);
  return parsed;
}

}  // namespace acw::backend
