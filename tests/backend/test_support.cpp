#include "test_support.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include "chain/stream_abi.h"
#include "chain/vault_abi.h"
#include "crypto/keccak.h"
#include "crypto/personal_sign.h"
#include "util/hex.h"

namespace acw::backend::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "acw-backend-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  path_ = made != nullptr ? made : pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string personal_sign(const std::string& message, const std::string& private_key_hex) {
  static secp256k1_context* const ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  const Bytes key = *from_hex(private_key_hex);
  const Bytes hash = personal_message_hash(message);
  secp256k1_ecdsa_recoverable_signature sig;
  if (!secp256k1_ecdsa_sign_recoverable(ctx, &sig, hash.data(), key.data(), nullptr, nullptr)) {
    return {};
  }
  Bytes out(65);
  int recid = 0;
  secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, out.data(), &recid, &sig);
  out[64] = static_cast<uint8_t>(27 + recid);
  return to_hex_prefixed(out);
}

ScannerConfig scanner_config(int64_t stream_cron_seconds, uint32_t stream_bonus_bps,
                             uint64_t max_blocks_per_query) {
  ScannerConfig c;
  c.contracts = StreamContracts{kVault, kToken, kCfa};
  c.deploy_block = 0;
  c.deposit_bonus_bps = 1000;
  c.stream_bonus_bps = stream_bonus_bps;
  c.stream_cron_seconds = stream_cron_seconds;
  c.max_blocks_per_query = max_blocks_per_query;
  return c;
}

std::string tx_hash(int n) { return "0x" + keccak256_hex("tx" + std::to_string(n)); }

acw::json deposited_log(const std::string& vault, const std::string& tx, int log_index,
                        int64_t block, const std::string& account, const std::string& payer,
                        acw::uint128 amount_wei, acw::uint128 price) {
  return {{"address", vault},
          {"topics",
           {deposited_topic(), "0x" + acw::abi_word_address(account),
            "0x" + acw::abi_word_address(payer)}},
          {"data", "0x" + acw::abi_word_uint(amount_wei) + acw::abi_word_uint(price)},
          {"blockNumber", acw::to_hex_quantity(static_cast<acw::uint128>(block))},
          {"transactionHash", tx},
          {"transactionIndex", "0x0"},
          {"blockHash", "0x" + keccak256_hex("block" + std::to_string(block))},
          {"logIndex", acw::to_hex_quantity(static_cast<acw::uint128>(log_index))},
          {"removed", false}};
}

acw::json receipt(const std::string& tx, int status, const std::vector<acw::json>& logs) {
  acw::json r = {{"transactionHash", tx},
                 {"status", status == 1 ? "0x1" : "0x0"},
                 {"blockNumber", logs.empty() ? acw::json("0x1") : logs.at(0).at("blockNumber")}};
  r["logs"] = acw::json::array();
  for (const auto& log : logs) r["logs"].push_back(log);
  return r;
}

acw::json stream_updated_log(const std::string& vault, const std::string& tx, int log_index,
                             int64_t block, const std::string& account, const std::string& sender,
                             acw::uint128 rate, acw::uint128 price) {
  acw::json log = deposited_log(vault, tx, log_index, block, account, sender, rate, price);
  log["topics"][0] = stream_updated_topic();
  return log;
}

acw::json liquidated_log(const std::string& token, const std::string& tx, int log_index,
                         int64_t block, const std::string& agreement_class,
                         const std::string& liquidator, const std::string& sender,
                         const std::string& receiver, const std::string& agreement_id) {
  const std::string id = agreement_id.empty() ? cfa_flow_id(sender, receiver) : agreement_id;
  // data: id, rewardAmountReceiver, rewardAmount, targetAccountBalanceDelta, liquidationTypeData
  const std::string data = "0x" + id.substr(2) + acw::abi_word_address(liquidator) +
                           acw::abi_word_uint(1000) + std::string(64, 'f') +
                           acw::abi_word_uint(160) + acw::abi_word_uint(64) +
                           acw::abi_word_uint(1) + acw::abi_word_uint(0);
  acw::json log = deposited_log(token, tx, log_index, block, liquidator, sender, 0, 0);
  log["topics"] = {agreement_liquidated_v2_topic(), "0x" + acw::abi_word_address(agreement_class),
                   "0x" + acw::abi_word_address(liquidator), "0x" + acw::abi_word_address(sender)};
  log["data"] = data;
  return log;
}

