// Strict reading of the command line, deployment.json, query strings and bodies.
#include <doctest/doctest.h>

#include "deployment.h"
#include "options.h"
#include "server/http_util.h"
#include "server/router.h"
#include "test_support.h"
#include "util/time.h"

using namespace acw::backend;

TEST_CASE("command line: defaults, both flag forms, range checks") {
  auto defaults = parse_options({});
  REQUIRE(defaults.ok());
  CHECK(defaults.value->port == 8787);
  CHECK(defaults.value->host == "127.0.0.1");
  CHECK(defaults.value->deposit_bonus_bps == 1000);
  CHECK(defaults.value->stream_bonus_bps == 2000);
  CHECK(defaults.value->scan_interval_ms == 1000);

  auto o = parse_options({"--port", "9000", "--host=0.0.0.0", "--db", "x.sqlite", "--deployment",
                          "d.json", "--deposit-bonus-bps", "0", "--stream-bonus-bps=10000",
                          "--scan-interval-ms", "0", "--siwe-origin", "http://localhost:5173,https://a.example",
                          "--siwe-origin", "https://b.example"});
  REQUIRE(o.ok());
  CHECK(o.value->port == 9000);
  CHECK(o.value->host == "0.0.0.0");
  CHECK(o.value->db_path == "x.sqlite");
  CHECK(o.value->deployment_path == "d.json");
  CHECK(o.value->deposit_bonus_bps == 0);
  CHECK(o.value->stream_bonus_bps == 10000);
  CHECK(o.value->scan_interval_ms == 0);
  REQUIRE(o.value->siwe_origins.size() == 3);
  CHECK(o.value->siwe_origins[0].domain == "localhost:5173");
  CHECK(o.value->siwe_origins[2].uri == "https://b.example");
  CHECK(defaults.value->siwe_origins.empty());  // main.cpp then uses default_siwe_origins()
  CHECK(parse_options({"--help"}).value->help);

  CHECK_FALSE(parse_options({"--port"}).ok());
  CHECK_FALSE(parse_options({"--port", "65536"}).ok());
  CHECK_FALSE(parse_options({"--port", "-1"}).ok());
  CHECK_FALSE(parse_options({"--port", "80a"}).ok());
  CHECK_FALSE(parse_options({"--deposit-bonus-bps", "10001"}).ok());
  CHECK_FALSE(parse_options({"--scan-interval-ms", "50"}).ok());
  CHECK_FALSE(parse_options({"--siwe-origin", "localhost"}).ok());
  CHECK_FALSE(parse_options({"--db", ""}).ok());
  CHECK_FALSE(parse_options({"--bogus", "1"}).ok());
  CHECK_FALSE(parse_options({"--port", "99999999999999999999999"}).ok());
}

TEST_CASE("deployment.json") {
  const acw::json good = {{"chainId", 31337},
                          {"rpcUrl", "http://127.0.0.1:8545"},
                          {"host", "0x0000000000000000000000000000000000000001"},
                          {"cfa", "0x0000000000000000000000000000000000000002"},
                          {"forwarder", "0x0000000000000000000000000000000000000003"},
                          {"token", "0x00000000000000000000000000000000000000A4"},
                          {"vault", test::kVault},
                          {"deployBlock", 7},
                          {"priceMicroUsdPerG", "10000"},
                          {"minFirstDepositMicroUsd", "1000000"},
                          {"minStreamMicroUsdPerMonth", "1000000"},
                          {"accounts", acw::json::array({"0x1"})}};
  auto d = parse_deployment(good);
  REQUIRE(d.ok());
  CHECK(d.value->chain_id == 31337);
  CHECK(d.value->token == "0x00000000000000000000000000000000000000a4");
  CHECK(d.value->deploy_block == 7);
  REQUIRE(d.value->params);
  CHECK(d.value->params->price_micro_usd_per_g == 10000);

  auto without = [&](const char* key) {
    acw::json j = good;
    j.erase(key);
    return parse_deployment(j);
  };
  CHECK_FALSE(without("vault").ok());
  CHECK_FALSE(without("token").ok());
  CHECK_FALSE(without("rpcUrl").ok());
  CHECK_FALSE(without("chainId").ok());
  CHECK(without("host").ok());
  CHECK(without("deployBlock").ok());
  CHECK_FALSE(without("priceMicroUsdPerG").value->params);

  auto with = [&](const char* key, acw::json value) {
    acw::json j = good;
    j[key] = std::move(value);
    return parse_deployment(j);
  };
  CHECK(with("chainId", "0x7a69").value->chain_id == 31337);
  CHECK(with("deployBlock", "0x10").value->deploy_block == 16);
  CHECK_FALSE(with("vault", "0x123").ok());
  CHECK_FALSE(with("rpcUrl", "ws://x").ok());
  CHECK_FALSE(with("deployBlock", -1).ok());
  CHECK_FALSE(with("chainId", 0).ok());
  CHECK_FALSE(parse_deployment(acw::json::array()).ok());
  CHECK_FALSE(load_deployment("no/such/deployment.json").ok());
}

