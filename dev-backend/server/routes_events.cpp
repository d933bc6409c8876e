// POST /v1/celo/events/record {txHash}: fetch the receipt, verify the vault's Deposited
// events, credit each exactly once; a stream transaction (createFlow / updateFlow /
// deleteFlow / a liquidation) has the vault's StreamUpdated events, which the scanner applies
// in chain order (synced through the receipt's block here).
//   200 {status:"credited", txHash, account, events:[entry…], streamEvents:[event…],
//        newlyCredited, profile}
//       (a repeat answers 200 with the same entries and newlyCredited 0)
//   202 {status:"pending", txHash}   the node knows no receipt yet: ask again later
//   202 {status:"pending", txHash, confirmations, requiredConfirmations}
//                                     its block is not --confirmations deep yet (a receipt
//                                     that a reorg drops before that is never credited)
//   422 {error, status:"reverted"}   the transaction reverted (status 0)
//   422 {error, status:"no_deposit"} no Deposited or StreamUpdated event of the vault in it
//   502 {error}                       the chain node is unreachable or answered nonsense
#include <algorithm>

#include "crediting.h"
#include "streaming.h"
#include "server/http_util.h"
#include "server/routes.h"
#include "server/views.h"
#include "util/log.h"

namespace acw::backend {
namespace {

void send_unprocessable(httplib::Response& res, const std::string& status,
                        const std::string& tx_hash, const std::string& message) {
  send_json(res, 422, {{"error", message}, {"status", status}, {"txHash", tx_hash}});
}

void record(App& app, const httplib::Request& req, httplib::Response& res) {
  // No query check on POST routes: httplib files form-encoded bodies under params too.
  auto body = read_json_object(req, res);
  if (!body) return;
  BodyReader fields(*body);
  auto tx_hash = fields.tx_hash("txHash");
  fields.reject_unknown({"txHash"});
  if (!fields.ok()) return send_field_errors(res, fields.errors());

  auto receipt = app.rpc.call("eth_getTransactionReceipt", acw::json::array({*tx_hash}));
  if (!receipt.ok()) return send_error(res, 502, receipt.error);
  if (receipt.value->is_null()) {
    return send_json(res, 202, {{"status", "pending"}, {"txHash", *tx_hash}});
  }
  const acw::json& r = *receipt.value;
  if (!r.is_object() || !r.contains("status") || !r.at("status").is_string()) {
    return send_error(res, 502, "the chain node answered a malformed receipt");
  }
  if (r.contains("transactionHash")) {
    auto echoed = acw::parse_tx_hash(r.at("transactionHash"));
    if (!echoed.ok() || *echoed.value != *tx_hash) {
      return send_error(res, 502, "the chain node answered the receipt of another transaction");
    }
  }
  const auto status = acw::parse_hex_quantity(r.at("status").get_ref<const std::string&>());
  if (!status || *status > 1) return send_error(res, 502, "the receipt has a malformed status");
  if (*status == 0) {
    return send_unprocessable(res, "reverted", *tx_hash, "the transaction reverted");
  }
  if (app.config.confirmations > 1) {
    const auto block = r.contains("blockNumber") && r.at("blockNumber").is_string()
                           ? acw::parse_hex_quantity(r.at("blockNumber").get_ref<const std::string&>())
                           : std::nullopt;
    if (!block) return send_error(res, 502, "the receipt has no block number");
    auto head = fetch_block(app.rpc, "latest");
    if (!head.ok()) return send_error(res, 502, head.error);
    const uint64_t at = static_cast<uint64_t>(*block);
    const uint64_t depth = head.value->number >= at ? head.value->number - at + 1 : 0;
    if (depth < app.config.confirmations) {
      return send_json(res, 202, {{"status", "pending"},
                                  {"txHash", *tx_hash},
                                  {"confirmations", depth},
                                  {"requiredConfirmations", app.config.confirmations}});
    }
  }

  const acw::json logs = r.contains("logs") ? r.at("logs") : acw::json();
  ExtractedDeposits extracted = extract_deposits(logs, app.config.deployment.vault);
  ExtractedStreamLogs streams = extract_stream_logs(logs, app.scanner.config().contracts);
  for (const std::string& error : extracted.errors) log_error("record " + *tx_hash + ": " + error);
  for (const std::string& error : streams.errors) log_error("record " + *tx_hash + ": " + error);
  // Logs of other transactions in a receipt would be a node bug; never credit them here.
  std::vector<Deposit> deposits;
  for (Deposit& d : extracted.deposits) {
    if (d.tx_hash == *tx_hash) deposits.push_back(std::move(d));
  }
  uint64_t stream_block = 0;
  size_t stream_logs = 0;
  for (const StreamLog& s : streams.streams) {
    if (s.at.tx_hash != *tx_hash) continue;
    ++stream_logs;
    stream_block = std::max(stream_block, s.at.block_number);
  }
  if (deposits.empty() && stream_logs == 0) {
    std::string why = "no Deposited or StreamUpdated event of the vault in this transaction";
    const auto& errors = !extracted.errors.empty() ? extracted.errors : streams.errors;
    if (!errors.empty()) why = "the vault's event does not decode: " + errors.front();
    return send_unprocessable(res, "no_deposit", *tx_hash, why);
  }

  acw::json events = acw::json::array();
  int64_t newly = 0;
  std::string account;
  if (!deposits.empty()) {
    CreditResult credited =
        credit_deposits(app.store, deposits, app.config.deposit_bonus_bps, app.clock());
    if (credited.store_failed) return send_error(res, 500, "could not store the credit");
    if (credited.credits.empty() && stream_logs == 0) {
      return send_unprocessable(res, "no_deposit", *tx_hash, credited.errors.front());
    }
    for (const InsertedCredit& c : credited.credits) {
      events.push_back(credit_json(c.entry));
      newly += c.inserted ? 1 : 0;
    }
    if (!credited.credits.empty()) account = credited.credits.front().entry.account;
  }

  acw::json stream_events = acw::json::array();
  if (stream_logs > 0) {
    // Stream events change state, so they are applied in chain order, by the scanner: sync
    // it through this block (an earlier event of the same flow may not be applied yet).
    Scanner::Report report = app.scanner.sync();
    if (!report.ok) return send_error(res, 502, "cannot read the chain's logs: " + report.error);
    if (report.head.number < stream_block) {
      return send_json(res, 202, {{"status", "pending"}, {"txHash", *tx_hash}});
    }
    auto applied = app.store.stream_events_of_tx(*tx_hash);
    if (!applied) return send_error(res, 500, "could not read the stream events");
    if (applied->empty()) {
      return send_unprocessable(res, "no_deposit", *tx_hash,
                                "the vault's StreamUpdated events of this transaction are before "
                                "the deployment block");
    }
    for (const StreamEventRecord& e : *applied) {
      stream_events.push_back(stream_event_json(e));
      if (auto credit = app.store.find_credit(e.id)) {
        events.push_back(credit_json(*credit));
        const auto& ids = report.new_stream_credit_ids;
        newly += std::count(ids.begin(), ids.end(), e.id) > 0 ? 1 : 0;
      }
    }
    if (account.empty()) account = applied->front().account;
  }

  auto profile = account_profile(app, account);
  if (!profile) return send_error(res, 500, "could not read the account");
  send_json(res, 200,
            {{"status", "credited"},
             {"txHash", *tx_hash},
             {"account", account},
             {"events", std::move(events)},
             {"streamEvents", std::move(stream_events)},
             {"newlyCredited", newly},
             {"profile", std::move(*profile)}});
}

}  // namespace

void add_event_routes(Router& router, App& app) {
  router.add("POST", "/v1/celo/events/record",
             [&app](auto& req, auto& res, auto&) { record(app, req, res); });
}

}  // namespace acw::backend
