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

Effect emit_effect(std::string event_name, nlohmann::json detail) {
  Effect e;
  e.kind = EffectKind::emit;
  e.name = std::move(event_name);
  e.payload = std::move(detail);
  return e;
}

nlohmann::json effect_to_json(const Effect& e) {
  switch (e.kind) {
    case EffectKind::wallet:
      return {{"id", e.id}, {"kind", "wallet"}, {"method", e.name}, {"params", e.payload}};
    case EffectKind::emit:
      return {{"kind", "emit"}, {"name", e.name}, {"detail", e.payload}};
    case EffectKind::copy:
      return {{"kind", "copy"}, {"text", e.text}};
    case EffectKind::open:
      return {{"kind", "open"}, {"url", e.text}};
  }
  return nlohmann::json::object();
}

}  // namespace acw
