// The connect flow and wallet events, driven through reduce() as the shim would.
#include <doctest/doctest.h>

#include "core/derive.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

TEST_CASE("start without a wallet reports the no-wallet variant of disconnected") {
  State s = configured_state();
  auto fx = reduce(s, Event::start(false));
  CHECK(fx.empty());
  CHECK(s.wallet.phase == WalletPhase::no_wallet);
  CHECK(derive_state_name(s) == StateName::disconnected);
}

TEST_CASE("start with a wallet checks silently for an already shared account") {
  State s = configured_state();
  auto fx = reduce(s, Event::start(true));
  REQUIRE(fx.size() == 1);
  CHECK(fx[0].name == "eth_accounts");
  SUBCASE("an account already shared connects without a prompt") {
    fx = reduce(s, Event::wallet_ok(fx[0].id, json::array({kAlice})));
    REQUIRE(last_wallet(fx));
    CHECK(last_wallet(fx)->name == "eth_chainId");
  }
  SUBCASE("none shared stays disconnected, with no error shown") {
    reduce(s, Event::wallet_ok(fx[0].id, json::array()));
    CHECK(s.wallet.phase == WalletPhase::disconnected);
    CHECK(s.notice.kind == NoticeKind::none);
  }
}

TEST_CASE("connect: requestAccounts, chainId, balanceOf on the configured token") {
  State s = configured_state();
  reduce(s, Event::start(true));
  auto fx = reduce(s, Event::click("connect"));
  REQUIRE(last_wallet(fx));
  CHECK(last_wallet(fx)->name == "eth_requestAccounts");
  CHECK(s.wallet.phase == WalletPhase::connecting);
  CHECK(reduce(s, Event::click("connect")).empty());  // a second click asks nothing twice

  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({"0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266"})));
  CHECK(s.wallet.account == kAlice);
  REQUIRE(last_wallet(fx));
  CHECK(last_wallet(fx)->name == "eth_chainId");

  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0x7a69"));
  REQUIRE(last_wallet(fx));
  const Effect& call = *last_wallet(fx);
  CHECK(call.name == "eth_call");
  CHECK(call.payload[0]["to"] == kToken);
  CHECK(call.payload[0]["data"] == std::string("0x70a08231000000000000000000000000") + (kAlice + 2));
  CHECK(call.payload[1] == "latest");
  CHECK(derive_state_name(s) == StateName::connected_empty);
  CHECK(s.wallet.balance_loading);

  reduce(s, Event::wallet_ok(call.id, word(1234)));
  CHECK(s.wallet.balance_wei == uint128{1234});
  CHECK_FALSE(s.wallet.balance_loading);
}

TEST_CASE("connect on another chain is unsupported_chain, and no balance is read") {
  State s = connected_state(42220);
  CHECK(derive_state_name(s) == StateName::unsupported_chain);
  CHECK_FALSE(s.wallet.balance_wei);
  CHECK_FALSE(s.wallet.balance_loading);
}

TEST_CASE("wallet errors on connect give clear messages and leave the button usable") {
  State s = configured_state();
  reduce(s, Event::start(true));
  auto fx = reduce(s, Event::click("connect"));
  SUBCASE("4001 rejected") {
    reduce(s, Event::wallet_error(last_wallet(fx)->id, 4001, "User rejected the request."));
    CHECK(s.notice.kind == NoticeKind::error);
    CHECK(s.notice.text.find("declined") != std::string::npos);
  }
  SUBCASE("-32002 already pending: tell to open the wallet, never retry by itself") {
    auto next = reduce(s, Event::wallet_error(last_wallet(fx)->id, -32002, "Already processing"));
    CHECK(next.size() <= 1);  // only the state-change the widget adds, no wallet request
    CHECK(last_wallet(next) == nullptr);
    CHECK(s.notice.kind == NoticeKind::info);
    CHECK(s.notice.text.find("Open your wallet") != std::string::npos);
  }
  SUBCASE("unknown code keeps the wallet's own words and the code") {
    reduce(s, Event::wallet_error(last_wallet(fx)->id, -32000, "boom"));
    CHECK(s.notice.text.find("boom") != std::string::npos);
    CHECK(s.notice.text.find("-32000") != std::string::npos);
  }
  CHECK(s.wallet.phase == WalletPhase::disconnected);
  CHECK(derive_state_name(s) == StateName::disconnected);
  auto again = reduce(s, Event::click("connect"));
  REQUIRE(last_wallet(again));
  CHECK(s.notice.kind == NoticeKind::none);  // the old message goes away on retry
}

