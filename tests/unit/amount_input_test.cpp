#include "core/amount_input.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using acw::AmountError;

namespace {

const char* name(AmountError e) {
  switch (e) {
    case AmountError::none: return "none";
    case AmountError::empty: return "empty";
    case AmountError::negative: return "negative";
    case AmountError::exponent: return "exponent";
    case AmountError::grouping_separator: return "grouping_separator";
    case AmountError::wrong_decimal_separator: return "wrong_decimal_separator";
    case AmountError::multiple_separators: return "multiple_separators";
    case AmountError::too_many_decimals: return "too_many_decimals";
    case AmountError::not_a_number: return "not_a_number";
    case AmountError::too_large: return "too_large";
  }
  return "?";
}

// One parse as "<error>" or "wei=<decimal>", and checks the struct's own invariant.
std::string outcome(std::string_view text, char sep) {
  const acw::AmountParse p = acw::parse_amount_input(text, sep);
  CHECK(p.wei.has_value() == (p.error == AmountError::none));
  if (p.wei) return "wei=" + acw::to_decimal(*p.wei);
  return name(p.error);
}

struct Case {
  std::string text;
  char sep;
  std::string expected;
};

void check_all(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.sep);
    CHECK(outcome(c.text, c.sep) == c.expected);
  }
}

const std::string kOneG = "wei=1000000000000000000";

}  // namespace

TEST_CASE("amount input: valid numbers, both locales") {
  check_all({
      {"0", '.', "wei=0"},
      {"0", ',', "wei=0"},
      {"1", '.', kOneG},
      {"1", ',', kOneG},
      {"0.000000000000000001", '.', "wei=1"},
      {"0,000000000000000001", ',', "wei=1"},
      {"12.5", '.', "wei=12500000000000000000"},
      {"12,5", ',', "wei=12500000000000000000"},
      {"  12.5  ", '.', "wei=12500000000000000000"},  // trimmed
      {"\t12,5\n", ',', "wei=12500000000000000000"},
      {".5", '.', "wei=500000000000000000"},
      {",5", ',', "wei=500000000000000000"},
      {"5.", '.', "wei=5000000000000000000"},
      {"5,", ',', "wei=5000000000000000000"},
      {"007", '.', "wei=7000000000000000000"},
      {"0.50", '.', "wei=500000000000000000"},
      {"1.000", '.', kOneG},  // a decimal in English
      {"1,000", ',', kOneG},  // a decimal in Spanish
      {"1000", '.', "wei=1000000000000000000000"},
      {"123456789.123456789123456789", '.', "wei=123456789123456789123456789"},
      {"1.5", 'x', "wei=1500000000000000000"},  // unknown separator is treated as '.'
  });
}

TEST_CASE("amount input: size limits") {
  check_all({
      {"0.0000000000000000001", '.', "too_many_decimals"},  // 19 fraction digits
      {"0,0000000000000000001", ',', "too_many_decimals"},
      {"1.0000000000000000000", '.', "too_many_decimals"},
      {std::string(40, '9'), '.', "too_large"},
      {"1234567890123456789012345678901234567890", ',', "too_large"},
      // 2^128-1 wei is the largest amount; one more wei does not fit.
      {"340282366920938463463.374607431768211455", '.',
       "wei=340282366920938463463374607431768211455"},
      {"340282366920938463463.374607431768211456", '.', "too_large"},
      {"340282366920938463464", '.', "too_large"},
      {std::string(100'000, '0') + "1", '.', kOneG},  // long but small
      {std::string(100'000, '7'), '.', "too_large"},
  });
}

TEST_CASE("amount input: grouping separators are refused, never guessed") {
  check_all({
      {"1,000", '.', "grouping_separator"},
      {"1.000", ',', "grouping_separator"},
      {"1,000,000", '.', "grouping_separator"},
      {"12,345,678.5", '.', "grouping_separator"},
      {"1.000,5", ',', "grouping_separator"},
      {"1.000.000", '.', "grouping_separator"},  // two groups: cannot be a decimal
      {"1,000,000", ',', "grouping_separator"},
      {"1 000", '.', "grouping_separator"},
      {"1 000 000,25", ',', "grouping_separator"},
  });
}

TEST_CASE("amount input: the other locale's decimal separator") {
  check_all({
      {"1,5", '.', "wrong_decimal_separator"},
      {"1.5", ',', "wrong_decimal_separator"},
      {",5", '.', "wrong_decimal_separator"},
      {"5,", '.', "wrong_decimal_separator"},
      {"0,500", '.', "wrong_decimal_separator"},  // a leading 0 is no thousands group
      {"1234,567", '.', "wrong_decimal_separator"},
      {"1,0000", '.', "wrong_decimal_separator"},
  });
}

TEST_CASE("amount input: multiple separators") {
  check_all({
      {"1.2.3", '.', "multiple_separators"},
      {"1,2,3", ',', "multiple_separators"},
      {"1,2,3", '.', "multiple_separators"},
      {"1.5,3", '.', "multiple_separators"},
      {"1,000,5", '.', "multiple_separators"},
      {"1..5", '.', "multiple_separators"},
  });
}

TEST_CASE("amount input: empty, negative, exponent") {
  check_all({
      {"", '.', "empty"},
      {"   ", '.', "empty"},
      {" \t\r\n", ',', "empty"},
      {"-1", '.', "negative"},
      {"-0.5", '.', "negative"},
      {" -1,000", '.', "negative"},
      {"-abc", '.', "not_a_number"},
      {"-", '.', "not_a_number"},
      {"1e3", '.', "exponent"},
      {"1E3", ',', "exponent"},
      {"2.5e-4", '.', "exponent"},
      {"2,5E+4", ',', "exponent"},
      {"1e", '.', "not_a_number"},
      {"e3", '.', "not_a_number"},
      {"1e3x", '.', "not_a_number"},
  });
}

TEST_CASE("amount input: anything else is not a number") {
  check_all({
      {"abc", '.', "not_a_number"},
      {"1a", '.', "not_a_number"},
      {"$5", '.', "not_a_number"},
      {"5 G$", '.', "not_a_number"},
      {"+1", '.', "not_a_number"},
      {".", '.', "not_a_number"},
      {",", ',', "not_a_number"},
      {"..", '.', "not_a_number"},
      {"1 5", '.', "not_a_number"},      // an inner space that is no grouping
      {"0x10", '.', "not_a_number"},
      {"\xEF\xBC\x91\xEF\xBC\x92", '.', "not_a_number"},  // full-width "１２"
      {"\xD9\xA1\xD9\xA2", '.', "not_a_number"},          // Arabic-Indic "١٢"
      {"\xE0\xA5\xA7", '.', "not_a_number"},              // Devanagari "१"
      {"1\xC2\xA0" "000", '.', "not_a_number"},           // no-break space
      {"\xE2\x88\x92" "1", '.', "not_a_number"},          // U+2212 minus sign
      {"1\xE2\x80\xAF" "000", ',', "not_a_number"},       // narrow no-break space
      {"\xFF\xFE", '.', "not_a_number"},                  // not even UTF-8
      {std::string("1\0", 2), '.', "not_a_number"},       // embedded NUL
  });
}