TEST_CASE("query strings: unknown, repeated and out-of-range parameters are errors") {
  httplib::Request req;
  req.params = {{"limit", "5"}, {"offset", "0"}, {"source", "deposit"}, {"from", "2024-01-01"}};
  QueryReader ok(req, {"limit", "offset", "source", "from", "to"});
  CHECK(ok.integer("limit", 20, 1, 100) == std::optional<int64_t>(5));
  CHECK(ok.integer("offset", 0, 0, 10) == std::optional<int64_t>(0));
  CHECK(ok.one_of("source", {"deposit", "streamCron"}) == std::optional<std::string>("deposit"));
  CHECK(ok.time_ms("from").has_value());
  CHECK_FALSE(ok.time_ms("to").has_value());
  CHECK(ok.integer("missing", 20, 1, 100) == std::optional<int64_t>(20));
  CHECK(ok.ok());

  httplib::Request bad;
  bad.params = {{"limit", "0"}, {"offset", "-1"}, {"source", "x"}, {"from", "yesterday"},
                {"extra", "1"}, {"to", "2024-01-01"}, {"to", "2024-01-02"}};
  QueryReader reader(bad, {"limit", "offset", "source", "from", "to"});
  reader.integer("limit", 20, 1, 100);
  reader.integer("offset", 0, 0, 10);
  reader.one_of("source", {"deposit"});
  reader.time_ms("from");
  reader.time_ms("to");
  CHECK_FALSE(reader.ok());
  for (const char* field : {"limit", "offset", "source", "from", "extra", "to"}) {
    CHECK_MESSAGE(reader.errors().contains(field), field);
  }

  httplib::Request amount;
  amount.params = {{"gdAmountWei", "1" + std::string(39, '0')}};
  QueryReader too_big(amount, {"gdAmountWei"});
  CHECK_FALSE(too_big.decimal("gdAmountWei", true));
  CHECK_FALSE(too_big.ok());
  httplib::Request none;
  QueryReader missing(none, {"gdAmountWei"});
  CHECK_FALSE(missing.decimal("gdAmountWei", true));
  CHECK(missing.errors().contains("gdAmountWei"));
}

