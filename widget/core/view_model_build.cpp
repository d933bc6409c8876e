#include "view_model_build.h"

#include "derive.h"
#include "quote.h"
#include "strings.h"

namespace acw {

namespace {

constexpr char kGroup = ',';

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
  ViewItem& input(std::string id, std::string value, std::string hint) {
    ViewItem& i = add(std::move(id), "", Role::input, Look::body);
    i.value = std::move(value);
    i.hint = std::move(hint);
    return i;
  }
};

std::string g_amount(uint128 wei, const State& s) {
  return format_units(wei, kGDecimals, 2, decimal_separator(s.config.locale), kGroup);
}
std::string g_amount_exact(uint128 wei, const State& s) {
  return format_units(wei, kGDecimals, kGDecimals, decimal_separator(s.config.locale), kGroup);
}
// Credits from micro-USD: 1 credit = 10,000 micro-USD, shown floored to 2 decimals.
std::string credits(uint128 micro_usd, const State& s) {
  return format_units(micro_usd, 4, 2, decimal_separator(s.config.locale), kGroup);
}
std::string usd(uint128 micro_usd, const State& s) {
  return format_units(micro_usd, 6, 2, decimal_separator(s.config.locale), kGroup);
}

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

void notice_item(Items& it, const State& s, const Strings& t) {
  if (s.notice.kind == NoticeKind::none) return;
  it.text("notice", s.notice.text, s.notice.kind == NoticeKind::error ? Look::error : Look::warning);
  (void)t;
}

void account_header(Items& it, const State& s, const Strings& t) {
  it.text("account", text(t.account, short_address(s.wallet.account)), Look::muted);
  it.button("disconnect", t.disconnect).same_line = true;
}

void disconnected_view(Items& it, const State& s, const Strings& t) {
  it.text("intro", t.intro);
  if (!s.config_error.empty()) {
    it.text("config_error", text(t.config_error, s.config_error), Look::error);
    return;
  }
  if (s.wallet.phase == WalletPhase::no_wallet) {
    it.text("no_wallet", t.no_wallet, Look::warning);
    return;
  }
  const bool connecting = s.wallet.phase == WalletPhase::connecting;
  const bool ready = s.wallet.phase == WalletPhase::disconnected;
  it.button("connect", connecting ? t.connecting : t.connect, ready, Look::primary);
  notice_item(it, s, t);
}

void unsupported_chain_view(Items& it, const State& s, const Strings& t) {
  account_header(it, s, t);
  it.text("wrong_chain", text(t.wrong_chain, s.wallet.chain_id, s.config.chain_name), Look::warning);
  const bool switching = s.wallet.switching_chain;
  it.button("switch_chain", switching ? t.confirm_in_wallet : text(t.switch_to, s.config.chain_name),
            !switching, Look::primary);
  notice_item(it, s, t);
}

void balance_block(Items& it, const State& s, const Strings& t) {
  it.text("balance_label", t.balance_label, Look::muted);
  if (s.wallet.balance_wei) {
    it.text("balance", g_amount(*s.wallet.balance_wei, s) + " " + s.config.token_symbol, Look::value);
  } else if (s.wallet.balance_loading) {
    it.text("balance", t.loading, Look::value);
  } else {
    it.text("balance", "—", Look::value);
    it.button("retry_balance", t.retry);
  }
  if (s.credits.known) {
    it.text("credits", text(t.credits_value, credits(s.credits.remaining_micro_usd, s),
                             usd(s.credits.remaining_micro_usd, s)));
  }
}

void mode_tabs(Items& it, const State& s, const Strings& t) {
  ViewItem& once = it.add("mode.once", t.mode_once, Role::button, Look::tab);
  once.selected = s.view != View::stream;
  ViewItem& stream = it.add("mode.stream", t.mode_stream, Role::button, Look::tab);
  stream.selected = s.view == View::stream;
  stream.same_line = true;
}

void buy_view(Items& it, const State& s, const Strings& t, StateName name) {
  account_header(it, s, t);
  balance_block(it, s, t);
  if (name == StateName::insufficient_ai_credits) it.text("out_of_credits", t.out_of_credits, Look::warning);
  mode_tabs(it, s, t);
  const char sep = decimal_separator(s.config.locale);
  it.input("amount", s.purchase.amount_text, t.amount_hint);

  const BuyQuote q = buy_quote(s);
  std::string why_disabled;
  if (!q.amount.wei) {
    std::string err = amount_error_text(t, q.amount.error, sep);
    if (!err.empty()) it.text("amount_error", err, Look::error);
    why_disabled = err.empty() ? t.pay_needs_amount : err;
  } else {
    if (q.priced) {
      it.text("quote", text(t.quote_line, g_amount_exact(*q.amount.wei, s),
                            credits(q.principal_micro_usd, s)));
      if (q.bonus_micro_usd > 0) it.text("bonus", text(t.quote_bonus, credits(q.bonus_micro_usd, s)), Look::success);
      it.text("usd", text(t.quote_usd, usd(q.principal_micro_usd, s)), Look::muted);
    }
    if (q.below_minimum && q.minimum_wei) {
      it.text("minimum", text(t.minimum, usd(s.backend.min_first_deposit_micro_usd, s),
                              g_amount(*q.minimum_wei, s)), Look::warning);
    }
    if (q.exceeds_balance && s.wallet.balance_wei) {
      const uint128 need = q.below_minimum && q.minimum_wei ? *q.minimum_wei : *q.amount.wei;
      it.text("need_more_g", text(t.need_more_g, g_amount(*s.wallet.balance_wei, s), g_amount(need, s)),
              Look::warning);
      it.add("get_g", t.get_g, Role::link, Look::body);
    }
    if (!q.priced) why_disabled = t.pay_needs_backend;
    else if (q.exceeds_balance) why_disabled = text(t.need_more_g, g_amount(*s.wallet.balance_wei, s), g_amount(*q.amount.wei, s));
  }
  ViewItem& pay = it.button("pay", t.pay, why_disabled.empty() && !q.below_minimum, Look::primary);
  pay.hint = why_disabled;
  notice_item(it, s, t);
}

void stream_view(Items& it, const State& s, const Strings& t, StateName name) {
  account_header(it, s, t);
  balance_block(it, s, t);
  mode_tabs(it, s, t);
  switch (name) {
    case StateName::streaming_active:
      it.text("stream_status", text(t.stream_active, to_decimal(s.stream.flow_rate_wei_per_second)), Look::success);
      break;
    case StateName::streaming_paused:
      it.text("stream_status", t.stream_paused, Look::warning);
      it.button("buy_once_instead", t.buy_once_instead);
      break;
    case StateName::streaming_stopped:
      it.text("stream_status", s.stream.end_reason == "liquidated" ? t.stream_stopped_liquidated
                                                                   : t.stream_stopped_user,
              Look::warning);
      it.button("buy_once_instead", t.buy_once_instead);
      break;
    default: {
      it.text("stream_beta", t.stream_beta, Look::muted);
      const char sep = decimal_separator(s.config.locale);
      it.input("monthly_amount", s.purchase.monthly_amount_text, t.monthly_hint);
      AmountParse monthly = parse_amount_input(s.purchase.monthly_amount_text, sep);
      if (monthly.wei) {
        it.text("flow_rate", text(t.flow_rate, to_decimal(flow_rate_per_second(*monthly.wei))), Look::muted);
      } else {
        std::string err = amount_error_text(t, monthly.error, sep);
        if (!err.empty()) it.text("amount_error", err, Look::error);
      }
      it.button("start_stream", t.start_stream, false, Look::primary).hint = t.stream_needs_backend;
    }
  }
  notice_item(it, s, t);
}

void payment_view(Items& it, const State& s, const Strings& t, StateName name) {
  account_header(it, s, t);
  if (name == StateName::payment_pending) {
    it.text("pending_title", t.pending_title, Look::heading);
    const auto phase = s.payment.phase;
    it.text("step.wallet", std::string(phase == PaymentPhase::awaiting_wallet ? "• " : "✓ ") + t.step_wallet);
    it.text("step.chain", std::string(phase == PaymentPhase::on_chain ? "• " : phase == PaymentPhase::crediting ? "✓ " : "  ") + t.step_chain,
            phase == PaymentPhase::awaiting_wallet ? Look::muted : Look::body);
    it.text("step.credit", std::string(phase == PaymentPhase::crediting ? "• " : "  ") + t.step_credit,
            phase == PaymentPhase::crediting ? Look::body : Look::muted);
  } else if (name == StateName::payment_confirmed) {
    it.text("confirmed", text(t.confirmed_title, credits(s.payment.credited_micro_usd, s)), Look::success);
    balance_block(it, s, t);
  } else {
    it.text("failed", t.failed_title, Look::error);
    if (!s.payment.failure.empty()) it.text("failure", s.payment.failure);
    if (!s.payment.tx_hash.empty()) {
      it.text("failed_hash", text(t.failed_with_hash, short_address(s.payment.tx_hash)));
      it.button("check_again", t.check_again, true, Look::primary);
    } else {
      it.button("try_again", t.try_again, true, Look::primary);
    }
  }
  if (!s.payment.tx_hash.empty()) {
    it.text("tx_hash", text(t.tx_hash, short_address(s.payment.tx_hash)), Look::code);
    it.button("copy_tx", t.copy).same_line = true;
  }
  notice_item(it, s, t);
}

void backend_unavailable_view(Items& it, const State& s, const Strings& t) {
  account_header(it, s, t);
  it.text("backend_down", s.payment.tx_hash.empty() ? t.backend_down : t.backend_down_paid, Look::error);
  it.button("retry_backend", t.retry, true, Look::primary);
  ViewItem& pay = it.button("pay", t.pay, false, Look::secondary);
  pay.hint = t.backend_down;
}

void usage_view(Items& it, const State& s, const Strings& t, StateName name) {
  account_header(it, s, t);
  balance_block(it, s, t);
  it.text("usage_title", t.usage_title, Look::heading);
  if (name == StateName::usage_empty) {
    it.text("usage_empty", t.usage_empty_text, Look::muted);
  } else {
    it.text("usage_count", text(t.usage_count, s.usage.count));
  }
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
  it.text("title", t.title, Look::heading);
  switch (vm.state) {
    case StateName::disconnected: disconnected_view(it, s, t); break;
    case StateName::unsupported_chain: unsupported_chain_view(it, s, t); break;
    case StateName::payment_pending:
    case StateName::payment_confirmed:
    case StateName::payment_failed: payment_view(it, s, t, vm.state); break;
    case StateName::backend_unavailable: backend_unavailable_view(it, s, t); break;
    case StateName::usage_empty:
    case StateName::usage_active: usage_view(it, s, t, vm.state); break;
    case StateName::streaming_setup:
    case StateName::streaming_active:
    case StateName::streaming_paused:
    case StateName::streaming_stopped: stream_view(it, s, t, vm.state); break;
    case StateName::connected_empty:
    case StateName::quote_ready:
    case StateName::insufficient_g_balance:
    case StateName::has_credits:
    case StateName::insufficient_ai_credits: buy_view(it, s, t, vm.state); break;
  }
  vm.busy = s.wallet.phase == WalletPhase::connecting || s.wallet.balance_loading ||
            s.wallet.switching_chain || vm.state == StateName::payment_pending;
  vm.wants_ticker = vm.state == StateName::streaming_active;
  return vm;
}

}  // namespace acw
