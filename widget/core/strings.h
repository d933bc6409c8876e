// Every user-facing text, one table per locale (strings_en.cpp, strings_es.cpp), formatted
// with fmt: placeholders are positional, {0}, {1}.
//
// ACW_STRING_TEMPLATES lists each template with the number of arguments its callers pass, so
// that a test can format every template of every locale (strings_test.cpp): fmt without
// exceptions cannot report a template that asks for a missing argument, it aborts.
#pragma once
#include <string>

#include <fmt/core.h>

namespace acw {

#define ACW_STRING_TEMPLATES(X) \
  /* disconnected */                                                                  \
  X(title, 0)                                                                         \
  X(intro, 0)                                                                         \
  X(connect, 0)                                                                       \
  X(connecting, 0)                                                                    \
  X(no_wallet, 0)                                                                     \
  /* wallet errors */                                                                 \
  X(err_rejected, 0)               /* 4001 */                                         \
  X(err_pending, 0)                /* -32002 */                                       \
  X(err_unauthorized, 0)           /* 4100 */                                         \
  X(err_unsupported, 0)            /* 4200 */                                         \
  X(err_disconnected, 0)           /* 4900 / 4901 */                                  \
  X(err_generic, 2)                /* {0}=message {1}=code */                         \
  X(err_bad_answer, 1)             /* {0}=detail */                                   \
  X(no_account_shared, 0)                                                             \
  X(balance_failed, 1)             /* {0}=reason */                                   \
  X(add_chain_manually, 1)         /* {0}=chain */                                    \
  X(config_error, 1)               /* {0}=detail */                                   \
  /* unsupported_chain */                                                             \
  X(wrong_chain, 2)                /* {0}=current {1}=wanted */                       \
  X(switch_to, 1)                  /* {0}=chain */                                    \
  X(confirm_in_wallet, 0)                                                             \
  /* connected */                                                                     \
  X(account, 1)                    /* {0}=address */                                  \
  X(disconnect, 0)                                                                    \
  X(balance_label, 0)                                                                 \
  X(loading, 0)                                                                       \
  X(retry, 0)                                                                         \
  X(mode_once, 0)                                                                     \
  X(mode_stream, 0)                                                                   \
  X(amount_hint, 0)                                                                   \
  X(amount_name, 0)                /* the amount field's accessible name */           \
  X(pay, 0)                                                                           \
  X(pay_needs_amount, 0)                                                              \
  X(pay_needs_backend, 0)                                                             \
  X(quote_line, 3)                 /* {0}=amount {1}=credits {2}=usd */               \
  X(quote_bonus, 4)                /* {0}=amount {1}=credits {2}=bonus {3}=usd */     \
  X(minimum, 2)                    /* {0}=usd {1}=amount */                           \
  X(need_more_g, 2)                /* {0}=have {1}=need */                            \
  X(get_g, 0)                                                                         \
  /* amount errors */                                                                 \
  X(amount_negative, 0)                                                               \
  X(amount_exponent, 0)                                                               \
  X(amount_grouping, 1)            /* {0}=sep */                                      \
  X(amount_wrong_sep, 1)           /* {0}=sep */                                      \
  X(amount_multiple_sep, 0)                                                           \
  X(amount_too_many_decimals, 0)                                                      \
  X(amount_not_a_number, 1)        /* {0}=sep */                                      \
  X(amount_too_large, 0)                                                              \
  /* stream */                                                                        \
  X(monthly_hint, 0)                                                                  \
  X(monthly_name, 0)               /* the monthly amount field's accessible name */   \
  X(stream_beta, 0)                                                                   \
  X(start_stream, 0)                                                                  \
  X(stream_needs_backend, 0)                                                          \
  /* credits, payments and the service */                                             \
  X(credits_value, 2)              /* {0}=credits {1}=usd */                          \
  X(pending_title, 0)                                                                 \
  X(step_wallet, 0)                                                                   \
  X(step_chain, 0)                                                                    \
  X(step_credit, 0)                                                                   \
  X(tx_hash, 1)                    /* {0}=hash */                                     \
  X(copy, 0)                                                                          \
  X(view_on_explorer, 0)                                                              \
  X(confirmed_title, 1)            /* {0}=credits */                                  \
  X(failed_title, 0)                                                                  \
  X(failed_with_hash, 1)           /* {0}=hash */                                     \
  X(try_again, 0)                                                                     \
  X(check_again, 0)                                                                   \
  X(backend_down, 0)                                                                  \
  X(backend_down_paid, 0)                                                             \
  X(out_of_credits, 0)                                                                \
  X(usage_title, 0)                                                                   \
  X(usage_empty_text, 0)                                                              \
  X(usage_count, 1)                /* {0}=count */                                    \
  X(stream_paused, 0)                                                                 \
  X(stream_stopped_user, 0)                                                           \
  X(stream_stopped_liquidated, 0)                                                     \
  X(buy_once_instead, 0)                                                              \
  /* backend and payments */                                                          \
  X(backend_error_detail, 1)       /* {0}=detail */                                   \
  X(mismatch_chain, 2)             /* {0}=backend chain {1}=widget chain */           \
  X(mismatch_token, 0)                                                                \
  X(mismatch_missing, 0)                                                              \
  X(pay_rejected, 0)                                                                  \
  X(pay_reverted, 1)               /* {0}=hash */                                     \
  X(pay_not_found, 0)                                                                 \
  X(pay_credit_refused, 1)         /* {0}=detail */                                   \
  X(pay_retrying, 0)                                                                  \
  X(done, 0)                                                                          \
  /* API keys */                                                                      \
  X(nav_buy, 0)                                                                       \
  X(nav_api_key, 0)                                                                   \
  X(nav_usage, 0)                                                                     \
  X(key_title, 0)                                                                     \
  X(key_none, 0)                                                                      \
  X(key_create, 0)                                                                    \
  X(key_revoke, 0)                                                                    \
  X(key_rotate, 0)                                                                    \
  X(key_masked, 2)                 /* {0}=prefix {1}=created */                       \
  X(key_new_warning, 0)                                                               \
  X(key_copy, 0)                                                                      \
  X(key_hide, 0)                                                                      \
  X(key_busy, 0)                                                                      \
  X(key_failed, 1)                 /* {0}=detail */                                   \
  X(usage_snippet_title, 0)                                                           \
  X(usage_entry, 3)                /* {0}=time {1}=model {2}=credits */               \
  X(refresh, 0)                                                                       \
  X(pay_zero, 0)                                                                      \
  X(pay_loading, 0)                                                                   \
  X(pay_busy, 0)                                                                      \
  X(balance_unknown, 0)                                                               \
  X(next_step_key, 0)                                                                 \
  /* streams */                                                                       \
  X(stream_quote, 5)    /* {0}=monthly G$ {1}=daily G$ {2}=credits {3}=bonus {4}=usd */ \
  X(stream_buffer, 1)              /* {0}=buffer G$ */                                \
  X(stream_buffer_loading, 0)                                                         \
  X(stream_minimum, 1)             /* {0}=usd */                                      \
  X(stream_need_buffer, 2)         /* {0}=balance {1}=buffer */                       \
  X(update_stream, 0)                                                                 \
  X(cancel, 0)                                                                        \
  X(stream_running, 1)             /* {0}=monthly G$ */                               \
  X(stream_accrued, 2)             /* {0}=G$ {1}=credits */                           \
  X(stream_runway, 1)              /* {0}=duration */                                 \
  X(stream_runway_low, 1)          /* {0}=duration */                                 \
  X(stream_runway_critical, 1)     /* {0}=duration */                                 \
  X(change_rate, 0)                                                                   \
  X(pause, 0)                                                                         \
  X(stop, 0)                                                                          \
  X(resume_at, 1)                  /* {0}=monthly G$ */                               \
  X(start_again, 0)                                                                   \
  X(duration_days, 2)              /* {0}=days {1}=hours */                           \
  X(duration_hours, 2)             /* {0}=hours {1}=minutes */                        \
  X(duration_minutes, 1)           /* {0}=minutes */                                  \
  X(stream_change_failed, 0)                                                          \
  X(stream_pending_title, 0)                                                          \
  X(chain_unnamed, 1)              /* {0}=chain id: no name configured anywhere */    \
  X(pay_backend_down, 0)           /* the disabled Buy button under backend_down */   \
  X(balance_updating, 0)           /* a balance being re-read after a change */       \
  X(copied, 0)                     /* a Copy button, for a moment after it copied */  \
  X(copy_refused, 0)               /* the browser refused clipboard access */         \
  /* history */                                                                       \
  X(nav_history, 0)                                                                   \
  X(history_title, 0)                                                                 \
  X(history_filter_all, 0)                                                            \
  X(history_filter_once, 0)                                                           \
  X(history_filter_stream, 0)                                                         \
  X(history_filter_any_status, 0)                                                     \
  X(history_status_credited, 0)                                                       \
  X(history_status_pending, 0)                                                        \
  X(history_status_failed, 0)                                                         \
  X(history_kind_once, 0)                                                             \
  X(history_kind_update, 0)                                                           \
  X(history_kind_stream_credit, 0)                                                    \
  X(history_plural_all, 0)                                                            \
  X(history_plural_once, 0)                                                           \
  X(history_plural_stream, 0)                                                         \
  X(history_none, 0)                                                                  \
  X(history_none_kind, 1)          /* {0}=what (plural) */                            \
  X(history_none_filtered, 2)      /* {0}=what (plural) {1}=status */                 \
  X(history_loading, 0)                                                               \
  X(history_failed, 1)             /* {0}=reason */                                   \
  X(history_credits, 1)            /* {0}=credits */                                  \
  X(history_credits_bonus, 2)      /* {0}=credits {1}=of which bonus */               \
  X(history_detail, 3)             /* {0}=G$ {1}=credits text {2}=status */           \
  X(history_paging, 3)             /* {0}=first {1}=last {2}=total */                 \
  X(history_prev, 0)                                                                  \
  X(history_next, 0)                                                                  \
  X(totals_title, 0)                                                                  \
  X(totals_g, 2)                   /* {0}=G$ paid once {1}=G$ streamed */             \
  X(totals_credits, 2)             /* {0}=credits bought {1}=bonus credits */         \
  X(totals_balance, 2)             /* {0}=credits used {1}=credits remaining */       \
  X(step_chain_depth, 2)           /* {0} blocks of {1} needed */                     \
  X(read_sign_in_text, 0)          /* the usage log and key list need a sign-in */     \
  X(read_sign_in_usage, 0)                                                            \
  X(read_sign_in_keys, 0)                                                             \
  X(history_period_any, 0)                                                            \
  X(history_period_7, 0)                                                              \
  X(history_period_30, 0)                                                             \
  X(history_period_90, 0)                                                             \
  X(history_none_recent, 2)        /* {0}=what (plural) {1}=days */                   \
  X(history_none_filtered_recent, 3) /* {0}=what (plural) {1}=status {2}=days */      \
  /* end */

struct Strings {
#define ACW_STRING_FIELD(name, arguments) const char* name;
  ACW_STRING_TEMPLATES(ACW_STRING_FIELD)
#undef ACW_STRING_FIELD
  // number and date conventions
  char decimal_sep;
  char group_sep;
  const char* date_pattern;        // {0}=year {1}=month {2}=day {3}=hour {4}=minute (integers: {1:02})

  // The text for an EIP-1193 error: the known codes in plain words, others with their code.
  std::string wallet_error(int code, const std::string& message) const;
};

const Strings& strings_for(const std::string& locale);

// An ISO-8601 UTC time from the backend in the locale's date pattern (to the minute), moved by
// the page's offset from UTC (minutes; the start event's tzOffsetMin) to local time.
std::string format_date_time(const Strings& t, const std::string& iso, int utc_offset_min);

// A template of the tables with its {0}…{9} filled from strings and whole numbers, by fmt.
// One non-template function does the formatting, so the wasm holds fmt's code once.
std::string format_template(const char* templ, fmt::format_args args);
template <typename... Args>
std::string text(const char* templ, const Args&... args) {
  return format_template(templ, fmt::make_format_args(args...));
}

}  // namespace acw
