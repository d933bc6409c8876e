// What the page sends in (core/wire.h, core/event.h, core/config.h): EIP-1193 results — the
// input is the JSON of one `result`, handed to every wallet parser — plus the same text read as
// the facade's dispatch JSON, as its resolve JSON, and as the create-time configuration.
// Invariants: no crash or throw; accepted values are canonical and survive a round trip
// through their own encoder; error texts are valid UTF-8.
#include <limits>

#include "core/config.h"
#include "core/event.h"
#include "core/wire.h"
#include "fuzz_check.h"

using namespace acw;
using acw::fuzz::valid_utf8;

namespace {

bool is_lower(const std::string& s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') return false;
  }
  return true;
}

void check_wallet_parsers(const json& v) {
  auto accounts = parse_accounts(v);
  FUZZ_CHECK(accounts.ok() == accounts.error.empty(), accounts.error);
  if (accounts.ok()) {
    FUZZ_CHECK(accounts.value->size() <= 64, "accounts");
    for (const auto& a : *accounts.value) {
      FUZZ_CHECK(is_address(a) && is_lower(a), a);
      FUZZ_CHECK(abi_word_address(a).size() == 64, a);
      FUZZ_CHECK(encode_balance_of(a).size() == 2 + 8 + 64, a);
    }
  }

  auto chain = parse_chain_id(v);
  if (chain.ok()) {
    FUZZ_CHECK(*chain.value != 0, "chain id 0");
    auto again = parse_chain_id(json(chain_id_hex(*chain.value)));
    FUZZ_CHECK(again.ok() && *again.value == *chain.value, chain_id_hex(*chain.value));
    auto any = parse_chain_id_any(v);
    FUZZ_CHECK(any.ok() && *any.value == *chain.value, "parse_chain_id_any disagrees");
  }
  auto chain_any = parse_chain_id_any(v);
  if (chain_any.ok()) FUZZ_CHECK(*chain_any.value != 0, "chain id 0");

  auto word = parse_uint256_word(v);
  if (word.ok()) {
    const std::string hex = to_hex_quantity(*word.value);
    auto again = parse_uint256_word(json(hex));
    FUZZ_CHECK(again.ok() && *again.value == *word.value, hex);
    FUZZ_CHECK(abi_word_uint(*word.value).size() == 64, hex);
    FUZZ_CHECK(parse_decimal(to_decimal(*word.value)) == word.value, hex);
  }

  auto hash = parse_tx_hash(v);
  if (hash.ok()) FUZZ_CHECK(hash.value->size() == 66 && is_lower(*hash.value), *hash.value);

  auto address = parse_address(v);
  if (address.ok()) FUZZ_CHECK(is_address(*address.value) && is_lower(*address.value), *address.value);

  const WalletError error = parse_wallet_error(v);
  FUZZ_CHECK(!error.message.empty(), "empty wallet error message");
  FUZZ_CHECK(valid_utf8(error.message), error.message);
  FUZZ_CHECK(fuzz::utf8_code_points(error.message) <= 300, error.message);
  (void)json(error.message).dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::as_text(data, size);

  // The facade's JSON (Widget::dispatch_json / resolve_json): never a throw, errors readable.
  auto event = parse_event(text);
  FUZZ_CHECK(event.ok() == event.error.empty() && valid_utf8(event.error), event.error);
  if (event.ok()) {
    const Event& e = *event.value;
    FUZZ_CHECK(e.id.size() <= 64 && e.text.size() <= 256, e.id);
    (void)e.result.dump();
    (void)e.stored.dump();
  }
  auto answer = parse_wallet_answer(7, text);
  FUZZ_CHECK(answer.ok() == answer.error.empty(), answer.error);
  if (answer.ok()) {
    const Event& e = *answer.value;
    FUZZ_CHECK(e.type == EventType::wallet_result && e.effect_id == 7, "answer");
    if (e.http_status != 0) FUZZ_CHECK(e.http_status >= 100 && e.http_status <= 599, "status");
    FUZZ_CHECK(valid_utf8(e.error.message), e.error.message);
  }

  auto doc = parse_json(text);
  if (!doc.ok()) return 0;
  const json& v = *doc.value;
  check_wallet_parsers(v);
  // Results usually come wrapped: {"result": …} / {"error": …}.
  if (v.is_object()) {
    for (const char* key : {"result", "error", "accounts", "chainId"}) {
      if (v.contains(key)) check_wallet_parsers(v.at(key));
    }
  }

  auto config = parse_config(v);
  FUZZ_CHECK(config.ok() == config.error.empty(), config.error);
  if (config.ok()) {
    const json out = config_to_json(*config.value);
    (void)out.dump();
    auto again = parse_config(out);
    FUZZ_CHECK(again.ok(), again.error);
    FUZZ_CHECK(config_to_json(*again.value) == out, out.dump());
  }
  return 0;
}
