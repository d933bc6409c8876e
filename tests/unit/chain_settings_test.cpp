// How the configured chain is named and added to a wallet: attributes, else the backend's
// /config/values, else "chain <id>" and a message instead of an add-chain request.
#include <doctest/doctest.h>

#include "core/backend_wire.h"
#include "core/chain_settings.h"
#include "core/derive.h"
#include "core/view_model_build.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

const char* kBackend = "http://backend";

const Effect* find_http(const std::vector<Effect>& fx, const std::string& url) {
  for (const auto& e : fx) {
    if (e.kind == EffectKind::http && e.text == url) return &e;
  }
  return nullptr;
}

std::string config_body(uint64_t chain = kChain) {
  return json{{"chainId", chain}, {"priceMicroUsdPerG", "10000"}, {"depositBonusBps", 1000},
              {"streamBonusBps", 2000}, {"minFirstDepositMicroUsd", "1000000"}, {"minStreamMicroUsdPerMonth", "1000000"},
              {"tokenAddress", kToken}, {"vaultAddress", "0x" + std::string(40, '2')},
              {"hostAddress", "0x" + std::string(40, '1')}, {"chainName", "Anvil (local)"},
              {"rpcUrl", "http://127.0.0.1:8545"}, {"nativeSymbol", "ETH"}}
      .dump();
}

// Embedded with only chain-id, token-address and backend-url.
State bare_state() {
  State s = configured_state();
  s.config.chain_name.clear();
  s.config.rpc_url.clear();
  s.config.native_symbol.clear();
  s.config.backend_url = kBackend;
  return s;
}

std::string switch_label(const State& s) {
  for (const auto& item : build_view_model(s).items) {
    if (item.id == "switch_chain") return item.label;
  }
  return "(none)";
}

}  // namespace

TEST_CASE("on another chain the backend's /config/values names the chain and adds it on 4902") {
  State s = bare_state();
  auto fx = connect_on(s, 1);
  REQUIRE(derive_state_name(s) == StateName::unsupported_chain);
  const Effect* load = find_http(fx, std::string(kBackend) + "/config/values");
  REQUIRE(load);
  CHECK(switch_label(s) == "Switch to chain 31337");  // until the backend answers
  reduce(s, Event::http_answer(load->id, 200, config_body()));
  CHECK(switch_label(s) == "Switch to Anvil (local)");

  fx = reduce(s, Event::click("switch_chain"));
  fx = reduce(s, Event::wallet_error(last_wallet(fx)->id, 4902, "Unrecognized chain"));
  REQUIRE(last_wallet(fx));
  const Effect& add = *last_wallet(fx);
  CHECK(add.name == "wallet_addEthereumChain");
  CHECK(add.payload[0]["chainId"] == "0x7a69");
  CHECK(add.payload[0]["chainName"] == "Anvil (local)");
  CHECK(add.payload[0]["rpcUrls"][0] == "http://127.0.0.1:8545");
  CHECK(add.payload[0]["nativeCurrency"]["symbol"] == "ETH");
  CHECK(add.payload[0]["nativeCurrency"]["name"] == "ETH");

  // Back on the configured chain and away again: the backend's words are still known.
  fx = reduce(s, Event::wallet_ok(add.id, nullptr));
  reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0x7a69"));
  reduce(s, Event::chain_changed("0x1"));
  CHECK(switch_label(s) == "Switch to Anvil (local)");
}

TEST_CASE("attributes win over the backend's chain settings") {
  State s = bare_state();
  s.config.chain_name = "My Anvil";
  s.config.native_symbol = "TST";
  s.backend_chain = BackendChain{true, "Anvil (local)", "http://node", "ETH", ""};
  const ChainSettings c = chain_settings(s);
  CHECK(c.name == "My Anvil");
  CHECK(c.native_symbol == "TST");
  CHECK(c.rpc_url == "http://node");
}

TEST_CASE("a backend that speaks of another chain does not name ours") {
  State s = bare_state();
  auto fx = connect_on(s, 1);
  reduce(s, Event::http_answer(find_http(fx, std::string(kBackend) + "/config/values")->id, 200, config_body(5)));
  CHECK(switch_label(s) == "Switch to chain 31337");
  CHECK_FALSE(s.backend_chain.loaded);
}

TEST_CASE("with no settings anywhere, 4902 gives a clear message and no add-chain request") {
  State s = bare_state();
  s.config.backend_url.clear();
  auto fx = connect_on(s, 1);
  for (const auto& e : fx) CHECK(e.kind != EffectKind::http);
  fx = reduce(s, Event::click("switch_chain"));
  fx = reduce(s, Event::wallet_error(last_wallet(fx)->id, 4902, "Unrecognized chain"));
  CHECK(last_wallet(fx) == nullptr);
  CHECK(s.notice.text == "Your wallet does not know chain 31337. Add it in your wallet, then switch.");
  CHECK_FALSE(s.wallet.switching_chain);

  s.config.locale = "es";
  CHECK(switch_label(s) == "Cambiar a la cadena 31337");
}

TEST_CASE("the backend's chain fields are validated") {
  auto body = json::parse(config_body());
  body["rpcUrl"] = "javascript:alert(1)";
  CHECK_FALSE(parse_config_values(body).ok());
  body["rpcUrl"] = "http://127.0.0.1:8545";
  body["chainName"] = 7;
  CHECK_FALSE(parse_config_values(body).ok());
}
