// The History view: pages and filters asked of the backend (never filtered here), an older
// answer dropped, a failed load shown in place with Retry, the state's precedence unchanged.
#include <doctest/doctest.h>

#include "core/backend_wire.h"
#include "core/derive.h"
#include "core/fixture.h"
#include "core/view_model_build.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

const Effect* history_request(const std::vector<Effect>& fx) { return http_to(fx, "/credit-history"); }

// A backend page of `count` deposits from number `first` on, of `total` in all.
std::string page_json(int first, int count, int total) {
  json items = json::array();
  for (int i = first; i < first + count; ++i) {
    items.push_back({{"id", "0xabc:" + std::to_string(i)},
                     {"source", i % 2 ? "streamCron" : "deposit"},
                     {"fundingStatus", "funded"},
                     {"txHash", "0x" + std::string(64, 'a')},
                     {"createdAt", "2026-12-07T10:0" + std::to_string(i % 10) + ":00.000Z"},
                     {"gdAmountWei", "100000000000000000000"},
                     {"principalUsd", "1000000"},
                     {"bonusUsd", i % 2 ? "0" : "100000"},
                     {"totalCreditUsd", "1100000"}});
  }
  return json{{"items", items}, {"total", total}, {"limit", 10}, {"offset", first}}.dump();
}

}  // namespace

TEST_CASE("History asks the backend for the first page, shows it, and keeps the state's precedence") {
  State s = with_backend();
  auto fx = reduce(s, Event::click("nav.history"));
  const Effect* req = history_request(fx);
  REQUIRE(req);
  CHECK(req->text.find("/v1/accounts/" + std::string(kAlice) + "/credit-history?limit=10&offset=0") != std::string::npos);
  CHECK(req->text.find("source=") == std::string::npos);
  CHECK(label_of(s, "history_loading").find("Loading") != std::string::npos);
  CHECK(derive_state_name(s) == StateName::has_credits);

  reduce(s, Event::http_answer(req->id, 200, page_json(0, 10, 23)));
  ViewModel vm = build_view_model(s);
  CHECK(vm.state == StateName::has_credits);
  CHECK(find_item(vm, "history_loading") == nullptr);
  CHECK(find_item(vm, "history.row.0")->label == "2026-12-07 10:00 • One-time purchase");
  CHECK(find_item(vm, "history.row.0.detail")->label == "100 G$ → 110 credits (10 bonus) • Credited");
  CHECK(find_item(vm, "history.row.0.tx")->label == "0xaaaa…aaaa");
  CHECK(find_item(vm, "history.row.0.copy")->label == "Copy");
  CHECK(find_item(vm, "history.row.0.explorer") == nullptr);  // no explorer configured
  CHECK(find_item(vm, "history.row.1.detail")->label == "100 G$ → 100 credits • Credited");
  CHECK(find_item(vm, "history.row.9"));
  CHECK(find_item(vm, "history.row.10") == nullptr);
  CHECK(find_item(vm, "history.period.all")->selected);
  CHECK(find_item(vm, "history_paging")->label == "1–10 of 23");
  CHECK_FALSE(find_item(vm, "history.prev")->enabled);
  CHECK(find_item(vm, "history.next")->enabled);
  CHECK(find_item(vm, "nav.history")->selected);
}

TEST_CASE("paging: next and previous ask for their offsets; the last page ends at the total") {
  State s = with_backend();
  auto fx = reduce(s, Event::click("nav.history"));
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(0, 10, 23)));
  fx = reduce(s, Event::click("history.next"));
  REQUIRE(history_request(fx));
  CHECK(history_request(fx)->text.find("offset=10") != std::string::npos);
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(10, 10, 23)));
  fx = reduce(s, Event::click("history.next"));
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(20, 3, 23)));
  CHECK(label_of(s, "history_paging") == "21–23 of 23");
  CHECK_FALSE(find_item(build_view_model(s), "history.next")->enabled);
  CHECK(history_request(reduce(s, Event::click("history.next"))) == nullptr);  // nothing past the end
  fx = reduce(s, Event::click("history.prev"));
  CHECK(history_request(fx)->text.find("offset=10") != std::string::npos);
}