TEST_CASE("bodies: wrong types and formats are field errors") {
  const acw::json good_body = {{"account", "0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266"},
                   {"txHash", "0x" + std::string(64, 'A')},
                   {"signature", "0x" + std::string(130, '1')},
                   {"nonce", "abcdef0123456789"},
                   {"chainId", "0x7a69"},
                   {"costUsd", "123"},
                   {"model", "gpt-4o"}};
  BodyReader good(good_body);
  CHECK(good.address("account") == std::optional<std::string>(test::kAnvilAddress0));
  CHECK(good.tx_hash("txHash") == std::optional<std::string>("0x" + std::string(64, 'a')));
  CHECK(good.signature("signature").has_value());
  CHECK(good.nonce("nonce").has_value());
  CHECK(good.chain_id("chainId") == std::optional<uint64_t>(31337));
  CHECK(good.decimal("costUsd") == std::optional<acw::uint128>(123));
  CHECK(good.text("model", 200) == std::optional<std::string>("gpt-4o"));
  good.reject_unknown({"account", "txHash", "signature", "nonce", "chainId", "costUsd", "model"});
  CHECK(good.ok());

  const acw::json bad_body = {{"account", 5},
                  {"txHash", "0x12"},
                  {"signature", "0x12"},
                  {"nonce", "short"},
                  {"chainId", true},
                  {"costUsd", 12},
                  {"model", "line\nbreak"},
                  {"surprise", 1}};
  BodyReader bad(bad_body);
  bad.address("account");
  bad.tx_hash("txHash");
  bad.signature("signature");
  bad.nonce("nonce");
  bad.chain_id("chainId");
  bad.decimal("costUsd");
  bad.text("model", 200);
  bad.text("requestId", 200);
  bad.reject_unknown({"account", "txHash", "signature", "nonce", "chainId", "costUsd", "model"});
  for (const char* field : {"account", "txHash", "signature", "nonce", "chainId", "costUsd", "model",
                            "requestId", "surprise"}) {
    CHECK_MESSAGE(bad.errors().contains(field), field);
  }
  const acw::json negative_body = {{"costUsd", "-1"}, {"model", std::string(201, 'x')}};
  BodyReader negative(negative_body);
  negative.decimal("costUsd");
  negative.text("model", 200);
  CHECK(negative.errors().size() == 2);
}

TEST_CASE("request bodies: missing, invalid, non-object, oversized") {
  httplib::Response res;
  httplib::Request req;
  CHECK_FALSE(read_json_object(req, res));
  CHECK(res.status == 400);
  req.body = "{not json";
  CHECK_FALSE(read_json_object(req, res));
  CHECK(res.status == 400);
  req.body = "[1,2]";
  CHECK_FALSE(read_json_object(req, res));
  CHECK(res.status == 400);
  req.body = "\"\xff\"";  // invalid UTF-8
  CHECK_FALSE(read_json_object(req, res));
  CHECK(res.status == 400);
  req.body = "{\"a\":\"" + std::string(kMaxBodyBytes, 'x') + "\"}";
  CHECK_FALSE(read_json_object(req, res));
  CHECK(res.status == 413);
  req.body = "{\"a\":1}";
  CHECK(read_json_object(req, res));
}

TEST_CASE("path splitting for the router") {
  CHECK(split_path("/") == std::vector<std::string>{""});
  CHECK(split_path("/health") == std::vector<std::string>{"health"});
  CHECK(split_path("/v1/accounts/0xabc/profile") ==
        std::vector<std::string>{"v1", "accounts", "0xabc", "profile"});
  CHECK(split_path("/a//b/") == std::vector<std::string>{"a", "", "b", ""});
}

TEST_CASE("request bodies: nesting deeper than 64 levels is refused while parsing") {
  auto nested = [](int depth) {
    return "{\"a\":" + std::string(static_cast<size_t>(depth - 1), '[') + "1" +
           std::string(static_cast<size_t>(depth - 1), ']') + "}";
  };
  httplib::Response res;
  httplib::Request req;
  req.body = nested(64);
  CHECK(read_json_object(req, res));
  req.body = nested(65);
  CHECK_FALSE(read_json_object(req, res));
  CHECK(res.status == 400);
  // 5,000 levels in 10 KB: the body that overflowed the stack in recursive copies.
  req.body = nested(5000);
  CHECK_FALSE(read_json_object(req, res));
  CHECK(res.status == 400);
  CHECK_FALSE(acw::parse_json(std::string(100000, '[') + std::string(100000, ']')).ok());
  CHECK(acw::parse_json("[[[[1]]]]", 100, 4).ok());
  CHECK_FALSE(acw::parse_json("[[[[[1]]]]]", 100, 4).ok());
}
