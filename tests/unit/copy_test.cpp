// Copy buttons: the exact text goes to the clipboard, "Copied" for a moment, a refusal said plainly.
#include <doctest/doctest.h>

#include "core/view_model_build.h"
#include "core_fixtures.h"

using namespace acw;
using namespace acw::test;

namespace {

State usage_empty_state() {
  State s = with_backend();
  s.view = View::usage;
  return s;
}

const Effect* copy_in(const std::vector<Effect>& fx) { return effect_of(fx, EffectKind::copy); }
const Effect* timer_in(const std::vector<Effect>& fx) { return effect_of(fx, EffectKind::timer); }

}  // namespace

TEST_CASE("the usage snippet's Copy puts exactly the shown command on the clipboard") {
  State s = usage_empty_state();
  ViewModel vm = build_view_model(s);
  REQUIRE(vm.state == StateName::usage_empty);
  const ViewItem* snippet = find_item(vm, "usage_snippet");
  REQUIRE(snippet);
  CHECK(snippet->label.find("curl -X POST http://backend/v1/usage") == 0);
  REQUIRE(find_item(vm, "usage_snippet.copy"));
  CHECK(find_item(vm, "usage_snippet.copy")->role == Role::button);

  auto fx = reduce(s, Event::click("usage_snippet.copy"));
  const Effect* copy = copy_in(fx);
  REQUIRE(copy);
  CHECK(copy->text == snippet->label);
  CHECK(copy->id > 0);
  CHECK(effect_to_json(*copy) == json{{"id", copy->id}, {"kind", "copy"}, {"text", snippet->label}});
}

TEST_CASE("a key just created is in the snippet, so the copied command works as it is") {
  State s = usage_empty_state();
  s.api_key.new_token = "gd_live_" + std::string(64, 'a');
  auto fx = reduce(s, Event::click("usage_snippet.copy"));
  REQUIRE(copy_in(fx));
  CHECK(copy_in(fx)->text.find("Bearer gd_live_" + std::string(64, 'a') + "\"") != std::string::npos);
}

TEST_CASE("Copied for a moment after the clipboard took the text, then Copy again") {
  State s = usage_empty_state();
  CHECK(label_of(s, "usage_snippet.copy") == "Copy");
  auto fx = reduce(s, Event::click("usage_snippet.copy"));
  const int copy_id = copy_in(fx)->id;
  CHECK(label_of(s, "usage_snippet.copy") == "Copy");  // not before the browser said so

  fx = reduce(s, Event::wallet_ok(copy_id, true));
  CHECK(label_of(s, "usage_snippet.copy") == "Copied");
  const Effect* first_timer = timer_in(fx);
  REQUIRE(first_timer);
  CHECK(first_timer->ms == 2000);
  const int first_timer_id = first_timer->id;

  // Copied again before the first moment ended: the first timer no longer ends it.
  fx = reduce(s, Event::click("usage_snippet.copy"));
  fx = reduce(s, Event::wallet_ok(copy_in(fx)->id, true));
  const int second_timer_id = timer_in(fx)->id;
  reduce(s, Event::wallet_ok(first_timer_id, nullptr));
  CHECK(label_of(s, "usage_snippet.copy") == "Copied");
  reduce(s, Event::wallet_ok(second_timer_id, nullptr));
  CHECK(label_of(s, "usage_snippet.copy") == "Copy");
}

TEST_CASE("only the button that copied reads Copied, in the page's language") {
  State s = connected_state();
  s.config.locale = "es";
  s.payment.phase = PaymentPhase::confirmed;
  s.payment.tx_hash = "0x" + std::string(64, 'b');
  auto fx = reduce(s, Event::click("copy_tx"));
  REQUIRE(copy_in(fx));
  CHECK(copy_in(fx)->text == s.payment.tx_hash);
  reduce(s, Event::wallet_ok(copy_in(fx)->id, true));
  CHECK(label_of(s, "copy_tx") == "Copiado");
  CHECK(s.copy.copied == "copy_tx");
}

TEST_CASE("a refused clipboard is said plainly, and a later copy that works clears it") {
  State s = usage_empty_state();
  auto fx = reduce(s, Event::click("usage_snippet.copy"));
  fx = reduce(s, Event::wallet_error(copy_in(fx)->id, 4100, "Write permission denied."));
  CHECK(timer_in(fx) == nullptr);
  CHECK(label_of(s, "usage_snippet.copy") == "Copy");
  ViewModel vm = build_view_model(s);
  CHECK(find_item(vm, "notice") == nullptr);  // beside the button, not as the notice below
  REQUIRE(find_item(vm, "copy_refused"));
  CHECK(find_item(vm, "copy_refused")->label.find("did not allow copying") != std::string::npos);
  CHECK(find_item(vm, "copy_refused")->look == Look::error);
  // It follows the button it is about.
  size_t button = 0, refusal = 0;
  for (size_t i = 0; i < vm.items.size(); ++i) {
    if (vm.items[i].id == "usage_snippet.copy") button = i;
    if (vm.items[i].id == "copy_refused") refusal = i;
  }
  CHECK(refusal == button + 1);

  fx = reduce(s, Event::click("usage_snippet.copy"));
  reduce(s, Event::wallet_ok(copy_in(fx)->id, true));
  vm = build_view_model(s);
  CHECK(find_item(vm, "copy_refused") == nullptr);
  CHECK(label_of(s, "usage_snippet.copy") == "Copied");
}