TEST_CASE("filters are query parameters, start at the first page, and an older answer is dropped") {
  State s = with_backend();
  auto fx = reduce(s, Event::click("nav.history"));
  const int first = history_request(fx)->id;
  fx = reduce(s, Event::click("history.kind.stream"));
  const Effect* stream = history_request(fx);
  REQUIRE(stream);
  CHECK(stream->text.find("&source=stream") != std::string::npos);
  fx = reduce(s, Event::click("history.status.pending"));
  const Effect* pending = history_request(fx);
  CHECK(pending->text.find("&source=stream&fundingStatus=pending") != std::string::npos);
  CHECK(pending->text.find("offset=0") != std::string::npos);
  // The first (unfiltered) answer arrives last: it is not shown as the filtered page.
  reduce(s, Event::http_answer(first, 200, page_json(0, 10, 23)));
  CHECK(find_item(build_view_model(s), "history.row.0") == nullptr);
  reduce(s, Event::http_answer(pending->id, 200, page_json(0, 0, 0)));
  CHECK(label_of(s, "history_empty") == "No stream credits with the status \u201cPending\u201d.");
  CHECK(find_item(build_view_model(s), "history.kind.stream")->selected);
  CHECK(find_item(build_view_model(s), "history.status.pending")->selected);
  fx = reduce(s, Event::click("history.kind.once"));
  fx = reduce(s, Event::click("history.status.all"));
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(0, 0, 0)));
  CHECK(label_of(s, "history_empty") == "No one-time purchases yet.");
  fx = reduce(s, Event::click("history.kind.all"));
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(0, 0, 0)));
  CHECK(label_of(s, "history_empty").find("No credits yet") == 0);
}

TEST_CASE("a failed or malformed history load is shown in place with Retry, not as backend_unavailable") {
  State s = with_backend();
  auto fx = reduce(s, Event::click("nav.history"));
  reduce(s, Event::http_answer(history_request(fx)->id, 500, R"({"error":"disk full"})"));
  ViewModel vm = build_view_model(s);
  CHECK(vm.state == StateName::has_credits);
  REQUIRE(find_item(vm, "history_failed"));
  CHECK(find_item(vm, "history_failed")->look == Look::error);
  REQUIRE(find_item(vm, "history.retry"));
  fx = reduce(s, Event::click("history.retry"));
  REQUIRE(history_request(fx));
  reduce(s, Event::http_answer(history_request(fx)->id, 200, R"({"items":[{"id":"x","source":"airdrop"}],"total":1})"));
  vm = build_view_model(s);
  REQUIRE(find_item(vm, "history_failed"));
  CHECK(find_item(vm, "history_failed")->label.find("source") != std::string::npos);
  CHECK(vm.state == StateName::has_credits);
}

TEST_CASE("the totals card is the profile's, over the whole account") {
  State s = with_backend();
  auto fx = reduce(s, Event::click("nav.history"));
  const Effect* profile = http_to(fx, "/profile");
  REQUIRE(profile);
  reduce(s, Event::http_answer(profile->id, 200, json{{"remainingUsd", "4300000"}, {"usedUsd", "700000"},
                                                      {"totalGdDepositedWei", "200000000000000000000"},
                                                      {"totalGDStreamedWei", "50000000000000000000"},
                                                      {"totalPrincipalUsd", "4500000"}, {"totalBonusUsd", "500000"}}
                                                     .dump()));
  CHECK(label_of(s, "totals.g") == "Paid once: 200 G$ • Streamed: 50 G$");
  CHECK(label_of(s, "totals.credits") == "Credits bought: 450 • Bonus: 50");
  CHECK(label_of(s, "totals.balance") == "Used: 70 credits • Remaining: 430 credits");
}

TEST_CASE("history entries are read strictly") {
  CHECK(parse_history_page(json::parse(page_json(0, 2, 2))).ok());
  auto entry = [](const char* key, json value) {
    json page = json::parse(page_json(0, 1, 1));
    page["items"][0][key] = std::move(value);
    return parse_history_page(page);
  };
  CHECK_FALSE(entry("gdAmountWei", 1.5).ok());
  CHECK_FALSE(entry("gdAmountWei", "-1").ok());
  CHECK_FALSE(entry("fundingStatus", "maybe").ok());
  CHECK_FALSE(entry("txHash", std::string(67, 'a')).ok());
  CHECK(entry("txHash", nullptr).ok());
  CHECK_FALSE(parse_history_page(json{{"items", json::array()}, {"total", -1}}).ok());
  CHECK_FALSE(parse_history_page(json{{"items", json::array()}}).ok());
}

TEST_CASE("another account: the history goes with the old one; a fixture keeps the history") {
  State s = with_backend();
  auto fx = reduce(s, Event::click("nav.history"));
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(0, 3, 3)));
  auto round = state_from_json(state_to_json(s));
  REQUIRE(round.ok());
  CHECK(round.value->view == View::history);
  CHECK(round.value->history.items.size() == 3);
  CHECK(round.value->history.items[0].bonus_micro_usd == 100000);
  CHECK(round.value->history.loaded);
  reduce(s, Event::accounts_changed(json::array({kBob})));
  CHECK(s.history.items.empty());
  CHECK_FALSE(s.history.loaded);
}

