// Parsing of what a person types into the amount field, into exact G$ wei.
#pragma once
#include <optional>
#include <string_view>

#include "money.h"

namespace acw {

enum class AmountError {
  none,
  empty,               // nothing typed (spaces only counts as empty)
  negative,            // starts with '-'
  exponent,            // "1e3"
  grouping_separator,  // "1,000" in English, "1.000" in Spanish: never guessed
  wrong_decimal_separator,  // the other locale's separator where a decimal is meant ("1,5" in English)
  multiple_separators,      // "1.2.3"
  too_many_decimals,   // more than 18 fraction digits
  not_a_number,        // any other character ("abc", "1a", "$5")
  too_large,           // does not fit in 2^128-1 wei
};

struct AmountParse {
  std::optional<uint128> wei;  // set exactly when error == none
  AmountError error = AmountError::empty;
};

// `decimal_sep` is the locale's one decimal separator ('.' English, ',' Spanish; any other
// value is treated as '.'). Leading/trailing ASCII whitespace is trimmed. Accepted: ASCII
// digits (leading zeros fine), optionally one decimal separator with digits on at least one
// side ("1.", ".5" are fine). Checks, first match wins:
//  1. empty after trimming;
//  2. a leading '-': negative if a digit follows somewhere, else not_a_number ("-abc");
//  3. a character other than digits, '.', ',' and inner spaces: exponent for "1e3" /
//     "2.5E-4", else not_a_number ("+1", "$5", full-width or other non-ASCII digits);
//  4. no digit at all ("." / ",,"): not_a_number;
//  5. grouping_separator when the text reads as thousands grouping (a first group of 1-3
//     digits not starting with 0, then groups of exactly 3) with the other locale's separator
//     ("1,000", "1,000.5" with '.'; "1.000" with ','), a space ("1 000"), or the decimal
//     separator repeated ("1.000.000" with '.');
//  6. any other inner space: not_a_number;
//  7. two or more separators of any kind: multiple_separators ("1.2.3", "1.5,3");
//  8. one of the other locale's separator: wrong_decimal_separator ("1,5", "0,500" with '.');
//  9. more than 18 fraction digits: too_many_decimals; above 2^128-1 wei: too_large.
AmountParse parse_amount_input(std::string_view text, char decimal_sep);

}  // namespace acw
