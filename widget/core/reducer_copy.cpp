// Copy buttons: what the clipboard answered, and the moment the button reads "Copied".
#include "reducer_step.h"

namespace acw {

namespace {
constexpr int kCopiedMs = 2'000;
}  // namespace

void copy_answer(Step& st, Purpose purpose, const Event& ev) {
  CopyFeedback& c = st.s.copy;
  if (purpose == Purpose::copied_timer) {
    if (ev.effect_id == c.timer_id) c.copied.clear();
    return;
  }
  if (!ev.ok) {
    c.copied.clear();
    c.refused = c.asked;
    return;
  }
  c.refused.clear();
  c.copied = c.asked;
  c.timer_id = st.timer(Purpose::copied_timer, kCopiedMs);
}

}  // namespace acw
