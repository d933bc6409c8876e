#include "backend_wire.h"

#include <fmt/format.h>

namespace acw {

namespace {

constexpr size_t kMaxItems = 200;

// Field readers: each returns "" or an error sentence naming the field.
std::string need_object(const json& v, const char* what) {
  return v.is_object() ? "" : std::string(what) + " must be a JSON object";
}

std::string read_amount(const json& obj, const char* key, uint128& out, bool required = true) {
  if (!obj.contains(key) || obj.at(key).is_null()) return required ? std::string(key) + " is missing" : "";
  const json& v = obj.at(key);
  if (!v.is_string()) return std::string(key) + " must be a decimal string";
  auto n = parse_decimal(v.get_ref<const std::string&>());
  if (!n) return std::string(key) + " is not a whole decimal number";
  out = *n;
  return {};
}

std::string read_bps(const json& obj, const char* key, uint32_t& out) {
  if (!obj.contains(key)) return std::string(key) + " is missing";
  const json& v = obj.at(key);
  std::optional<uint128> n;
  if (const std::optional<uint64_t> whole = whole_number(v)) n = *whole;
  if (v.is_string()) n = parse_decimal(v.get_ref<const std::string&>());
  if (!n || *n > 10'000) return std::string(key) + " must be basis points (0-10000)";
  out = static_cast<uint32_t>(*n);
  return {};
}

std::string read_string(const json& obj, const char* key, std::string& out, bool required = true,
                        size_t max_len = 200) {
  if (!obj.contains(key) || obj.at(key).is_null()) return required ? std::string(key) + " is missing" : "";
  const json& v = obj.at(key);
  if (!v.is_string()) return std::string(key) + " must be a string";
  if (v.get_ref<const std::string&>().size() > max_len) return std::string(key) + " is too long";
  out = v.get<std::string>();
  return {};
}

std::string read_address(const json& obj, const char* key, std::string& out) {
  if (!obj.contains(key) || obj.at(key).is_null()) return {};
  auto a = parse_address(obj.at(key));
  if (!a.ok()) return std::string(key) + ": " + a.error;
  out = *a.value;
  return {};
}

// An optional http(s) URL.
std::string read_url(const json& obj, const char* key, std::string& out) {
  if (auto e = read_string(obj, key, out, false, 300); !e.empty()) return e;
  if (!out.empty() && out.rfind("http://", 0) != 0 && out.rfind("https://", 0) != 0) {
    return std::string(key) + " must start with http:// or https://";
  }
  return {};
}

std::string read_id(const json& obj, const char* key, std::string& out) {
  if (obj.contains(key) && obj.at(key).is_number_unsigned()) {
    out = fmt::to_string(obj.at(key).get<uint64_t>());
    return {};
  }
  return read_string(obj, key, out, true, 128);
}

// The first error of readers run in order (a braced list is evaluated left to right).
std::string first_error(std::initializer_list<std::string> errors) {
  for (const auto& e : errors) {
    if (!e.empty()) return e;
  }
  return {};
}

const json* items_of(const json& body, std::string& error) {
  if (!body.is_object() || !body.contains("items") || !body.at("items").is_array()) {
    error = "items must be an array";
    return nullptr;
  }
  if (body.at("items").size() > kMaxItems) {
    error = "too many items";
    return nullptr;
  }
  return &body.at("items");
}

Parsed<ApiKeyMeta> parse_key_meta(const json& v) {
  ApiKeyMeta k;
  if (!v.is_object()) return Parsed<ApiKeyMeta>::fail("an API key entry must be an object");
  std::string revoked_at;
  const std::string e = first_error({read_id(v, "id", k.id), read_string(v, "tokenPrefix", k.prefix, true, 32),
                                     read_string(v, "createdAt", k.created_at, false, 64),
                                     read_string(v, "revokedAt", revoked_at, false, 64)});
  if (!e.empty()) return Parsed<ApiKeyMeta>::fail(e);
  k.revoked = !revoked_at.empty();
  return Parsed<ApiKeyMeta>::good(k);
}

}  // namespace

Parsed<ConfigValues> parse_config_values(const json& body) {
  ConfigValues c;
  if (auto e = need_object(body, "config"); !e.empty()) return Parsed<ConfigValues>::fail(e);
  if (!body.contains("chainId")) return Parsed<ConfigValues>::fail("chainId is missing");
  auto chain = parse_chain_id_any(body.at("chainId"));
  if (!chain.ok()) return Parsed<ConfigValues>::fail(chain.error);
  c.chain_id = *chain.value;
  const std::string e = first_error({read_amount(body, "priceMicroUsdPerG", c.price_micro_usd_per_g),
                            read_bps(body, "depositBonusBps", c.deposit_bonus_bps),
                            read_bps(body, "streamBonusBps", c.stream_bonus_bps),
                            read_amount(body, "minFirstDepositMicroUsd", c.min_first_deposit_micro_usd),
                            read_amount(body, "minStreamMicroUsdPerMonth", c.min_stream_micro_usd_per_month),
                            read_address(body, "tokenAddress", c.token), read_address(body, "vaultAddress", c.vault),
                            read_address(body, "hostAddress", c.host),
                                     read_address(body, "forwarderAddress", c.forwarder),
                                     read_string(body, "chainName", c.chain_name, false, 64),
                                     read_string(body, "nativeSymbol", c.native_symbol, false, 16),
                                     read_url(body, "rpcUrl", c.rpc_url),
                                     read_url(body, "explorerUrl", c.explorer_url)});
  if (!e.empty()) return Parsed<ConfigValues>::fail(e);
  if (c.price_micro_usd_per_g == 0) return Parsed<ConfigValues>::fail("priceMicroUsdPerG must be above zero");
  return Parsed<ConfigValues>::good(c);
}

Parsed<Profile> parse_profile(const json& body) {
  Profile p;
  if (auto e = need_object(body, "profile"); !e.empty()) return Parsed<Profile>::fail(e);
  const std::string e = first_error({read_amount(body, "remainingUsd", p.remaining_micro_usd),
                                     read_amount(body, "usedUsd", p.used_micro_usd),
                                     read_amount(body, "totalGDStreamedWei", p.streamed_wei, false),
                                     read_amount(body, "totalGdDepositedWei", p.paid_once_wei, false),
                                     read_amount(body, "totalPrincipalUsd", p.principal_micro_usd, false),
                                     read_amount(body, "totalBonusUsd", p.bonus_micro_usd, false)});
  if (!e.empty()) return Parsed<Profile>::fail(e);
  if (body.contains("stream") && !body.at("stream").is_null()) {
    const json& st = body.at("stream");
    if (!st.is_object()) return Parsed<Profile>::fail("stream must be an object");
    const std::string se = first_error({read_string(st, "status", p.stream_status, true, 16),
                                        read_string(st, "endReason", p.stream_end_reason, false, 32)});
    if (!se.empty()) return Parsed<Profile>::fail("stream." + se);
    if (p.stream_status != "none" && p.stream_status != "active" && p.stream_status != "ended") {
      return Parsed<Profile>::fail("stream.status has an unknown value");
    }
  }
  return Parsed<Profile>::good(p);
}

Parsed<uint128> parse_record_credit(const json& body) {
  std::string error;
  if (!body.is_object() || !body.contains("events") || !body.at("events").is_array()) {
    return Parsed<uint128>::fail("events must be an array");
  }
  uint128 total = 0;
  for (const json& entry : body.at("events")) {
    uint128 credit = 0;
    if (!entry.is_object()) return Parsed<uint128>::fail("an entry must be an object");
    if (auto e = read_amount(entry, "totalCreditUsd", credit); !e.empty()) return Parsed<uint128>::fail(e);
    auto sum = checked_add(total, credit);
    if (!sum) return Parsed<uint128>::fail("credits overflow");
    total = *sum;
  }
  return Parsed<uint128>::good(total);
}

Parsed<UsagePage> parse_usage_page(const json& body) {
  UsagePage page;
  std::string error;
  const json* items = items_of(body, error);
  if (!items) return Parsed<UsagePage>::fail(error);
  for (const json& v : *items) {
    UsageEntry u;
    if (!v.is_object()) return Parsed<UsagePage>::fail("a usage entry must be an object");
    const std::string e = first_error({read_id(v, "id", u.id), read_string(v, "at", u.at, true, 64),
                                       read_string(v, "model", u.model, true, 128),
                                       read_amount(v, "costUsd", u.cost_micro_usd)});
    if (!e.empty()) return Parsed<UsagePage>::fail(e);
    page.items.push_back(u);
  }
  if (!body.contains("total") || !body.at("total").is_number_unsigned()) {
    return Parsed<UsagePage>::fail("total must be a whole number");
  }
  page.total = body.at("total").get<uint64_t>();
  return Parsed<UsagePage>::good(std::move(page));
}

namespace {

// `out` must be one of `allowed` (a known word of the backend's).
std::string read_word(const json& obj, const char* key, std::string& out, std::initializer_list<const char*> allowed) {
  if (auto e = read_string(obj, key, out, true, 32); !e.empty()) return e;
  for (const char* a : allowed) {
    if (out == a) return {};
  }
  return std::string(key) + " has an unknown value";
}

Parsed<HistoryEntry> parse_history_entry(const json& v) {
  HistoryEntry h;
  if (!v.is_object()) return Parsed<HistoryEntry>::fail("a credit history entry must be an object");
  const std::string e =
      first_error({read_id(v, "id", h.id), read_word(v, "source", h.source, {"deposit", "streamUpdate", "streamCron"}),
                   read_word(v, "fundingStatus", h.status, {"pending", "funded", "failed"}),
                   read_string(v, "txHash", h.tx_hash, false, 66), read_string(v, "createdAt", h.created_at, true, 64),
                   read_amount(v, "gdAmountWei", h.gd_wei), read_amount(v, "principalUsd", h.principal_micro_usd),
                   read_amount(v, "bonusUsd", h.bonus_micro_usd)});
  if (!e.empty()) return Parsed<HistoryEntry>::fail(e);
  return Parsed<HistoryEntry>::good(std::move(h));
}

}  // namespace

Parsed<HistoryPage> parse_history_page(const json& body) {
  HistoryPage page;
  std::string error;
  const json* items = items_of(body, error);
  if (!items) return Parsed<HistoryPage>::fail(error);
  for (const json& v : *items) {
    auto h = parse_history_entry(v);
    if (!h.ok()) return Parsed<HistoryPage>::fail(h.error);
    page.items.push_back(std::move(*h.value));
  }
  const std::optional<uint64_t> total = body.contains("total") ? whole_number(body.at("total")) : std::nullopt;
  if (!total) return Parsed<HistoryPage>::fail("total must be a whole number");
  page.total = *total;
  return Parsed<HistoryPage>::good(std::move(page));
}

Parsed<std::vector<ApiKeyMeta>> parse_api_keys(const json& body) {
  std::vector<ApiKeyMeta> keys;
  std::string error;
  const json* items = items_of(body, error);
  if (!items) return Parsed<std::vector<ApiKeyMeta>>::fail(error);
  for (const json& v : *items) {
    auto k = parse_key_meta(v);
    if (!k.ok()) return Parsed<std::vector<ApiKeyMeta>>::fail(k.error);
    keys.push_back(*k.value);
  }
  return Parsed<std::vector<ApiKeyMeta>>::good(std::move(keys));
}

Parsed<NonceAnswer> parse_nonce(const json& body) {
  NonceAnswer n;
  if (auto e = need_object(body, "nonce answer"); !e.empty()) return Parsed<NonceAnswer>::fail(e);
  const std::string e = first_error({read_string(body, "message", n.message, true, 2000),
                                     read_string(body, "nonce", n.nonce, true, 128)});
  if (!e.empty()) return Parsed<NonceAnswer>::fail(e);
  return Parsed<NonceAnswer>::good(n);
}

Parsed<CreatedKey> parse_created_key(const json& body) {
  CreatedKey c;
  if (auto e = need_object(body, "created key"); !e.empty()) return Parsed<CreatedKey>::fail(e);
  if (auto e = read_string(body, "token", c.token, true, 128); !e.empty()) return Parsed<CreatedKey>::fail(e);
  if (c.token.rfind("gd_live_", 0) != 0) return Parsed<CreatedKey>::fail("token is not a gd_live_ key");
  if (!body.contains("apiKey")) return Parsed<CreatedKey>::fail("apiKey is missing");
  auto meta = parse_key_meta(body.at("apiKey"));
  if (!meta.ok()) return Parsed<CreatedKey>::fail(meta.error);
  c.meta = *meta.value;
  if (body.contains("readSession")) {
    auto session = parse_read_session(body);
    if (!session.ok()) return Parsed<CreatedKey>::fail(session.error);
    c.read_session = std::move(*session.value);
  }
  return Parsed<CreatedKey>::good(std::move(c));
}

Parsed<std::string> parse_read_session(const json& body) {
  if (auto e = need_object(body, "session answer"); !e.empty()) return Parsed<std::string>::fail(e);
  if (!body.contains("readSession")) return Parsed<std::string>::fail("readSession is missing");
  const json& session = body.at("readSession");
  if (auto e = need_object(session, "readSession"); !e.empty()) return Parsed<std::string>::fail(e);
  std::string token;
  if (auto e = read_string(session, "token", token, true, 128); !e.empty()) return Parsed<std::string>::fail(e);
  if (token.rfind("gd_read_", 0) != 0) return Parsed<std::string>::fail("readSession.token is not a gd_read_ token");
  return Parsed<std::string>::good(std::move(token));
}

std::string backend_error_text(const json& body) {
  if (!body.is_object() || !body.contains("error")) return {};
  const json& e = body.at("error");
  std::string text = e.is_string() ? e.get<std::string>() : e.dump(-1, ' ', true, json::error_handler_t::replace);
  if (text.size() > 200) {
    // Cut at a code point boundary: a split UTF-8 sequence makes the notice (and with it
    // state_json and the effects' JSON) throw in dump() (found by fuzz_backend_wire).
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "…";
  }
  return text;
}

}  // namespace acw
