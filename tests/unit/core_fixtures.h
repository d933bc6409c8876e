// Shared helpers for the core tests: a configured widget state and wallet answers.
#pragma once
#include <string>
#include <vector>

#include "core/reducer.h"
#include "core/state.h"
#include "core/view_model.h"
#include "core/view_model_build.h"

namespace acw::test {

inline const char* kToken = "0x62b8b11039fcfe5ab0c56e502b1c372a3d2a9c7a";
inline const char* kAlice = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
inline const char* kBob = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
constexpr uint64_t kChain = 31337;

inline State configured_state() {
  State s;
  s.config.chain_id = kChain;
  s.config.chain_name = "Anvil (local)";
  s.config.token_address = kToken;
  s.config.rpc_url = "http://127.0.0.1:8545";
  s.config.native_symbol = "ETH";
  return s;
}

// The last wallet effect in `effects` (fails the test when there is none).
inline const Effect* last_wallet(const std::vector<Effect>& effects) {
  for (auto it = effects.rbegin(); it != effects.rend(); ++it) {
    if (it->kind == EffectKind::wallet) return &*it;
  }
  return nullptr;
}

// The view item with `id`, or null.
inline const ViewItem* find_item(const ViewModel& vm, const std::string& id) {
  for (const auto& item : vm.items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

// "0x" + 64 hex digits holding `value`.
inline std::string word(uint64_t value) {
  static const char* hex = "0123456789abcdef";
  std::string w(64, '0');
  for (int i = 63; value && i >= 0; --i, value >>= 4) w[i] = hex[value & 15];
  return "0x" + w;
}

// Drives `s` from start through Connect to the wallet answering `chain`; returns the effects
// of that last answer.
inline std::vector<Effect> connect_on(State& s, uint64_t chain) {
  auto fx = reduce(s, Event::start(true));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array()));  // eth_accounts: none
  fx = reduce(s, Event::click("connect"));
  fx = reduce(s, Event::wallet_ok(last_wallet(fx)->id, json::array({kAlice})));
  return reduce(s, Event::wallet_ok(last_wallet(fx)->id, chain_id_hex(chain)));
}

// Drives a state from start to connected on `chain` with `balance_wei`.
inline State connected_state(uint64_t chain = kChain, uint64_t balance_wei = 5) {
  State s = configured_state();
  auto fx = connect_on(s, chain);
  if (chain == kChain) reduce(s, Event::wallet_ok(last_wallet(fx)->id, word(balance_wei)));
  return s;
}

// The first HTTP effect of `fx` whose URL contains `path` (null when there is none).
// The first effect of `kind`, or nullptr.
inline const Effect* effect_of(const std::vector<Effect>& fx, EffectKind kind) {
  for (const auto& e : fx) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

inline const Effect* http_to(const std::vector<Effect>& fx, const std::string& path) {
  for (const auto& e : fx) {
    if (e.kind == EffectKind::http && e.text.find(path) != std::string::npos) return &e;
  }
  return nullptr;
}

// The label of item `id` in the view of `s` ("(missing)" when it is not shown).
inline std::string label_of(const State& s, const std::string& id) {
  ViewModel vm = build_view_model(s);
  const ViewItem* item = find_item(vm, id);
  return item ? item->label : "(missing)";
}

// Connected, with a healthy backend and 100 credits.
inline State with_backend() {
  State s = connected_state();
  s.config.backend_url = "http://backend";
  s.backend.health = BackendHealth::ok;
  s.credits = CreditsFacet{true, 1'000'000, 0};
  return s;
}

}  // namespace acw::test
