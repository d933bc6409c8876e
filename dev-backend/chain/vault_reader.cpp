#include "chain/vault_reader.h"

#include "chain/vault_abi.h"
#include "crypto/keccak.h"
#include "util/log.h"

namespace acw::backend {

VaultReader::VaultReader(JsonRpc& rpc, std::string vault, std::optional<VaultParams> fallback,
                         int64_t cache_ms, Clock clock)
    : rpc_(rpc),
      vault_(std::move(vault)),
      fallback_(fallback),
      cache_ms_(cache_ms),
      clock_(std::move(clock)) {}

acw::Parsed<VaultParams> VaultReader::fetch() {
  using P = acw::Parsed<VaultParams>;
  VaultParams params;
  const std::pair<const char*, acw::uint128*> calls[] = {
      {kPriceSignature, &params.price_micro_usd_per_g},
      {kMinFirstDepositSignature, &params.min_first_deposit_micro_usd},
      {kMinStreamSignature, &params.min_stream_micro_usd_per_month},
  };
  for (const auto& [signature, out] : calls) {
    const acw::json call = {{"to", vault_}, {"data", function_selector(signature)}};
    auto result = rpc_.call("eth_call", acw::json::array({call, "latest"}));
    if (!result.ok()) return P::fail(result.error);
    auto word = acw::parse_uint256_word(*result.value);
    if (!word.ok()) return P::fail(std::string(signature) + ": " + word.error);
    *out = *word.value;
  }
  return P::good(params);
}

std::optional<VaultReading> VaultReader::read(std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now = clock_();
  if (last_good_ && now - last_good_at_ms_ < cache_ms_) return VaultReading{*last_good_, "chain"};
  auto fresh = fetch();
  if (fresh.ok()) {
    last_good_ = *fresh.value;
    last_good_at_ms_ = now;
    return VaultReading{*last_good_, "chain"};
  }
  log_warn("vault parameters: " + fresh.error);
  if (last_good_) return VaultReading{*last_good_, "stale"};
  if (fallback_) return VaultReading{*fallback_, "deployment"};
  if (error != nullptr) *error = fresh.error;
  return std::nullopt;
}

}  // namespace acw::backend
