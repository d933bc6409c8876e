#include "effect.h"

namespace acw {

Effect wallet_effect(int id, std::string method, nlohmann::json params) {
  Effect e;
  e.kind = EffectKind::wallet;
  e.id = id;
  e.name = std::move(method);
  e.payload = std::move(params);
  return e;
}

Effect http_effect(int id, std::string method, std::string url, nlohmann::json body, int timeout_ms) {
  Effect e;
  e.kind = EffectKind::http;
  e.id = id;
  e.name = std::move(method);
  e.text = std::move(url);
  e.payload = std::move(body);
  e.ms = timeout_ms;
  return e;
}

Effect timer_effect(int id, int ms) {
  Effect e;
  e.kind = EffectKind::timer;
  e.id = id;
  e.ms = ms;
  return e;
}

Effect store_effect(std::string key, nlohmann::json value) {
  Effect e;
  e.kind = EffectKind::store;
  e.name = std::move(key);
  e.payload = std::move(value);
  return e;
}

Effect copy_effect(int id, std::string text) {
  Effect e;
  e.kind = EffectKind::copy;
  e.id = id;
  e.text = std::move(text);
  return e;
}

Effect open_effect(std::string url) {
  Effect e;
  e.kind = EffectKind::open;
  e.text = std::move(url);
  return e;
}

Effect emit_effect(std::string event_name, nlohmann::json detail) {
  Effect e;
  e.kind = EffectKind::emit;
  e.name = std::move(event_name);
  e.payload = std::move(detail);
  return e;
}

nlohmann::json effect_to_json(const Effect& e) {
  switch (e.kind) {
    case EffectKind::wallet: {
      nlohmann::json j = {{"id", e.id}, {"kind", "wallet"}, {"method", e.name}, {"params", e.payload}};
      if (e.ms > 0) j["timeoutMs"] = e.ms;
      return j;
    }
    case EffectKind::http:
    {
      nlohmann::json j = {{"id", e.id}, {"kind", "http"}, {"method", e.name}, {"url", e.text},
                          {"body", e.payload}, {"timeoutMs", e.ms}};
      if (!e.auth.empty()) j["authorization"] = e.auth;
      return j;
    }
    case EffectKind::timer:
      return {{"id", e.id}, {"kind", "timer"}, {"ms", e.ms}};
    case EffectKind::store:
      return {{"kind", "store"}, {"key", e.name}, {"value", e.payload}};
    case EffectKind::emit:
      return {{"kind", "emit"}, {"name", e.name}, {"detail", e.payload}};
    case EffectKind::copy:
      return {{"id", e.id}, {"kind", "copy"}, {"text", e.text}};
    case EffectKind::open:
      return {{"kind", "open"}, {"url", e.text}};
  }
  return nlohmann::json::object();
}

}  // namespace acw