TEST_CASE("malformed wallet answers become notices, not crashes") {
  State s = configured_state();
  reduce(s, Event::start(true));
  auto fx = reduce(s, Event::click("connect"));
  SUBCASE("accounts not an array") { reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0xabc")); }
  SUBCASE("account not an address") { reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({"0x12"}))); }
  SUBCASE("accounts null") { reduce(s, Event::wallet_ok(last_wallet(fx)->id, nullptr)); }
  CHECK(s.wallet.phase == WalletPhase::disconnected);
  CHECK(s.notice.kind == NoticeKind::error);
}

TEST_CASE("a malformed balance answer shows an error and a retry") {
  State s = configured_state();
  reduce(s, Event::start(true));
  auto fx = reduce(s, Event::click("connect"));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({kAlice})));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0x7a69"));
  reduce(s, Event::wallet_ok(last_wallet(fx)->id, 12));
  CHECK(s.notice.kind == NoticeKind::error);
  CHECK_FALSE(s.wallet.balance_wei);
  fx = reduce(s, Event::click("retry_balance"));
  REQUIRE(last_wallet(fx));
  CHECK(last_wallet(fx)->name == "eth_call");
}

TEST_CASE("accountsChanged to another account drops the old balance and reads the new one") {
  State s = connected_state(kChain, 777);
  REQUIRE(s.wallet.balance_wei == uint128{777});
  auto fx = reduce(s, Event::accounts_changed(json::array({kBob})));
  CHECK(s.wallet.account == kBob);
  CHECK_FALSE(s.wallet.balance_wei);  // never show Alice's balance for Bob
  REQUIRE(last_wallet(fx));
  CHECK(last_wallet(fx)->payload[0]["data"].get<std::string>().find(kBob + 2) != std::string::npos);
}

TEST_CASE("a balance answer for the previous account is ignored") {
  State s = configured_state();
  reduce(s, Event::start(true));
  auto fx = reduce(s, Event::click("connect"));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({kAlice})));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0x7a69"));
  const int alice_read = last_wallet(fx)->id;
  auto bob = reduce(s, Event::accounts_changed(json::array({kBob})));
  reduce(s, Event::wallet_ok(alice_read, word(999)));  // late answer for Alice
  CHECK_FALSE(s.wallet.balance_wei);
  reduce(s, Event::wallet_ok(last_wallet(bob)->id, word(5)));
  CHECK(s.wallet.balance_wei == uint128{5});
}

TEST_CASE("accountsChanged([]) and disconnect go back to disconnected") {
  State s = connected_state();
  SUBCASE("empty accounts") {
    reduce(s, Event::accounts_changed(json::array()));
  }
  SUBCASE("disconnect event") {
    reduce(s, Event::disconnected());
  }
  CHECK(derive_state_name(s) == StateName::disconnected);
  CHECK(s.wallet.account.empty());
  CHECK_FALSE(s.wallet.balance_wei);
}

TEST_CASE("chainChanged moves between unsupported_chain and connected") {
  State s = connected_state();
  Event to_celo = Event::chain_changed("0xa4ec");
  reduce(s, to_celo);
  CHECK(derive_state_name(s) == StateName::unsupported_chain);
  CHECK_FALSE(s.wallet.balance_wei);
  Event back = Event::chain_changed("0x7a69");
  auto fx = reduce(s, back);
  CHECK(derive_state_name(s) == StateName::connected_empty);
  REQUIRE(last_wallet(fx));
  CHECK(last_wallet(fx)->name == "eth_call");
  Event junk = Event::chain_changed(42);
  reduce(s, junk);  // ignored
  CHECK(s.wallet.chain_id == kChain);
}