TEST_CASE("the period filter asks for entries from N days before now, and says so when none match") {
  State s = with_backend();
  reduce(s, Event::tick(1'765'101'600'000));  // 2025-12-07T10:00:00Z
  auto fx = reduce(s, Event::click("nav.history"));
  CHECK(history_request(fx)->text.find("from=") == std::string::npos);
  fx = reduce(s, Event::click("history.period.30"));
  REQUIRE(history_request(fx));
  CHECK(history_request(fx)->text.find("offset=0&from=2025-11-07T10:00:00Z") != std::string::npos);
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(0, 0, 0)));
  CHECK(label_of(s, "history_empty") == "No credit entries in the last 30 days.");
  CHECK(find_item(build_view_model(s), "history.period.30")->selected);
  CHECK_FALSE(find_item(build_view_model(s), "history.period.all")->selected);

  fx = reduce(s, Event::click("history.kind.stream"));
  CHECK(history_request(fx)->text.find("&source=stream&from=2025-11-07T10:00:00Z") != std::string::npos);
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(0, 0, 0)));
  CHECK(label_of(s, "history_empty") == "No stream credits in the last 30 days.");
  fx = reduce(s, Event::click("history.status.failed"));
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(0, 0, 0)));
  CHECK(label_of(s, "history_empty") == "No stream credits with the status \u201cFailed\u201d in the last 30 days.");

  fx = reduce(s, Event::click("history.period.7"));
  CHECK(history_request(fx)->text.find("from=2025-11-30T10:00:00Z") != std::string::npos);
  fx = reduce(s, Event::click("history.period.90"));
  CHECK(history_request(fx)->text.find("from=2025-09-08T10:00:00Z") != std::string::npos);
  fx = reduce(s, Event::click("history.period.all"));
  CHECK(history_request(fx)->text.find("from=") == std::string::npos);

  s.config.locale = "es";
  fx = reduce(s, Event::click("history.period.7"));
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(0, 0, 0)));
  CHECK(label_of(s, "history.period.7") == "7 días");
  CHECK(label_of(s, "history_empty") == "No hay créditos de flujo con el estado \u201cFallido\u201d en los últimos 7 días.");
}

TEST_CASE("times are shown in the page's local time, from the start event's offset") {
  State s = with_backend();
  s.utc_offset_min = -300;  // UTC−5
  auto fx = reduce(s, Event::click("nav.history"));
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(0, 1, 1)));
  CHECK(label_of(s, "history.row.0") == "2026-12-07 05:00 • One-time purchase");
  auto start = parse_event(R"({"type":"start","wallet":true,"tzOffsetMin":330})");
  REQUIRE(start.ok());
  CHECK(start.value->utc_offset_min == 330);
  for (const char* bad : {R"({"type":"start","wallet":true,"tzOffsetMin":841})",
                          R"({"type":"start","wallet":true,"tzOffsetMin":1.5})",
                          R"({"type":"start","wallet":true,"tzOffsetMin":"60"})"}) {
    CHECK_MESSAGE(!parse_event(bad).ok(), bad);
  }
}

TEST_CASE("a row's Copy puts its full transaction hash on the clipboard; its link opens the explorer") {
  State s = with_backend();
  s.config.explorer_url = "https://explorer.example";
  auto fx = reduce(s, Event::click("nav.history"));
  reduce(s, Event::http_answer(history_request(fx)->id, 200, page_json(0, 3, 3)));
  fx = reduce(s, Event::click("history.row.2.copy"));
  const Effect* copy = effect_of(fx, EffectKind::copy);
  REQUIRE(copy);
  CHECK(copy->text == "0x" + std::string(64, 'a'));
  CHECK(history_request(fx) == nullptr);  // a Copy loads nothing
  reduce(s, Event::wallet_ok(copy->id, json(true)));
  CHECK(label_of(s, "history.row.2.copy") == "Copied");
  CHECK(label_of(s, "history.row.1.copy") == "Copy");

  fx = reduce(s, Event::click("history.row.1.explorer"));
  const Effect* open = effect_of(fx, EffectKind::open);
  REQUIRE(open);
  CHECK(open->text == "https://explorer.example/tx/0x" + std::string(64, 'a'));
  REQUIRE(find_item(build_view_model(s), "history.row.1.explorer"));
  // Rows that are not there, and ids that only look like rows, do nothing.
  for (const char* id : {"history.row.3.copy", "history.row.x.copy", "history.row..copy", "history.row.-1.copy",
                         "history.row.1.copyx", "history.row.99999999999999999999.copy"}) {
    CHECK_MESSAGE(reduce(s, Event::click(id)).empty(), id);
  }
}
