#include "view_model_build.h"

#include <algorithm>

#include <fmt/format.h>

#include "chain_settings.h"
#include "derive.h"
#include "quote.h"
#include "strings.h"
#include "usage_snippet.h"

namespace acw {

namespace {

// Builder with one short method per kind of item, so the views below read as a layout.
struct Items {
  std::vector<ViewItem>& out;

  ViewItem& add(std::string id, std::string label, Role role, Look look) {
    ViewItem item;
    item.id = std::move(id);
    item.label = std::move(label);
    item.role = role;
    item.look = look;
    out.push_back(std::move(item));
    return out.back();
  }
  ViewItem& text(std::string id, std::string label, Look look = Look::body) {
    return add(std::move(id), std::move(label), Role::text, look);
  }
  ViewItem& button(std::string id, std::string label, bool enabled = true, Look look = Look::secondary) {
    ViewItem& b = add(std::move(id), std::move(label), Role::button, look);
    b.enabled = enabled;
    return b;
  }
  // An amount field: no label drawn (the placeholder and the card say what it is), `name` for
  // screen readers.
  ViewItem& amount_input(std::string id, std::string value, std::string name, std::string hint) {
    ViewItem& i = add(std::move(id), "", Role::input, Look::body);
    i.value = std::move(value);
    i.hint = std::move(hint);
    i.name = std::move(name);
    i.numeric = true;
    return i;
  }
};

// Formatting of money for people: floored, grouped, the locale's decimal separator.
struct Fmt {
  char sep;
  char group;
  std::string g(uint128 wei) const { return format_units(wei, kGDecimals, 2, sep, group); }
  // A monthly amount from a per-second rate, rounded to the cent of a G$: the rate was floored
  // from what the person typed (500 G$ → 192,901,234,567,901 wei/s), so 499.99… shows as 500.
  std::string g_monthly(uint128 rate) const { return g_cents(rate * kSecondsPerMonth); }
  std::string g_daily(uint128 rate) const { return g_cents(rate * 86'400); }
  std::string g_cents(uint128 wei) const {
    const uint128 cent = kWeiPerG / 100;
    return g((wei + cent / 2) / cent * cent);
  }
  std::string g_exact(uint128 wei) const { return format_units(wei, kGDecimals, kGDecimals, sep, group); }
  // 1 credit = 10,000 micro-USD, shown floored to 2 decimals.
  std::string credits(uint128 micro_usd) const { return format_units(micro_usd, 4, 2, sep, group); }
  // US$ always with two decimals ("0.60"), floored.
  std::string usd(uint128 micro_usd) const {
    std::string s = format_units(micro_usd / 10'000, 2, 2, sep, group);
    const size_t dot = s.find(sep);
    if (dot == std::string::npos) return s + sep + "00";
    return s.size() - dot == 2 ? s + "0" : s;
  }
};

std::string amount_error_text(const Strings& t, AmountError e, char sep) {
  const std::string sep_s(1, sep);
  switch (e) {
    case AmountError::negative: return t.amount_negative;
    case AmountError::exponent: return t.amount_exponent;
    case AmountError::grouping_separator: return text(t.amount_grouping, sep_s);
    case AmountError::wrong_decimal_separator: return text(t.amount_wrong_sep, sep_s);
    case AmountError::multiple_separators: return t.amount_multiple_sep;
    case AmountError::too_many_decimals: return t.amount_too_many_decimals;
    case AmountError::not_a_number: return text(t.amount_not_a_number, sep_s);
    case AmountError::too_large: return t.amount_too_large;
    case AmountError::none:
    case AmountError::empty: return {};
  }
  return {};
}

struct Ctx {
  const State& s;
  const Strings& t;
  Fmt f;
  Items& it;
};

// A Copy button's label: "Copied" for a moment once its text reached the clipboard.
const char* copy_label(const Ctx& c, const char* id, const char* label) {
  return c.s.copy.copied == id ? c.t.copied : label;
}

// Said beside the Copy button `id` (not as the notice, which may be out of sight below it) when
// the browser refused its copy.
void copy_refusal(Ctx& c, const char* id) {
  if (c.s.copy.refused == id) c.it.text("copy_refused", c.t.copy_refused, Look::error);
}

void notice_item(Ctx& c) {
  if (c.s.notice.kind == NoticeKind::none) return;
  c.it.text("notice", c.s.notice.text, c.s.notice.kind == NoticeKind::error ? Look::error : Look::warning);
}

void account_header(Ctx& c) {
  c.it.text("account", text(c.t.account, short_address(c.s.wallet.account)), Look::muted);
  c.it.add("disconnect", c.t.disconnect, Role::link, Look::body).same_line = true;
}

// Buy / API key / Usage tabs, once the account is on the right chain with a backend.
void nav_tabs(Ctx& c) {
  if (c.s.config.backend_url.empty()) return;
  const View v = c.s.view;
  ViewItem& buy = c.it.add("nav.buy", c.t.nav_buy, Role::button, Look::tab);
  buy.selected = v == View::buy || v == View::stream;
  ViewItem& key = c.it.add("nav.api_key", c.t.nav_api_key, Role::button, Look::tab);
  key.selected = v == View::api_key;
  key.same_line = true;
  ViewItem& usage = c.it.add("nav.usage", c.t.nav_usage, Role::button, Look::tab);
  usage.selected = v == View::usage;
  usage.same_line = true;
  ViewItem& history = c.it.add("nav.history", c.t.nav_history, Role::button, Look::tab);
  history.selected = v == View::history;
  history.same_line = true;
}

void balance_block(Ctx& c) {
  const auto& s = c.s;
  c.it.text("balance_label", c.t.balance_label, Look::muted);
  if (s.wallet.balance_loading) {
    // Being re-read (after a payment, a stream change, a refresh): the old figure may be stale.
    c.it.text("balance", s.wallet.balance_wei ? c.t.balance_updating : c.t.loading, Look::value);
  } else if (s.wallet.balance_wei) {
    c.it.text("balance", c.f.g(*s.wallet.balance_wei) + " " + s.config.token_symbol, Look::value);
  } else {
    c.it.text("balance", "—", Look::value);
    c.it.button("retry_balance", c.t.retry);
  }
  if (s.credits.known && (s.credits.remaining_micro_usd > 0 || s.credits.used_micro_usd > 0)) {
    c.it.text("credits", text(c.t.credits_value, c.f.credits(s.credits.remaining_micro_usd),
                              c.f.usd(s.credits.remaining_micro_usd)));
  }
}

void mode_tabs(Ctx& c) {
  ViewItem& once = c.it.add("mode.once", c.t.mode_once, Role::button, Look::tab);
  once.selected = c.s.view != View::stream;
  ViewItem& stream = c.it.add("mode.stream", c.t.mode_stream, Role::button, Look::tab);
  stream.selected = c.s.view == View::stream;
  stream.same_line = true;
}

std::string pay_reason(Ctx& c, PayBlock block, const BuyQuote& q) {
  const auto& t = c.t;
  switch (block) {
    case PayBlock::none: return {};
    case PayBlock::busy: return t.pay_busy;
    case PayBlock::no_backend: return t.pay_needs_backend;
    case PayBlock::backend_loading: return t.pay_loading;
    case PayBlock::backend_down: return t.pay_backend_down;
    case PayBlock::mismatch: return c.s.backend.mismatch;
    case PayBlock::no_amount: return t.pay_needs_amount;
    case PayBlock::invalid_amount: {
      std::string err = amount_error_text(t, q.amount.error, c.f.sep);
      return err.empty() ? t.pay_zero : err;
    }
    case PayBlock::balance_unknown: return t.balance_unknown;
    case PayBlock::exceeds_balance:
    case PayBlock::below_minimum: return {};  // said by the warning above the button
  }
  return {};
}

// A quote is a success only while it can be paid; otherwise it is a warning like the reason
// below it (the success colour would tell the person it is fine).
Look quote_look(bool payable) { return payable ? Look::success : Look::warning; }

// One line: what the amount buys, with the bonus and the US$ value.
void quote_line(Ctx& c, const BuyQuote& q) {
  if (!q.priced) return;
  const std::string amount = c.f.g_exact(*q.amount.wei);
  const std::string credits = c.f.credits(q.principal_micro_usd);
  const std::string usd = c.f.usd(q.principal_micro_usd);
  c.it.text("quote", q.bonus_micro_usd > 0
                         ? text(c.t.quote_bonus, amount, credits, c.f.credits(q.bonus_micro_usd), usd)
                         : text(c.t.quote_line, amount, credits, usd),
            quote_look(!q.exceeds_balance && !q.below_minimum));
}

// Why the amount cannot be paid as it is: the minimum, the balance.
void quote_warnings(Ctx& c, const BuyQuote& q) {
  const auto& s = c.s;
  if (!q.amount.wei) return;
  if (q.below_minimum && q.minimum_wei) {
    c.it.text("minimum", text(c.t.minimum, c.f.usd(s.backend.min_first_deposit_micro_usd), c.f.g(*q.minimum_wei)),
              Look::warning);
  }
  if (q.exceeds_balance && s.wallet.balance_wei) {
    const uint128 need = q.below_minimum && q.minimum_wei ? *q.minimum_wei : *q.amount.wei;
    c.it.text("need_more_g", text(c.t.need_more_g, c.f.g(*s.wallet.balance_wei), c.f.g(need)), Look::warning);
    c.it.add("get_g", c.t.get_g, Role::link, Look::body);
  }
}

void api_key_card(Ctx& c, bool full) {
  const auto& k = c.s.api_key;
  if (full) c.it.text("key_title", c.t.key_title, Look::heading);
  if (!k.new_token.empty()) {
    c.it.text("key_new_warning", c.t.key_new_warning, Look::warning);
    c.it.text("api_key.token", k.new_token, Look::code);
    c.it.button("copy_key", copy_label(c, "copy_key", c.t.key_copy), true, Look::primary);
    c.it.button("hide_key", c.t.key_hide).same_line = true;
    copy_refusal(c, "copy_key");
  }
  const ApiKeyMeta* active = nullptr;
  for (const auto& m : k.keys) {
    if (!m.revoked) {
      active = &m;
      break;
    }
  }
  const bool busy = k.task != KeyTask::none;
  if (active && k.new_token.empty()) {
    c.it.text("api_key.masked", text(c.t.key_masked, active->prefix, format_date_time(c.t, active->created_at, c.s.utc_offset_min).substr(0, 10)),
              Look::code);
    if (full) {
      c.it.button("rotate_key", c.t.key_rotate, !busy);
      c.it.button("revoke_key", c.t.key_revoke, !busy).same_line = true;
    }
  } else if (!active && k.new_token.empty()) {
    // Keys not known without a read session: the full card offers the sign-in that lists them.
    const bool sign_in = full && !k.loaded && k.sign_in_needed;
    if (sign_in) {
      c.it.text("read_sign_in", c.t.read_sign_in_text, Look::muted);
      c.it.button("sign_in_read", c.t.read_sign_in_keys, !busy, Look::primary);
    } else if (full) {
      c.it.text("key_none", c.t.key_none, Look::muted);
    }
    c.it.button("create_key", c.t.key_create, !busy, full && !sign_in ? Look::primary : Look::secondary);
  }
  if (busy) c.it.text("key_busy", c.t.key_busy, Look::muted);
}

void buy_view(Ctx& c, StateName name) {
  const auto& s = c.s;
  account_header(c);
  nav_tabs(c);
  balance_block(c);
  if (name == StateName::insufficient_ai_credits) c.it.text("out_of_credits", c.t.out_of_credits, Look::warning);
  if (name == StateName::has_credits && s.purchase.amount_text.empty()) {
    if (s.stream.phase == StreamPhase::active) {
      c.it.text("stream_summary", text(c.t.stream_running, c.f.g_monthly(s.stream.flow_rate_wei_per_second)), Look::muted);
    }
    if (s.usage.count > 0) c.it.text("usage_summary", text(c.t.usage_count, s.usage.count), Look::muted);
    api_key_card(c, false);
  }
  mode_tabs(c);
  const size_t field = c.it.out.size();
  c.it.amount_input("amount", s.purchase.amount_text, c.t.amount_name, c.t.amount_hint);

  const BuyQuote q = buy_quote(s);
  if (!q.amount.wei) {
    std::string err = amount_error_text(c.t, q.amount.error, c.f.sep);
    if (!err.empty()) c.it.out[field].described_by = c.it.text("amount_error", err, Look::error).id;
  } else {
    quote_line(c, q);
    if (q.priced) c.it.out[field].described_by = "quote";
  }
  const PayBlock block = pay_block(s);
  ViewItem& pay = c.it.button("pay", c.t.pay, block == PayBlock::none, Look::primary);
  const std::string reason = pay_reason(c, block, q);
  // The reason is already shown as the input's error or as the notice; do not say it twice.
  const bool said = (block == PayBlock::invalid_amount && !amount_error_text(c.t, q.amount.error, c.f.sep).empty()) ||
                    (s.notice.kind != NoticeKind::none && reason == s.notice.text);
  pay.hint = said ? "" : reason;
  quote_warnings(c, q);  // under the button, so the button stays in view
  notice_item(c);
}

void api_key_view(Ctx& c) {
  account_header(c);
  nav_tabs(c);
  balance_block(c);
  api_key_card(c, true);
  notice_item(c);
}

std::string duration(const Strings& t, uint128 seconds) {
  const uint64_t s = seconds > 10'000'000'000ULL ? 10'000'000'000ULL : static_cast<uint64_t>(seconds);
  if (s >= 86'400) return text(t.duration_days, s / 86'400, (s % 86'400) / 3'600);
  if (s >= 3'600) return text(t.duration_hours, s / 3'600, (s % 3'600) / 60);
  return text(t.duration_minutes, std::max<uint64_t>(s / 60, 1));
}

void stream_setup_form(Ctx& c) {
  const auto& s = c.s;
  const StreamCheck check = stream_check(s);
  c.it.text("stream_beta", c.t.stream_beta, Look::muted);
  const size_t field = c.it.out.size();
  c.it.amount_input("monthly_amount", s.purchase.monthly_amount_text, c.t.monthly_name, c.t.monthly_hint);
  AmountParse monthly = parse_amount_input(s.purchase.monthly_amount_text, c.f.sep);
  std::string why;
  if (!monthly.wei) {
    const std::string err = amount_error_text(c.t, monthly.error, c.f.sep);
    if (!err.empty()) c.it.out[field].described_by = c.it.text("amount_error", err, Look::error).id;
    why = err.empty() ? c.t.pay_needs_amount : "";
  } else if (check.rate == 0) {
    why = c.t.pay_zero;
  } else {
    if (s.backend.price_micro_usd_per_g) {
      c.it.text("stream_quote", text(c.t.stream_quote, c.f.g_monthly(check.rate), c.f.g_daily(check.rate),
                                     c.f.credits(check.monthly_principal), c.f.credits(check.monthly_bonus),
                                     c.f.usd(check.monthly_principal)),
                quote_look(!check.below_minimum && !check.exceeds_balance));
      c.it.out[field].described_by = "stream_quote";
    }
    // The exact rate (wei per second) is a settlement detail: only in `stream-change`.
  }
  const bool editing_active = s.stream.phase == StreamPhase::active;
  if (s.config.backend_url.empty()) why = c.t.stream_needs_backend;
  ViewItem& start = c.it.button("start_stream", editing_active ? c.t.update_stream : c.t.start_stream, check.ready,
                                Look::primary);
  if (!check.ready && why.empty() && check.rate > 0 && !check.buffer_wei) why = c.t.stream_buffer_loading;
  start.hint = why;
  if (s.stream.phase != StreamPhase::none) c.it.button("cancel_edit", c.t.cancel);
  if (check.rate > 0) {
    if (check.below_minimum) {
      c.it.text("stream_minimum", text(c.t.stream_minimum, c.f.usd(s.backend.min_stream_micro_usd_per_month)), Look::warning);
    }
    if (check.buffer_wei) {
      c.it.text("stream_buffer", text(c.t.stream_buffer, c.f.g(*check.buffer_wei)), Look::muted);
      if (check.exceeds_balance && s.wallet.balance_wei) {
        c.it.text("need_more_g", text(c.t.stream_need_buffer, c.f.g(*s.wallet.balance_wei), c.f.g(*check.buffer_wei)),
                  Look::warning);
      }
    }
  }
}

void stream_active_view(Ctx& c) {
  const auto& s = c.s;
  const auto& st = s.stream;
  const uint128 rate = st.flow_rate_wei_per_second;
  c.it.text("stream_status", text(c.t.stream_running, c.f.g_monthly(rate)), Look::success);
  // What has streamed: the backend's credited total plus the rate since that was read.
  const uint64_t since = s.now_s > st.profile_read_at && st.profile_read_at > 0 ? s.now_s - st.profile_read_at : 0;
  const uint128 streamed = st.streamed_wei + rate * since;
  uint128 credits = 0;
  if (s.backend.price_micro_usd_per_g) {
    const uint128 principal = principal_micro_usd(streamed, *s.backend.price_micro_usd_per_g).value_or(0);
    credits = principal + bonus_micro_usd(principal, s.backend.stream_bonus_bps).value_or(0);
  }
  c.it.text("stream_accrued", text(c.t.stream_accrued, c.f.g(streamed), c.f.credits(credits)));
  if (s.wallet.balance_wei && rate > 0) {
    const uint64_t elapsed = s.now_s > st.balance_read_at && st.balance_read_at > 0 ? s.now_s - st.balance_read_at : 0;
    const uint128 spent = rate * elapsed;
    const uint128 left = *s.wallet.balance_wei > spent ? *s.wallet.balance_wei - spent : 0;
    const uint128 seconds = left / rate;
    if (seconds < 3'600) {
      c.it.text("stream_runway", text(c.t.stream_runway_critical, duration(c.t, seconds)), Look::error);
    } else if (seconds < 86'400) {
      c.it.text("stream_runway", text(c.t.stream_runway_low, duration(c.t, seconds)), Look::warning);
    } else {
      c.it.text("stream_runway", text(c.t.stream_runway, duration(c.t, seconds)), Look::muted);
    }
  }
  const bool idle = s.payment.phase == PaymentPhase::none;
  c.it.button("change_rate", c.t.change_rate, idle);
  c.it.button("pause_stream", c.t.pause, idle).same_line = true;
  c.it.button("stop_stream", c.t.stop, idle).same_line = true;
  c.it.add("refresh_stream", c.t.refresh, Role::link, Look::body);
}

void stream_view(Ctx& c, StateName name) {
  const auto& s = c.s;
  account_header(c);
  nav_tabs(c);
  balance_block(c);
  mode_tabs(c);
  switch (name) {
    case StateName::streaming_active: stream_active_view(c); break;
    case StateName::streaming_paused:
      c.it.text("stream_status", c.t.stream_paused, Look::warning);
      c.it.button("resume_stream", text(c.t.resume_at, c.f.g_monthly(s.stream.flow_rate_wei_per_second)), true,
                  Look::primary);
      c.it.button("mode.once_instead", c.t.buy_once_instead);
      c.it.button("stop_stream", c.t.stop).same_line = true;
      break;
    case StateName::streaming_stopped:
      c.it.text("stream_status",
                s.stream.end_reason == "liquidated" ? c.t.stream_stopped_liquidated : c.t.stream_stopped_user,
                s.stream.end_reason == "liquidated" ? Look::warning : Look::body);
      c.it.button("start_again", c.t.start_again, true, Look::primary);
      c.it.button("mode.once_instead", c.t.buy_once_instead).same_line = true;
      break;
    default: stream_setup_form(c);
  }
  notice_item(c);
}

void tx_line(Ctx& c) {
  const auto& p = c.s.payment;
  if (p.tx_hash.empty()) return;
  c.it.text("tx_hash", text(c.t.tx_hash, short_address(p.tx_hash)), Look::code);
  c.it.button("copy_tx", copy_label(c, "copy_tx", c.t.copy)).same_line = true;
  if (!chain_settings(c.s).explorer_url.empty()) {
    c.it.add("open_tx", c.t.view_on_explorer, Role::link, Look::body).same_line = true;
  }
  copy_refusal(c, "copy_tx");
}

void payment_view(Ctx& c, StateName name) {
  const auto& p = c.s.payment;
  account_header(c);
  if (name == StateName::payment_pending) {
    c.it.text("pending_title", p.kind == TxKind::one_time ? c.t.pending_title : c.t.stream_pending_title, Look::heading);
    const auto phase = p.phase;
    const auto mark = [&](bool done, bool now) { return std::string(done ? "✓ " : now ? "• " : "  "); };
    c.it.text("step.wallet", mark(phase != PaymentPhase::awaiting_wallet, phase == PaymentPhase::awaiting_wallet) + c.t.step_wallet);
    // With --confirmations N the backend waits for the block to be N deep: the step says how far.
    const bool deepening = phase == PaymentPhase::crediting && p.required_confirmations > 1;
    const std::string chain_step =
        deepening ? text(c.t.step_chain_depth, p.confirmations, p.required_confirmations) : c.t.step_chain;
    c.it.text("step.chain", mark(phase == PaymentPhase::crediting && !deepening, phase == PaymentPhase::on_chain || deepening) +
                                chain_step,
              phase == PaymentPhase::awaiting_wallet ? Look::muted : Look::body);
    c.it.text("step.credit", mark(false, phase == PaymentPhase::crediting) + c.t.step_credit,
              phase == PaymentPhase::crediting ? Look::body : Look::muted);
    if (p.backend_retrying) c.it.text("pay_retrying", c.t.pay_retrying, Look::warning);
    tx_line(c);
  } else if (name == StateName::payment_confirmed) {
    // The buttons come first: the balance below them is reloaded and may grow by a line, and
    // nothing should move under the pointer.
    c.it.text("confirmed", text(c.t.confirmed_title, c.f.credits(p.credited_micro_usd)), Look::success);
    c.it.button("nav.api_key", c.t.next_step_key, true, Look::primary);
    c.it.button("done", c.t.done);
    balance_block(c);
    tx_line(c);
  } else {
    c.it.text("failed", p.kind == TxKind::one_time ? c.t.failed_title : c.t.stream_change_failed, Look::error);
    if (!p.failure.empty()) c.it.text("failure", p.failure);
    if (!p.tx_hash.empty()) {
      c.it.text("failed_hash", text(c.t.failed_with_hash, short_address(p.tx_hash)));
      tx_line(c);
      c.it.button("check_again", c.t.check_again, true, Look::primary);
    } else {
      c.it.button("try_again", c.t.try_again, true, Look::primary);
    }
  }
  notice_item(c);
}

void backend_unavailable_view(Ctx& c) {
  account_header(c);
  c.it.text("backend_down", c.s.payment.tx_hash.empty() ? c.t.backend_down : c.t.backend_down_paid, Look::error);
  if (c.s.notice.kind != NoticeKind::none) c.it.text("backend_detail", c.s.notice.text, Look::muted);
  c.it.button("retry_backend", c.t.retry, true, Look::primary);
  ViewItem& pay = c.it.button("pay", c.t.pay, false, Look::secondary);
  pay.hint = c.t.pay_backend_down;  // the headline above says why; this says what happens next
}

// Under a page of `shown` rows from `offset` of `total`: "11–20 of 57", Previous and Next.
// ids: {"history_paging", "history.prev", "history.next"} and the like.
void paging_row(Ctx& c, const char* const (&ids)[3], uint64_t offset, size_t shown, uint64_t total, bool loading) {
  const uint64_t last = std::min(total, offset + shown);
  c.it.text(ids[0], text(c.t.history_paging, offset + 1, last, total), Look::muted);
  c.it.button(ids[1], c.t.history_prev, offset > 0 && !loading);
  c.it.button(ids[2], c.t.history_next, last < total && !loading).same_line = true;
}

void usage_view(Ctx& c, StateName name) {
  const auto& s = c.s;
  account_header(c);
  nav_tabs(c);
  balance_block(c);
  if (s.api_key.sign_in_needed && s.usage.count == 0 && s.usage.recent.empty()) {
    // The usage log answers only the account: a sign-in first (no transaction).
    c.it.text("read_sign_in", c.t.read_sign_in_text, Look::muted);
    c.it.button("sign_in_read", c.t.read_sign_in_usage, s.api_key.task == KeyTask::none, Look::primary);
    if (s.api_key.task != KeyTask::none) c.it.text("key_busy", c.t.key_busy, Look::muted);
    notice_item(c);
    return;
  }
  if (name == StateName::usage_empty) {
    c.it.text("usage_empty", c.t.usage_empty_text, Look::muted);
    c.it.text("usage_snippet_title", c.t.usage_snippet_title, Look::heading);
    api_key_card(c, false);
    c.it.text("usage_snippet", usage_snippet(s), Look::code);
    c.it.button("usage_snippet.copy", copy_label(c, "usage_snippet.copy", c.t.copy));
    copy_refusal(c, "usage_snippet.copy");
  } else {
    c.it.text("usage_title", c.t.usage_title, Look::heading);
    c.it.text("usage_count", text(c.t.usage_count, s.usage.count), Look::muted);
    for (size_t i = 0; i < s.usage.recent.size(); ++i) {
      const UsageEntry& u = s.usage.recent[i];
      const std::string when = format_date_time(c.t, u.at, c.s.utc_offset_min);
      c.it.text("usage." + fmt::to_string(i), text(c.t.usage_entry, when, u.model, c.f.credits(u.cost_micro_usd)),
                Look::code);
    }
    if (!s.usage.recent.empty()) {
      paging_row(c, {"usage_paging", "usage.prev", "usage.next"}, s.usage.offset, s.usage.recent.size(), s.usage.count,
                 s.usage.loading);
    }
  }
  c.it.button("refresh_usage", c.t.refresh);
  notice_item(c);
}

// A row of filter chips: the selected one is the filter the page was loaded with.
template <typename E, size_t N>
void filter_row(Ctx& c, const std::pair<const char*, const char*> (&chips)[N], const E (&values)[N], E current) {
  for (size_t i = 0; i < N; ++i) {
    ViewItem& chip = c.it.add(chips[i].first, chips[i].second, Role::button, Look::tab);
    chip.selected = values[i] == current;
    chip.same_line = i > 0;
  }
}

const char* kind_label(const Strings& t, const std::string& source) {
  if (source == "deposit") return t.history_kind_once;
  return source == "streamUpdate" ? t.history_kind_update : t.history_kind_stream_credit;
}

const char* status_label(const Strings& t, const std::string& status) {
  if (status == "funded") return t.history_status_credited;
  return status == "pending" ? t.history_status_pending : t.history_status_failed;
}

// What an empty page says, in words for its filters.
std::string history_empty_text(const Strings& t, const HistoryFacet& h) {
  const char* what = h.kind == HistoryKind::once     ? t.history_plural_once
                     : h.kind == HistoryKind::stream ? t.history_plural_stream
                                                     : t.history_plural_all;
  const int days = period_days(h.period);
  if (h.status == HistoryStatus::all) {
    if (days > 0) return text(t.history_none_recent, what, days);
    return h.kind == HistoryKind::all ? std::string(t.history_none) : text(t.history_none_kind, what);
  }
  const char* status = h.status == HistoryStatus::credited  ? t.history_status_credited
                       : h.status == HistoryStatus::pending ? t.history_status_pending
                                                            : t.history_status_failed;
  return days > 0 ? text(t.history_none_filtered_recent, what, status, days) : text(t.history_none_filtered, what, status);
}

// Totals over the whole account (the profile), not over the loaded rows.
void totals_card(Ctx& c) {
  const auto& s = c.s;
  if (!s.credits.known) return;
  const CreditsFacet& k = s.credits;
  c.it.text("totals_title", c.t.totals_title, Look::heading);
  c.it.text("totals.g", text(c.t.totals_g, c.f.g(k.paid_once_wei), c.f.g(s.stream.streamed_wei)), Look::muted);
  c.it.text("totals.credits", text(c.t.totals_credits, c.f.credits(k.bought_micro_usd), c.f.credits(k.bonus_micro_usd)),
            Look::muted);
  c.it.text("totals.balance",
            text(c.t.totals_balance, c.f.credits(k.used_micro_usd), c.f.credits(k.remaining_micro_usd)), Look::muted);
}

void history_rows(Ctx& c);  // one page of entries, then the paging

void history_view(Ctx& c) {
  const HistoryFacet& h = c.s.history;
  account_header(c);
  nav_tabs(c);
  c.it.text("history_title", c.t.history_title, Look::heading);
  filter_row(c, {{"history.kind.all", c.t.history_filter_all}, {"history.kind.once", c.t.history_filter_once},
                 {"history.kind.stream", c.t.history_filter_stream}},
             {HistoryKind::all, HistoryKind::once, HistoryKind::stream}, h.kind);
  filter_row(c, {{"history.status.all", c.t.history_filter_any_status}, {"history.status.credited", c.t.history_status_credited},
                 {"history.status.pending", c.t.history_status_pending}, {"history.status.failed", c.t.history_status_failed}},
             {HistoryStatus::all, HistoryStatus::credited, HistoryStatus::pending, HistoryStatus::failed}, h.status);
  filter_row(c, {{"history.period.all", c.t.history_period_any}, {"history.period.7", c.t.history_period_7},
                 {"history.period.30", c.t.history_period_30}, {"history.period.90", c.t.history_period_90}},
             {HistoryPeriod::all, HistoryPeriod::days7, HistoryPeriod::days30, HistoryPeriod::days90}, h.period);
  if (!h.failure.empty()) {
    c.it.text("history_failed", text(c.t.history_failed, h.failure), Look::error);
    c.it.button("history.retry", c.t.retry, !h.loading, Look::primary);
  } else if (!h.loaded) {
    c.it.text("history_loading", c.t.history_loading, Look::muted);
  } else if (h.items.empty()) {
    c.it.text("history_empty", history_empty_text(c.t, h), Look::muted);
  } else {
    history_rows(c);
  }
  totals_card(c);
}

// Each entry: time and kind; G$, credits and status; its transaction with Copy and the explorer.
void history_rows(Ctx& c) {
  const HistoryFacet& h = c.s.history;
  const bool explorer = !chain_settings(c.s).explorer_url.empty();
  for (size_t i = 0; i < h.items.size(); ++i) {
    const HistoryEntry& e = h.items[i];
    const std::string row = "history.row." + fmt::to_string(i);
    c.it.text(row, format_date_time(c.t, e.created_at, c.s.utc_offset_min) + " • " + kind_label(c.t, e.source));
    const std::string credits = e.bonus_micro_usd ? text(c.t.history_credits_bonus, c.f.credits(e.principal_micro_usd + e.bonus_micro_usd),
                                                         c.f.credits(e.bonus_micro_usd))
                                                  : text(c.t.history_credits, c.f.credits(e.principal_micro_usd));
    c.it.text(row + ".detail", text(c.t.history_detail, c.f.g(e.gd_wei), credits, status_label(c.t, e.status)),
              Look::muted);
    if (e.tx_hash.empty()) continue;
    const std::string copy = row + ".copy";
    c.it.text(row + ".tx", short_address(e.tx_hash), Look::code);
    c.it.button(copy, copy_label(c, copy.c_str(), c.t.copy)).same_line = true;
    if (explorer) c.it.add(row + ".explorer", c.t.view_on_explorer, Role::link, Look::body).same_line = true;
    copy_refusal(c, copy.c_str());
  }
  paging_row(c, {"history_paging", "history.prev", "history.next"}, h.offset, h.items.size(), h.total, h.loading);
}

void disconnected_view(Ctx& c) {
  const auto& s = c.s;
  c.it.text("intro", c.t.intro);
  if (!s.config_error.empty()) {
    c.it.text("config_error", text(c.t.config_error, s.config_error), Look::error);
    return;
  }
  if (s.wallet.phase == WalletPhase::no_wallet) {
    c.it.text("no_wallet", c.t.no_wallet, Look::warning);
    return;
  }
  const bool connecting = s.wallet.phase == WalletPhase::connecting;
  c.it.button("connect", connecting ? c.t.connecting : c.t.connect, s.wallet.phase == WalletPhase::disconnected,
              Look::primary);
  notice_item(c);
}

void unsupported_chain_view(Ctx& c) {
  account_header(c);
  const std::string name = chain_settings(c.s).name;
  c.it.text("wrong_chain", text(c.t.wrong_chain, c.s.wallet.chain_id, name), Look::warning);
  const bool switching = c.s.wallet.switching_chain;
  c.it.button("switch_chain", switching ? c.t.confirm_in_wallet : text(c.t.switch_to, name),
              !switching, Look::primary);
  notice_item(c);
}

}  // namespace

std::string short_address(const std::string& a) {
  if (a.size() <= 12) return a;
  return a.substr(0, 6) + "…" + a.substr(a.size() - 4);
}

ViewModel build_view_model(const State& s) {
  ViewModel vm;
  vm.state = derive_state_name(s);
  const Strings& t = strings_for(s.config.locale);
  Items it{vm.items};
  Ctx c{s, t, Fmt{t.decimal_sep, t.group_sep}, it};
  it.text("title", t.title, Look::heading);
  switch (vm.state) {
    case StateName::disconnected: disconnected_view(c); break;
    case StateName::unsupported_chain: unsupported_chain_view(c); break;
    case StateName::payment_pending:
    case StateName::payment_confirmed:
    case StateName::payment_failed: payment_view(c, vm.state); break;
    case StateName::backend_unavailable: backend_unavailable_view(c); break;
    case StateName::usage_empty:
    case StateName::usage_active: usage_view(c, vm.state); break;
    case StateName::streaming_setup:
    case StateName::streaming_active:
    case StateName::streaming_paused:
    case StateName::streaming_stopped: stream_view(c, vm.state); break;
    case StateName::connected_empty:
    case StateName::quote_ready:
    case StateName::insufficient_g_balance:
    case StateName::has_credits:
    case StateName::insufficient_ai_credits:
      if (s.view == View::api_key) {
        api_key_view(c);
      } else if (s.view == View::history) {
        history_view(c);
      } else {
        buy_view(c, vm.state);
      }
      break;
  }
  vm.busy = s.wallet.phase == WalletPhase::connecting || s.wallet.balance_loading || s.wallet.switching_chain ||
            vm.state == StateName::payment_pending || s.api_key.task != KeyTask::none ||
            (s.view == View::history && s.history.loading);
  vm.wants_ticker = vm.state == StateName::streaming_active;
  return vm;
}

}  // namespace acw
