// Requests from the core to the outside world. The JS shim runs them; answers come back as
// Events (wallet results) through Widget::resolve_json.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace acw {

enum class EffectKind { wallet, http, timer, store, emit, copy, open };

struct Effect {
  EffectKind kind = EffectKind::emit;
  int id = 0;               // wallet, http, timer, copy: the id the answer is resolved with
  std::string name;         // wallet: EIP-1193 method; http: GET/POST/DELETE; emit: event name;
                            // store: the localStorage key
  nlohmann::json payload;   // wallet: params; http: body (null = none); emit: detail;
                            // store: the value (null = remove)
  std::string text;         // http: URL; copy: the text; open: the URL
  int ms = 0;               // http: timeout; timer: delay
  std::string auth;         // http: the Authorization header ("" = none)
};

Effect wallet_effect(int id, std::string method, nlohmann::json params);
Effect http_effect(int id, std::string method, std::string url, nlohmann::json body, int timeout_ms);
Effect timer_effect(int id, int ms);
Effect store_effect(std::string key, nlohmann::json value);
Effect emit_effect(std::string event_name, nlohmann::json detail);
Effect copy_effect(int id, std::string text);
Effect open_effect(std::string url);
nlohmann::json effect_to_json(const Effect& effect);

}  // namespace acw
