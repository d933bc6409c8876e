#include "event.h"

namespace acw {

Event Event::start(bool wallet_found) {
  Event e;
  e.type = EventType::start;
  e.wallet_found = wallet_found;
  return e;
}

Event Event::click(std::string id) {
  Event e;
  e.type = EventType::click;
  e.id = std::move(id);
  return e;
}

Event Event::input(std::string id, std::string text) {
  Event e;
  e.type = EventType::input;
  e.id = std::move(id);
  e.text = std::move(text);
  return e;
}

Event Event::wallet_ok(int effect_id, Json result) {
  Event e;
  e.type = EventType::wallet_result;
  e.effect_id = effect_id;
  e.ok = true;
  e.result = std::move(result);
  return e;
}

Event Event::wallet_error(int effect_id, int code, std::string message) {
  Event e;
  e.type = EventType::wallet_result;
  e.effect_id = effect_id;
  e.ok = false;
  e.error = WalletError{code, std::move(message)};
  return e;
}

Event Event::http_answer(int effect_id, int status, std::string body) {
  Event e;
  e.type = EventType::wallet_result;
  e.effect_id = effect_id;
  e.ok = true;
  e.http_status = status;
  e.body = std::move(body);
  return e;
}

Event Event::accounts_changed(Json accounts) {
  Event e;
  e.type = EventType::accounts_changed;
  e.result = std::move(accounts);
  return e;
}

Event Event::chain_changed(Json chain_id) {
  Event e;
  e.type = EventType::chain_changed;
  e.result = std::move(chain_id);
  return e;
}

Event Event::tick(uint64_t now_ms) {
  Event e;
  e.type = EventType::tick;
  e.now_ms = now_ms;
  return e;
}

Event Event::disconnected() {
  Event e;
  e.type = EventType::wallet_disconnected;
  return e;
}

namespace {

constexpr size_t kMaxIdLength = 64;
constexpr size_t kMaxInputLength = 256;  // longer text is refused, not truncated

Parsed<std::string> string_field(const Json& obj, const char* key, size_t max_len) {
  const Json* v = obj.find(key);
  if (!v) return Parsed<std::string>::fail(std::string(key) + " is missing");
  if (!v->is_string()) return Parsed<std::string>::fail(std::string(key) + " must be a string");
  if (v->text().size() > max_len) return Parsed<std::string>::fail(std::string(key) + " is too long");
  return Parsed<std::string>::good(v->text());
}

}  // namespace

Parsed<Event> parse_event(std::string_view text) {
  auto doc = Json::parse(text, 64 * 1024);
  if (!doc.ok()) return Parsed<Event>::fail(doc.error);
  const Json& j = *doc.value;
  if (!j.is_object()) return Parsed<Event>::fail("event must be a JSON object");
  auto type = string_field(j, "type", 32);
  if (!type.ok()) return Parsed<Event>::fail(type.error);
  const std::string& t = *type.value;

  if (t == "start") {
    if (!j["wallet"].is_bool()) return Parsed<Event>::fail("start needs a boolean wallet");
    Event e = Event::start(j["wallet"].boolean());
    if (auto now = j["nowMs"].as_u64()) e.now_ms = *now;
    if (const Json* stored = j.find("stored")) {
      if (!stored->is_object()) return Parsed<Event>::fail("stored must be an object");
      e.stored = *stored;
    }
    return Parsed<Event>::good(std::move(e));
  }
  if (t == "click") {
    auto id = string_field(j, "id", kMaxIdLength);
    if (!id.ok()) return Parsed<Event>::fail(id.error);
    return Parsed<Event>::good(Event::click(*id.value));
  }
  if (t == "input") {
    auto id = string_field(j, "id", kMaxIdLength);
    if (!id.ok()) return Parsed<Event>::fail(id.error);
    auto txt = string_field(j, "text", kMaxInputLength);
    if (!txt.ok()) return Parsed<Event>::fail(txt.error);
    return Parsed<Event>::good(Event::input(*id.value, *txt.value));
  }
  if (t == "accountsChanged") {
    const Json* accounts = j.find("accounts");
    if (!accounts) return Parsed<Event>::fail("accounts is missing");
    return Parsed<Event>::good(Event::accounts_changed(*accounts));
  }
  if (t == "chainChanged") {
    const Json* chain = j.find("chainId");
    if (!chain) return Parsed<Event>::fail("chainId is missing");
    return Parsed<Event>::good(Event::chain_changed(*chain));
  }
  if (t == "disconnect") return Parsed<Event>::good(Event::disconnected());
  if (t == "tick") {
    const std::optional<uint64_t> now = j["nowMs"].as_u64();
    if (!now) return Parsed<Event>::fail("tick needs a whole nowMs");
    return Parsed<Event>::good(Event::tick(*now));
  }
  return Parsed<Event>::fail("unknown event type");
}

Parsed<Event> parse_wallet_answer(int effect_id, std::string_view text) {
  auto doc = Json::parse(text);
  if (!doc.ok()) return Parsed<Event>::fail(doc.error);
  const Json& j = *doc.value;
  if (!j.is_object()) return Parsed<Event>::fail("answer must be a JSON object");
  if (const Json* error = j.find("error")) {
    WalletError err = parse_wallet_error(*error);
    return Parsed<Event>::good(Event::wallet_error(effect_id, err.code, err.message));
  }
  if (const Json* status = j.find("status")) {
    const std::optional<int64_t> code = status->as_i64();
    if (!code || *code < 100 || *code > 599) return Parsed<Event>::fail("status must be an HTTP status code");
    const Json& body = j["body"];
    if (!body.is_string()) return Parsed<Event>::fail("body must be a string");
    return Parsed<Event>::good(Event::http_answer(effect_id, static_cast<int>(*code), body.text()));
  }
  const Json* result = j.find("result");
  if (!result) return Parsed<Event>::fail("answer needs result or error");
  return Parsed<Event>::good(Event::wallet_ok(effect_id, *result));
}

}  // namespace acw
