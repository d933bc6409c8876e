// The locale tables: both complete and consistent, placeholders filled, numbers and dates in
// each locale's own conventions (from our tables, not the browser's Intl: deterministic).
#include <doctest/doctest.h>

#include <cstddef>
#include <set>

#include "core/derive.h"
#include "core/strings.h"
#include "core/view_model_build.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

// The texts of a table: the struct starts with `const char*` fields up to decimal_sep.
std::vector<std::string> texts_of(const Strings& t) {
  const size_t n = offsetof(Strings, decimal_sep) / sizeof(const char*);
  const auto* fields = reinterpret_cast<const char* const*>(&t);
  return std::vector<std::string>(fields, fields + n);
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
  CHECK(text("no args {0}") == "no args {0}");          // nothing to put there: kept
  CHECK(text("{x} {10} {", 1) == "{x} {10} {");           // only {digit} is a placeholder
  CHECK(text("{0}", int64_t{-42}) == "-42");
  CHECK(text("{0}", uint64_t{18446744073709551615ULL}) == "18446744073709551615");
}

TEST_CASE("English and Spanish tables: every text present, same placeholders") {
  const auto en = texts_of(strings_for("en"));
  const auto es = texts_of(strings_for("es"));
  REQUIRE(en.size() == es.size());
  CHECK(en.size() > 100);
  for (size_t i = 0; i < en.size(); ++i) {
    CAPTURE(en[i]);
    CHECK_FALSE(en[i].empty());
    CHECK_FALSE(es[i].empty());
    CHECK(placeholders(en[i]) == placeholders(es[i]));
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

TEST_CASE("dates in each locale's pattern") {
  CHECK(format_date_time(strings_for("en"), "2026-11-25T22:32:05Z") == "2026-11-25 22:32");
  CHECK(format_date_time(strings_for("es"), "2026-11-25T22:32:05Z") == "25/11/2026 22:32");
  CHECK(format_date_time(strings_for("es"), "yesterday") == "yesterday");
  CHECK(format_date_time(strings_for("es"), "") == "");
}
