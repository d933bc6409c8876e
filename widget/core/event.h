// Everything that can happen to the widget. Events come from the UI (clicks, typing), from
// the page (wallet found, EIP-1193 events) and as answers to effects.
#pragma once
#include <string>
#include <string_view>

#include "wire.h"

namespace acw {

enum class EventType {
  start,             // wallet discovery finished: `wallet_found`
  click,             // `id` of the item
  input,             // `id` of the input, `text` its new content
  wallet_result,     // answer to effect `effect_id` (wallet, http or timer): `result` or
                     // `error`; for http also `http_status` and `body`
  accounts_changed,  // `result` = the accounts array as sent by the wallet
  chain_changed,     // `result` = the chainId as sent by the wallet
  wallet_disconnected,
  tick,              // wall clock for the stream ticker: `now_ms`
};

struct Event {
  EventType type = EventType::start;
  bool wallet_found = false;
  std::string id;
  std::string text;
  int effect_id = 0;
  bool ok = false;       // wallet_result: true = `result`, false = `error`
  json result;           // raw, validated by the reducer with the wire parsers
  WalletError error;
  int http_status = 0;   // http answers: the status code (0 = no HTTP answer: see `error`)
  std::string body;      // http answers: the body text, parsed by the reducer
  json stored;           // start: the widget's saved localStorage entries {key: value}
  uint64_t now_ms = 0;   // tick (and start): wall clock, ms since the epoch
  int utc_offset_min = 0;  // start: the page's local time minus UTC, minutes (−840…840)

  static Event start(bool wallet_found);
  static Event click(std::string id);
  static Event input(std::string id, std::string text);
  static Event wallet_ok(int effect_id, json result);
  static Event wallet_error(int effect_id, int code, std::string message);
  static Event http_answer(int effect_id, int status, std::string body);
  static Event accounts_changed(json accounts);
  static Event chain_changed(json chain_id);
  static Event disconnected();
  static Event tick(uint64_t now_ms);
};

// Parses the dispatch JSON of docs/c-api.md. Errors are short English sentences.
Parsed<Event> parse_event(std::string_view text);
// Parses the resolve JSON ({"result":…}, {"error":{code,message}} or, for http effects,
// {"status":200,"body":"…"}) into a wallet_result.
Parsed<Event> parse_wallet_answer(int effect_id, std::string_view text);

}  // namespace acw
