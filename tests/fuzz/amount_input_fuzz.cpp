// What a person types into the amount fields (core/amount_input.h), read with both locales'
// decimal separators. Invariants:
//  - a value exactly when there is no error;
//  - a parsed amount formats back (format_units, all 18 decimals, no grouping) to text that
//    parses to the same wei;
//  - the same amount written with thousands grouping (the other locale's separator, or a
//    space) is refused or read as the same wei: grouping is never guessed into another value;
//  - any separator other than ',' behaves as '.'.
#include "core/amount_input.h"
#include "fuzz_check.h"

using namespace acw;

namespace {

std::string describe(std::string_view text, char sep) {
  return "'" + std::string(text) + "' with '" + std::string(1, sep) + "'";
}

void check(std::string_view text, char sep) {
  const AmountParse p = parse_amount_input(text, sep);
  FUZZ_CHECK(p.wei.has_value() == (p.error == AmountError::none), describe(text, sep));
  if (!p.wei) return;
  const uint128 wei = *p.wei;

  const std::string canonical = format_units(wei, kGDecimals, kGDecimals, sep, 0);
  const AmountParse back = parse_amount_input(canonical, sep);
  FUZZ_CHECK(back.wei == wei, describe(text, sep) + " -> '" + canonical + "' does not parse back");

  const char other = sep == '.' ? ',' : '.';
  for (char group : {other, ' '}) {
    const std::string grouped = format_units(wei, kGDecimals, kGDecimals, sep, group);
    const AmountParse g = parse_amount_input(grouped, sep);
    FUZZ_CHECK(!g.wei || *g.wei == wei, describe(text, sep) + " -> '" + grouped + "' read as another value");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 512) return 0;  // the reducer accepts at most 256 bytes of input text
  const std::string_view text = fuzz::as_text(data, size);
  check(text, '.');
  check(text, ',');
  const AmountParse dot = parse_amount_input(text, '.');
  const AmountParse other = parse_amount_input(text, 'x');
  FUZZ_CHECK(dot.wei == other.wei && dot.error == other.error, std::string(text));
  return 0;
}
