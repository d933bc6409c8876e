// Requests from the core to the outside world. The JS shim runs them; answers come back as
// Events (wallet results) through Widget::resolve_json.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace acw {

enum class EffectKind { wallet, emit, copy, open };

struct Effect {
  EffectKind kind = EffectKind::emit;
  int id = 0;               // wallet: the id the answer is resolved with
  std::string name;         // wallet: the EIP-1193 method; emit: the DOM event name
  nlohmann::json payload;   // wallet: params; emit: detail
  std::string text;         // copy: the text; open: the URL
};

Effect wallet_effect(int id, std::string method, nlohmann::json params);
Effect emit_effect(std::string event_name, nlohmann::json detail);
nlohmann::json effect_to_json(const Effect& effect);

}  // namespace acw
