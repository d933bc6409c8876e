// The credits backend's JSON answers as the widget reads them (core/backend_wire.h): every
// input is parsed as JSON once and handed to every parser, as any of them may get any body.
// Invariants: no crash or throw; what a parser accepts is within its documented bounds; the
// error text shown to the person is valid UTF-8 (it ends up in JSON: state_json, effects).
#include "core/backend_wire.h"
#include "fuzz_check.h"

using namespace acw;
using acw::fuzz::valid_utf8;

namespace {

bool address_or_empty(const std::string& a) {
  if (a.empty()) return true;
  if (!is_address(a)) return false;
  for (char c : a) {
    if (c >= 'A' && c <= 'Z') return false;
  }
  return true;
}

template <typename T>
void check_error(const Parsed<T>& p) {
  FUZZ_CHECK(p.ok() == p.error.empty(), p.error);
  FUZZ_CHECK(valid_utf8(p.error), p.error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = parse_json(fuzz::as_text(data, size));
  if (!doc.ok()) return 0;
  const json& body = *doc.value;

  auto config = parse_config_values(body);
  check_error(config);
  if (config.ok()) {
    const ConfigValues& c = *config.value;
    FUZZ_CHECK(c.chain_id != 0, "chain id");
    FUZZ_CHECK(c.price_micro_usd_per_g != 0, "price");
    FUZZ_CHECK(c.deposit_bonus_bps <= 10'000 && c.stream_bonus_bps <= 10'000, "bps");
    for (const auto* a : {&c.token, &c.vault, &c.host, &c.forwarder}) {
      FUZZ_CHECK(address_or_empty(*a), *a);
    }
  }

  auto profile = parse_profile(body);
  check_error(profile);
  if (profile.ok()) {
    const std::string& st = profile.value->stream_status;
    FUZZ_CHECK(st == "none" || st == "active" || st == "ended", st);
    FUZZ_CHECK(profile.value->stream_end_reason.size() <= 32, "end reason");
  }

  check_error(parse_record_credit(body));

  auto usage = parse_usage_page(body);
  check_error(usage);
  if (usage.ok()) {
    FUZZ_CHECK(usage.value->items.size() <= 200, "usage items");
    for (const auto& u : usage.value->items) {
      FUZZ_CHECK(u.at.size() <= 64 && u.model.size() <= 128 && u.id.size() <= 128, u.id);
    }
  }

  auto keys = parse_api_keys(body);
  check_error(keys);
  if (keys.ok()) {
    FUZZ_CHECK(keys.value->size() <= 200, "keys");
    for (const auto& k : *keys.value) FUZZ_CHECK(k.prefix.size() <= 32 && k.id.size() <= 128, k.id);
  }

  auto nonce = parse_nonce(body);
  check_error(nonce);
  if (nonce.ok()) FUZZ_CHECK(nonce.value->message.size() <= 2000 && nonce.value->nonce.size() <= 128, "nonce");

  auto created = parse_created_key(body);
  check_error(created);
  if (created.ok()) FUZZ_CHECK(created.value->token.rfind("gd_live_", 0) == 0, created.value->token);

  // Shown in the notice after "HTTP 4xx: ", stored in the state and dumped as JSON.
  const std::string error_text = backend_error_text(body);
  FUZZ_CHECK(valid_utf8(error_text), error_text);
  FUZZ_CHECK(error_text.size() <= 200 + 3, "error text length");
  (void)json(error_text).dump();
  return 0;
}
