// GET /health, GET /config/values, GET /v1/quote
#include "core/wire.h"
#include "ledger.h"
#include "server/http_util.h"
#include "server/routes.h"

namespace acw::backend {
namespace {

acw::json address_or_null(const std::string& address) {
  return address.empty() ? acw::json(nullptr) : acw::json(address);
}

void health(App& app, const httplib::Request& req, httplib::Response& res) {
  QueryReader query(req, {});
  if (!query.ok()) return send_field_errors(res, query.errors());
  send_json(res, 200, {{"status", "ok"}, {"time", iso8601_ms(app.clock())}});
}

void config_values(App& app, const httplib::Request& req, httplib::Response& res) {
  QueryReader query(req, {});
  if (!query.ok()) return send_field_errors(res, query.errors());
  std::string error;
  auto reading = app.vault.read(&error);
  if (!reading) return send_error(res, 502, "chain node unavailable: " + error);
  const AppConfig& c = app.config;
  const Deployment& d = c.deployment;
  const VaultParams& p = reading->params;
  send_json(res, 200,
            {{"priceMicroUsdPerG", acw::to_decimal(p.price_micro_usd_per_g)},
             {"priceSource", reading->source},
             {"depositBonusBps", c.deposit_bonus_bps},
             {"streamBonusBps", c.stream_bonus_bps},
             {"minFirstDepositMicroUsd", acw::to_decimal(p.min_first_deposit_micro_usd)},
             {"minStreamMicroUsdPerMonth", acw::to_decimal(p.min_stream_micro_usd_per_month)},
             {"vaultAddress", d.vault},
             {"tokenAddress", d.token},
             {"forwarderAddress", address_or_null(d.forwarder)},
             {"hostAddress", address_or_null(d.host)},
             {"cfaAddress", address_or_null(d.cfa)},
             {"tokenSymbol", "G$"},
             {"tokenDecimals", acw::kGDecimals},
             {"chainId", d.chain_id},
             {"chainIdHex", acw::chain_id_hex(d.chain_id)},
             {"chainName", c.chain_name},
             {"nativeSymbol", c.native_symbol},
             {"rpcUrl", d.rpc_url},
             {"explorerUrl", c.explorer_url}});
}

void quote(App& app, const httplib::Request& req, httplib::Response& res) {
  QueryReader query(req, {"gdAmountWei", "source"});
  auto wei = query.decimal("gdAmountWei", true);
  auto source = query.one_of("source", {"deposit", "stream"});
  if (!query.ok()) return send_field_errors(res, query.errors());
  std::string error;
  auto reading = app.vault.read(&error);
  if (!reading) return send_error(res, 502, "chain node unavailable: " + error);
  const bool stream = source && *source == "stream";
  const uint32_t bps = stream ? app.config.stream_bonus_bps : app.config.deposit_bonus_bps;
  const acw::uint128 price = reading->params.price_micro_usd_per_g;
  auto credits = quote_credits(*wei, price, bps);
  if (!credits.ok()) return send_field_errors(res, {{"gdAmountWei", credits.error}});
  send_json(res, 200,
            {{"gdAmountWei", acw::to_decimal(*wei)},
             {"source", stream ? "stream" : "deposit"},
             {"priceMicroUsdPerG", acw::to_decimal(price)},
             {"bonusBps", bps},
             {"principalUsd", acw::to_decimal(credits.value->principal_usd)},
             {"bonusUsd", acw::to_decimal(credits.value->bonus_usd)},
             {"totalCreditUsd", acw::to_decimal(credits.value->total_usd)},
             {"credits", credits_text(credits.value->total_usd)}});
}

}  // namespace

void add_config_routes(Router& router, App& app) {
  router.add("GET", "/health", [&app](auto& req, auto& res, auto&) { health(app, req, res); });
  router.add("GET", "/config/values",
             [&app](auto& req, auto& res, auto&) { config_values(app, req, res); });
  router.add("GET", "/v1/quote", [&app](auto& req, auto& res, auto&) { quote(app, req, res); });
}

}  // namespace acw::backend
