// The locale tables: both complete and consistent, placeholders filled, numbers and dates in
// each locale's own conventions (from our tables, not the browser's Intl: deterministic).
#include <doctest/doctest.h>

#include <fmt/args.h>

#include <set>
#include <vector>

#include "core/derive.h"
#include "core/strings.h"
#include "core/view_model_build.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

// The texts of a table, as ACW_STRING_TEMPLATES lists them, with their number of arguments.
struct Template {
  const char* name;
  const char* text;
  int arguments;
};
std::vector<Template> templates_of(const Strings& t) {
  std::vector<Template> out;
#define ACW_TEMPLATE_OF(name, arguments) out.push_back({#name, t.name, arguments});
  ACW_STRING_TEMPLATES(ACW_TEMPLATE_OF)
#undef ACW_TEMPLATE_OF
  return out;
}

std::set<char> placeholders(const std::string& s) {
  std::set<char> out;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] == '{' && s[i + 2] == '}' && s[i + 1] >= '0' && s[i + 1] <= '9') out.insert(s[i + 1]);
  }
  return out;
}

std::string label(const ViewModel& vm, const std::string& id) {
  for (const auto& item : vm.items) {
    if (item.id == id) return item.label;
  }
  return {};
}

}  // namespace

TEST_CASE("positional placeholders") {
  CHECK(text("{0} buys {1}", std::string("5"), 7) == "5 buys 7");
  CHECK(text("{1} before {0}", "a", "b") == "b before a");
  CHECK(text("{0} and {0}", "x") == "x and x");
  CHECK(text("{0}", int64_t{-42}) == "-42");
  CHECK(text("{0}", int64_t{INT64_MIN}) == "-9223372036854775808");
  CHECK(text("{0}", uint64_t{18446744073709551615ULL}) == "18446744073709551615");
}

TEST_CASE("each locale's date pattern takes five integers, zero-padded") {
  // Its placeholders carry format specs ({1:02}), which fmt applies to integers only.
  CHECK(text(strings_for("en").date_pattern, 2026, 1, 2, 3, 4) == "2026-01-02 03:04");
  CHECK(text(strings_for("es").date_pattern, 2026, 1, 2, 3, 4) == "02/01/2026 03:04");
}

TEST_CASE("every template of every locale formats with its number of arguments") {
  // fmt without exceptions aborts on a placeholder past the arguments, so that is checked
  // first; then each template is formatted and must have no placeholder left.
  for (const char* locale : {"en", "es"}) {
    for (const Template& t : templates_of(strings_for(locale))) {
      CAPTURE(locale);
      CAPTURE(t.name);
      CAPTURE(t.text);
      const std::set<char> used = placeholders(t.text);
      REQUIRE((used.empty() || *used.rbegin() - '0' < t.arguments));
      fmt::dynamic_format_arg_store<fmt::format_context> args;
      for (int i = 0; i < t.arguments; ++i) args.push_back("<" + std::to_string(i) + ">");
      const std::string out = fmt::vformat(t.text, args);
      CHECK(out.find('{') == std::string::npos);
      CHECK(out.find('}') == std::string::npos);
      for (char index : used) CHECK(out.find(std::string("<") + index + ">") != std::string::npos);
    }
  }
}

TEST_CASE("English and Spanish tables: every text present, same placeholders") {
  const auto en = templates_of(strings_for("en"));
  const auto es = templates_of(strings_for("es"));
  REQUIRE(en.size() == es.size());
  CHECK(en.size() > 100);
  for (size_t i = 0; i < en.size(); ++i) {
    CAPTURE(en[i].name);
    CHECK_FALSE(std::string(en[i].text).empty());
    CHECK_FALSE(std::string(es[i].text).empty());
    CHECK(placeholders(en[i].text) == placeholders(es[i].text));
  }
  CHECK(&strings_for("es-AR") == &strings_for("es"));
  CHECK(&strings_for("es_ES") == &strings_for("es"));
  CHECK(&strings_for("est") == &strings_for("en"));  // not Spanish: falls back to English
  CHECK(&strings_for("") == &strings_for("en"));
}

TEST_CASE("Spanish: numbers with , for decimals and . for thousands; the input follows") {
  State s = connected_state();
  s.config.locale = "es";
  s.wallet.balance_wei = uint128{1234} * kWeiPerG + 500'000'000'000'000'000ULL;
  ViewModel vm = build_view_model(s);
  CHECK(label(vm, "balance") == "1.234,5 G$");
  CHECK(label(vm, "balance_label") == "Saldo de G$");

  reduce(s, Event::input("amount", "12,5"));
  CHECK(derive_state_name(s) == StateName::quote_ready);
  reduce(s, Event::input("amount", "1.000"));  // a thousands separator: refused, never guessed
  vm = build_view_model(s);
  CHECK(label(vm, "amount_error").find("separador de miles") != std::string::npos);
  reduce(s, Event::input("amount", "12.5"));
  CHECK(derive_state_name(s) != StateName::quote_ready);
}

TEST_CASE("dates in each locale's pattern, in the page's local time") {
  CHECK(format_date_time(strings_for("en"), "2026-11-25T22:32:05Z", 0) == "2026-11-25 22:32");
  CHECK(format_date_time(strings_for("es"), "2026-11-25T22:32:05Z", 0) == "25/11/2026 22:32");
  CHECK(format_date_time(strings_for("en"), "2026-11-25T22:32:05.123Z", 0) == "2026-11-25 22:32");
  // East of UTC past midnight, west of it before: the date moves too.
  CHECK(format_date_time(strings_for("en"), "2026-11-25T22:32:05Z", 120) == "2026-11-26 00:32");
  CHECK(format_date_time(strings_for("en"), "2026-01-01T01:00:00Z", -300) == "2025-12-31 20:00");
  CHECK(format_date_time(strings_for("es"), "2024-02-28T23:30:00Z", 345) == "29/02/2024 05:15");
  // Not UTC ISO 8601 (no zone, a space): shown as it came, never moved by a guess.
  CHECK(format_date_time(strings_for("en"), "2026-11-25 22:32:05", 120) == "2026-11-25 22:32:05");
  CHECK(format_date_time(strings_for("es"), "yesterday", 60) == "yesterday");
  CHECK(format_date_time(strings_for("es"), "", 0) == "");
}