TEST_CASE("switch chain: switch, and on 4902 add the chain then re-check") {
  State s = connected_state(42220);
  auto fx = reduce(s, Event::click("switch_chain"));
  REQUIRE(last_wallet(fx));
  CHECK(last_wallet(fx)->name == "wallet_switchEthereumChain");
  CHECK(last_wallet(fx)->payload[0]["chainId"] == "0x7a69");
  CHECK(s.wallet.switching_chain);
  CHECK(reduce(s, Event::click("switch_chain")).empty());  // one request at a time

  fx = reduce(s, Event::wallet_error(last_wallet(fx)->id, 4902, "Unrecognized chain"));
  REQUIRE(last_wallet(fx));
  const Effect& add = *last_wallet(fx);
  CHECK(add.name == "wallet_addEthereumChain");
  CHECK(add.payload[0]["chainName"] == "Anvil (local)");
  CHECK(add.payload[0]["rpcUrls"][0] == "http://127.0.0.1:8545");

  fx = reduce(s, Event::wallet_ok(add.id, nullptr));
  REQUIRE(last_wallet(fx));
  CHECK(last_wallet(fx)->name == "eth_chainId");
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, "0x7a69"));
  CHECK(derive_state_name(s) == StateName::connected_empty);
  CHECK_FALSE(s.wallet.switching_chain);
}

TEST_CASE("switch chain rejected keeps unsupported_chain with a message") {
  State s = connected_state(42220);
  auto fx = reduce(s, Event::click("switch_chain"));
  reduce(s, Event::wallet_error(last_wallet(fx)->id, 4001, "no"));
  CHECK(derive_state_name(s) == StateName::unsupported_chain);
  CHECK(s.notice.kind == NoticeKind::error);
  CHECK_FALSE(s.wallet.switching_chain);
}

TEST_CASE("4902 without an RPC URL configured asks the person to add the chain") {
  State s = connected_state(42220);
  s.config.rpc_url.clear();
  auto fx = reduce(s, Event::click("switch_chain"));
  fx = reduce(s, Event::wallet_error(last_wallet(fx)->id, 4902, "Unrecognized chain"));
  CHECK(last_wallet(fx) == nullptr);
  CHECK(s.notice.text.find("Anvil (local)") != std::string::npos);
}

TEST_CASE("answers with unknown or repeated ids are ignored") {
  State s = configured_state();
  auto fx = reduce(s, Event::start(true));
  const int id = fx[0].id;
  CHECK(reduce(s, Event::wallet_ok(id + 100, json::array({kAlice}))).empty());
  reduce(s, Event::wallet_ok(id, json::array()));
  CHECK(reduce(s, Event::wallet_ok(id, json::array({kAlice}))).empty());
  CHECK(s.wallet.phase == WalletPhase::disconnected);
}

TEST_CASE("a disconnect while connecting drops the late connect answer") {
  State s = configured_state();
  reduce(s, Event::start(true));
  auto fx = reduce(s, Event::click("connect"));
  reduce(s, Event::disconnected());
  reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({kAlice})));
  CHECK(s.wallet.phase == WalletPhase::disconnected);
}

TEST_CASE("typing keeps the text exactly; modes switch the view") {
  State s = connected_state();
  s.wallet.balance_wei = uint128{100} * kWeiPerG;
  reduce(s, Event::input("amount", "12.5"));
  CHECK(s.purchase.amount_text == "12.5");
  reduce(s, Event::click("mode.stream"));
  CHECK(derive_state_name(s) == StateName::streaming_setup);
  reduce(s, Event::click("mode.once"));
  CHECK(derive_state_name(s) == StateName::quote_ready);
}

TEST_CASE("a misconfigured widget never asks the wallet") {
  State s;
  s.config_error = "token-address is missing";
  auto fx = reduce(s, Event::start(true));
  CHECK(fx.empty());
  CHECK(reduce(s, Event::click("connect")).empty());
}
