// POST /v1/celo/events/record {txHash}: fetch the receipt, verify the vault's Deposited
// events, credit each exactly once.
//   200 {status:"credited", txHash, account, events:[entry…], newlyCredited, profile}
//       (a repeat answers 200 with the same entries and newlyCredited 0)
//   202 {status:"pending", txHash}   the node knows no receipt yet: ask again later
//   422 {error, status:"reverted"}   the transaction reverted (status 0)
//   422 {error, status:"no_deposit"} no Deposited event of the vault in the transaction
//   502 {error}                       the chain node is unreachable or answered nonsense
#include "crediting.h"
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

  const std::string& vault = app.config.deployment.vault;
  ExtractedDeposits extracted =
      extract_deposits(r.contains("logs") ? r.at("logs") : acw::json(), vault);
  for (const std::string& error : extracted.errors) log_error("record " + *tx_hash + ": " + error);
  // Logs of other transactions in a receipt would be a node bug; never credit them here.
  std::vector<Deposit> deposits;
  for (Deposit& d : extracted.deposits) {
    if (d.tx_hash == *tx_hash) deposits.push_back(std::move(d));
  }
  if (deposits.empty()) {
    const std::string why = extracted.errors.empty()
                                ? "no Deposited event of the vault in this transaction"
                                : "the vault's Deposited event does not decode: " +
                                      extracted.errors.front();
    return send_unprocessable(res, "no_deposit", *tx_hash, why);
  }

  CreditResult credited =
      credit_deposits(app.store, deposits, app.config.deposit_bonus_bps, app.clock());
  if (credited.store_failed) return send_error(res, 500, "could not store the credit");
  if (credited.credits.empty()) {
    return send_unprocessable(res, "no_deposit", *tx_hash, credited.errors.front());
  }
  acw::json events = acw::json::array();
  int64_t newly = 0;
  for (const InsertedCredit& c : credited.credits) {
    events.push_back(credit_json(c.entry));
    newly += c.inserted ? 1 : 0;
  }
  const std::string account = credited.credits.front().entry.account;
  auto totals = app.store.totals(account);
  if (!totals) return send_error(res, 500, "could not read the account");
  send_json(res, 200,
            {{"status", "credited"},
             {"txHash", *tx_hash},
             {"account", account},
             {"events", std::move(events)},
             {"newlyCredited", newly},
             {"profile", profile_json(account, *totals)}});
}

}  // namespace

void add_event_routes(Router& router, App& app) {
  router.add("POST", "/v1/celo/events/record",
             [&app](auto& req, auto& res, auto&) { record(app, req, res); });
}

}  // namespace acw::backend
