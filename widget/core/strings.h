// Every user-facing text, one table per locale. Placeholders are positional: {0}, {1}.
#pragma once
#include <string>

namespace acw {

struct Strings {
  // disconnected
  const char* title;
  const char* intro;
  const char* connect;
  const char* connecting;
  const char* no_wallet;
  // wallet errors
  const char* err_rejected;        // 4001
  const char* err_pending;         // -32002
  const char* err_unauthorized;    // 4100
  const char* err_unsupported;     // 4200
  const char* err_disconnected;    // 4900 / 4901
  const char* err_generic;         // {0}=message {1}=code
  const char* err_bad_answer;      // {0}=detail
  const char* no_account_shared;
  const char* balance_failed;      // {0}=reason
  const char* add_chain_manually;  // {0}=chain
  const char* config_error;        // {0}=detail
  // unsupported_chain
  const char* wrong_chain;         // {0}=current {1}=wanted
  const char* switch_to;           // {0}=chain
  const char* confirm_in_wallet;
  // connected
  const char* account;             // {0}=address
  const char* disconnect;
  const char* balance_label;
  const char* loading;
  const char* retry;
  const char* dismiss;
  const char* mode_once;
  const char* mode_stream;
  const char* amount_hint;
  const char* amount_name;         // the amount field's accessible name
  const char* pay;
  const char* pay_needs_amount;
  const char* pay_needs_backend;
  const char* quote_line;          // {0}=amount {1}=credits {2}=usd
  const char* quote_bonus;         // {0}=amount {1}=credits {2}=bonus {3}=usd
  const char* quote_usd;           // {0}=usd
  const char* minimum;             // {0}=usd {1}=amount
  const char* need_more_g;         // {0}=have {1}=need
  const char* get_g;
  // amount errors
  const char* amount_negative;
  const char* amount_exponent;
  const char* amount_grouping;     // {0}=sep
  const char* amount_wrong_sep;    // {0}=sep
  const char* amount_multiple_sep;
  const char* amount_too_many_decimals;
  const char* amount_not_a_number; // {0}=sep
  const char* amount_too_large;
  // stream
  const char* monthly_hint;
  const char* monthly_name;        // the monthly amount field's accessible name
  const char* flow_rate;           // {0}=rate
  const char* stream_beta;
  const char* start_stream;
  const char* stream_needs_backend;
  // credits, payments and the service
  const char* credits_label;
  const char* credits_value;       // {0}=credits {1}=usd
  const char* pending_title;
  const char* step_wallet;
  const char* step_chain;
  const char* step_credit;
  const char* tx_hash;             // {0}=hash
  const char* copy;
  const char* view_on_explorer;
  const char* confirmed_title;     // {0}=credits
  const char* failed_title;
  const char* failed_with_hash;    // {0}=hash
  const char* try_again;
  const char* check_again;
  const char* backend_down;
  const char* backend_down_paid;
  const char* out_of_credits;
  const char* top_up;
  const char* usage_title;
  const char* usage_empty_text;
  const char* usage_count;         // {0}=count
  const char* stream_active;       // {0}=rate
  const char* stream_paused;
  const char* stream_stopped_user;
  const char* stream_stopped_liquidated;
  const char* buy_once_instead;
  // backend and payments
  const char* backend_error_detail;  // {0}=detail
  const char* mismatch_chain;        // {0}=backend chain {1}=widget chain
  const char* mismatch_token;
  const char* mismatch_missing;
  const char* pay_rejected;
  const char* pay_reverted;          // {0}=hash
  const char* pay_not_found;
  const char* pay_credit_refused;    // {0}=detail
  const char* pay_retrying;
  const char* done;
  // API keys
  const char* nav_buy;
  const char* nav_api_key;
  const char* nav_usage;
  const char* key_title;
  const char* key_none;
  const char* key_create;
  const char* key_revoke;
  const char* key_rotate;
  const char* key_masked;            // {0}=prefix {1}=created
  const char* key_new_warning;
  const char* key_copy;
  const char* key_hide;
  const char* key_busy;
  const char* key_failed;            // {0}=detail
  const char* usage_snippet_title;
  const char* usage_entry;           // {0}=time {1}=model {2}=credits
  const char* refresh;
  const char* pay_zero;
  const char* pay_loading;
  const char* pay_busy;
  const char* balance_unknown;
  const char* next_step_key;
  const char* explorer_missing;
  // streams
  const char* stream_quote;        // {0}=monthly G$ {1}=credits {2}=bonus {3}=usd
  const char* stream_rate;         // {0}=wei per second
  const char* stream_buffer;       // {0}=buffer G$
  const char* stream_buffer_loading;
  const char* stream_minimum;      // {0}=usd
  const char* stream_need_buffer;  // {0}=balance {1}=buffer
  const char* update_stream;
  const char* cancel;
  const char* stream_running;      // {0}=monthly G$
  const char* stream_accrued;      // {0}=G$ {1}=credits
  const char* stream_runway;       // {0}=duration
  const char* stream_runway_low;   // {0}=duration
  const char* stream_runway_critical;  // {0}=duration
  const char* change_rate;
  const char* pause;
  const char* stop;
  const char* resume_at;           // {0}=monthly G$
  const char* start_again;
  const char* duration_days;       // {0}=days {1}=hours
  const char* duration_hours;      // {0}=hours {1}=minutes
  const char* duration_minutes;    // {0}=minutes
  const char* stream_change_failed;
  const char* stream_pending_title;
  // number and date conventions
  char decimal_sep;
  char group_sep;
  const char* date_pattern;        // {0}=year {1}=month {2}=day {3}=hour {4}=minute

  // The text for an EIP-1193 error: the known codes in plain words, others with their code.
  std::string wallet_error(int code, const std::string& message) const;
};

const Strings& strings_for(const std::string& locale);

// An ISO-8601 time from the backend in the locale's date pattern (minutes, as given: UTC).
std::string format_date_time(const Strings& t, const std::string& iso);

}  // namespace acw

#include "strings_format.h"
