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

Event Event::wallet_ok(int effect_id, json result) {
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

Event Event::accounts_changed(json accounts) {
  Event e;
  e.type = EventType::accounts_changed;
  e.result = std::move(accounts);
  return e;
}

Event Event::chain_changed(json chain_id) {
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

Parsed<std::string> string_field(const json& obj, const char* key, size_t max_len) {
  if (!obj.contains(key)) return Parsed<std::string>::fail(std::string(key) + " is missing");
  const json& v = obj.at(key);
  if (!v.is_string()) return Parsed<std::string>::fail(std::string(key) + " must be a string");
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() > max_len) return Parsed<std::string>::fail(std::string(key) + " is too long");
  return Parsed<std::string>::good(s);
}

}  // namespace

Parsed<Event> parse_event(std::string_view text) {
  auto doc = parse_json(text, 64 * 1024);
  if (!doc.ok()) return Parsed<Event>::fail(doc.error);
  const json& j = *doc.value;
  if (!j.is_object()) return Parsed<Event>::fail("event must be a JSON object");
  auto type = string_field(j, "type", 32);
  if (!type.ok()) return Parsed<Event>::fail(type.error);
  const std::string& t = *type.value;

  if (t == "start") {
    if (!j.contains("wallet") || !j.at("wallet").is_boolean()) {
      return Parsed<Event>::fail("start needs a boolean wallet");
    }
    Event e = Event::start(j.at("wallet").get<bool>());
    if (j.contains("nowMs") && j.at("nowMs").is_number_unsigned()) e.now_ms = j.at("nowMs").get<uint64_t>();
    if (j.contains("tzOffsetMin")) {
      // Local time minus UTC; the widest offsets in use are −12 h and +14 h.
      const json& tz = j.at("tzOffsetMin");
      const int64_t minutes = tz.is_number_integer() ? tz.get<int64_t>() : 1000;
      if (minutes < -840 || minutes > 840) return Parsed<Event>::fail("tzOffsetMin must be whole minutes from -840 to 840");
      e.utc_offset_min = static_cast<int>(minutes);
    }
    if (j.contains("stored")) {
      if (!j.at("stored").is_object()) return Parsed<Event>::fail("stored must be an object");
      e.stored = j.at("stored");
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
    if (!j.contains("accounts")) return Parsed<Event>::fail("accounts is missing");
    return Parsed<Event>::good(Event::accounts_changed(j.at("accounts")));
  }
  if (t == "chainChanged") {
    if (!j.contains("chainId")) return Parsed<Event>::fail("chainId is missing");
    return Parsed<Event>::good(Event::chain_changed(j.at("chainId")));
  }
  if (t == "disconnect") return Parsed<Event>::good(Event::disconnected());
  if (t == "tick") {
    if (!j.contains("nowMs") || !j.at("nowMs").is_number_unsigned()) {
      return Parsed<Event>::fail("tick needs a whole nowMs");
    }
    return Parsed<Event>::good(Event::tick(j.at("nowMs").get<uint64_t>()));
  }
  return Parsed<Event>::fail("unknown event type");
}

Parsed<Event> parse_wallet_answer(int effect_id, std::string_view text) {
  auto doc = parse_json(text);
  if (!doc.ok()) return Parsed<Event>::fail(doc.error);
  const json& j = *doc.value;
  if (!j.is_object()) return Parsed<Event>::fail("answer must be a JSON object");
  if (j.contains("error")) {
    WalletError err = parse_wallet_error(j.at("error"));
    return Parsed<Event>::good(Event::wallet_error(effect_id, err.code, err.message));
  }
  if (j.contains("status")) {
    const json& status = j.at("status");
    if (!status.is_number_integer() || status.get<int64_t>() < 100 || status.get<int64_t>() > 599) {
      return Parsed<Event>::fail("status must be an HTTP status code");
    }
    if (!j.contains("body") || !j.at("body").is_string()) return Parsed<Event>::fail("body must be a string");
    return Parsed<Event>::good(
        Event::http_answer(effect_id, static_cast<int>(status.get<int64_t>()), j.at("body").get<std::string>()));
  }
  if (!j.contains("result")) return Parsed<Event>::fail("answer needs result or error");
  return Parsed<Event>::good(Event::wallet_ok(effect_id, j.at("result")));
}

}  // namespace acw
