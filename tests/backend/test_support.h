// Helpers for the backend tests: temporary folders, a test signer, Deposited logs, and an
// in-memory JSON-RPC answering like a node.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "chain/rpc_client.h"
#include "chain/scanner.h"
#include "core/money.h"
#include "core/wire.h"

namespace acw::backend::test {

inline constexpr const char* kVault = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
inline constexpr const char* kOtherContract = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
inline constexpr const char* kToken = "0x00000000000000000000000000000000000000a4";
inline constexpr const char* kCfa = "0x00000000000000000000000000000000000000cf";
// anvil's first dev account and its well-known private key
inline constexpr const char* kAnvilKey0 =
    "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
inline constexpr const char* kAnvilAddress0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
inline constexpr const char* kAnvilKey1 =
    "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
inline constexpr const char* kAnvilAddress1 = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

// A fresh folder under the system temp dir, removed with its files on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// personal_sign of `message` with a hex private key: "0x" + r || s || v (v = 27/28).
std::string personal_sign(const std::string& message, const std::string& private_key_hex);

std::string tx_hash(int n);  // a distinct 32-byte hash per n

// The scanner of kVault / kToken / kCfa from block 0; cron off unless given.
ScannerConfig scanner_config(int64_t stream_cron_seconds = 0, uint32_t stream_bonus_bps = 2000,
                             uint64_t max_blocks_per_query = 2000);
acw::json deposited_log(const std::string& vault, const std::string& tx, int log_index,
                        int64_t block, const std::string& account, const std::string& payer,
                        acw::uint128 amount_wei, acw::uint128 price);
acw::json receipt(const std::string& tx, int status, const std::vector<acw::json>& logs);
// The vault's StreamUpdated(account, sender, int96 rate, uint256 price).
acw::json stream_updated_log(const std::string& vault, const std::string& tx, int log_index,
                             int64_t block, const std::string& account, const std::string& sender,
                             acw::uint128 rate, acw::uint128 price);
// The token's AgreementLiquidatedV2 of the flow sender -> receiver (id = the CFA's flow id
// unless `agreement_id` is given).
acw::json liquidated_log(const std::string& token, const std::string& tx, int log_index,
                         int64_t block, const std::string& agreement_class,
                         const std::string& liquidator, const std::string& sender,
                         const std::string& receiver, const std::string& agreement_id = "");

// A node's answers, held in memory; shared by FakeRpc and FakeRpcServer.
struct ChainState {
  std::mutex mutex;
  uint64_t head = 0;
  // Block timestamps: set ones, else base_time + number.
  std::map<uint64_t, int64_t> block_times;
  int64_t base_time = 1'700'000'000;
  std::map<std::string, acw::json> receipts;  // tx hash -> receipt
  std::vector<acw::json> logs;                // every log, for eth_getLogs
  std::map<std::string, acw::json> call_results;  // selector -> eth_call result
  bool down = false;                          // every call fails
  int calls = 0;

  acw::Parsed<acw::json> answer(const std::string& method, const acw::json& params);
  void set_vault_params(acw::uint128 price, acw::uint128 min_first, acw::uint128 min_stream);
  void add_receipt(const acw::json& receipt_json);  // its logs go to `logs` too
  void mine(uint64_t block, int64_t time);  // head = block, with that timestamp
  int64_t time_of(uint64_t block);          // the caller holds `mutex`
};

class FakeRpc final : public JsonRpc {
 public:
  explicit FakeRpc(ChainState& chain) : chain_(chain) {}
  acw::Parsed<acw::json> call(const std::string& method, const acw::json& params) override {
    return chain_.answer(method, params);
  }

 private:
  ChainState& chain_;
};

}  // namespace acw::backend::test