void ChainState::mine(uint64_t block, int64_t time) {
  std::lock_guard<std::mutex> lock(mutex);
  head = block;
  block_times[block] = time;
}

int64_t ChainState::time_of(uint64_t block) {
  auto it = block_times.find(block);
  return it != block_times.end() ? it->second : base_time + static_cast<int64_t>(block);
}

void ChainState::set_vault_params(acw::uint128 price, acw::uint128 min_first,
                                  acw::uint128 min_stream) {
  std::lock_guard<std::mutex> lock(mutex);
  call_results[function_selector(kPriceSignature)] = "0x" + acw::abi_word_uint(price);
  call_results[function_selector(kMinFirstDepositSignature)] = "0x" + acw::abi_word_uint(min_first);
  call_results[function_selector(kMinStreamSignature)] = "0x" + acw::abi_word_uint(min_stream);
}

void ChainState::add_receipt(const acw::json& r) {
  std::lock_guard<std::mutex> lock(mutex);
  receipts[r.at("transactionHash").get<std::string>()] = r;
  if (r.at("status") == "0x1") {
    for (const auto& log : r.at("logs")) logs.push_back(log);
  }
}

acw::Parsed<acw::json> ChainState::answer(const std::string& method, const acw::json& params) {
  using P = acw::Parsed<acw::json>;
  std::lock_guard<std::mutex> lock(mutex);
  ++calls;
  if (down) return P::fail("chain node unreachable (" + method + ")");
  if (method == "eth_blockNumber") return P::good(acw::to_hex_quantity(head));
  if (method == "eth_getBlockByNumber") {
    const std::string tag = params.at(0).get<std::string>();
    const uint64_t number =
        tag == "latest" ? head : static_cast<uint64_t>(*acw::parse_hex_quantity(tag));
    if (number > head) return P::good(acw::json(nullptr));
    return P::good(acw::json{{"number", acw::to_hex_quantity(number)},
                             {"timestamp", acw::to_hex_quantity(time_of(number))},
                             {"hash", "0x" + keccak256_hex("block" + std::to_string(number))}});
  }
  if (method == "eth_getTransactionReceipt") {
    auto it = receipts.find(params.at(0).get<std::string>());
    return P::good(it == receipts.end() ? acw::json(nullptr) : it->second);
  }
  if (method == "eth_call") {
    auto it = call_results.find(params.at(0).at("data").get<std::string>());
    if (it == call_results.end()) return P::fail("chain node error: execution reverted");
    return P::good(it->second);
  }
  if (method == "eth_getLogs") {
    const acw::json& filter = params.at(0);
    const uint64_t from = static_cast<uint64_t>(
        *acw::parse_hex_quantity(filter.at("fromBlock").get<std::string>()));
    const uint64_t to = static_cast<uint64_t>(
        *acw::parse_hex_quantity(filter.at("toBlock").get<std::string>()));
    acw::json out = acw::json::array();
    for (const auto& log : logs) {
      const auto block = *acw::parse_hex_quantity(log.at("blockNumber").get<std::string>());
      if (block < from || block > to) continue;
      // address: one or a list; topics[0]: one or a list (OR), as real nodes take them.
      auto matches = [](const acw::json& want, const acw::json& have) {
        if (!want.is_array()) return want == have;
        return std::find(want.begin(), want.end(), have) != want.end();
      };
      if (filter.contains("address") && !matches(filter.at("address"), log.at("address"))) {
        continue;
      }
      if (filter.contains("topics") &&
          !matches(filter.at("topics").at(0), log.at("topics").at(0))) {
        continue;
      }
      out.push_back(log);
    }
    return P::good(out);
  }
  return P::fail("chain node error: method not found");
}

}  // namespace acw::backend::test
