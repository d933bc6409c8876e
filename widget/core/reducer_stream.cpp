// Streaming G$ for credits through Superfluid's CFAv1Forwarder: read the flow on connect,
// set up (monthly amount → rate, with the buffer the protocol locks), start, change rate,
// pause (delete, rate remembered), resume, stop. Every change is one transaction that goes
// through the same pending → recorded pipeline as a one-time payment.
#include "abi.h"

#include <fmt/format.h>

#include "amount_input.h"
#include "quote.h"
#include "reducer_step.h"

namespace acw {

namespace {

std::string paused_key(const State& s) { return "acw.paused." + s.wallet.account + "." + fmt::to_string(s.wallet.chain_id); }

std::optional<uint128> paused_rate(const State& s) {
  auto it = s.stored_paused.find(paused_key(s));
  if (it == s.stored_paused.end()) return std::nullopt;
  auto rate = parse_decimal(it->second);
  if (!rate || *rate == 0) return std::nullopt;
  return rate;
}

void remember_paused(Step& st, uint128 rate) {
  const std::string key = paused_key(st.s);
  if (rate == 0) {
    st.s.stored_paused.erase(key);
    st.effects.push_back(store_effect(key, nullptr));
  } else {
    st.s.stored_paused[key] = to_decimal(rate);
    st.effects.push_back(store_effect(key, to_decimal(rate)));
  }
}

void read_buffer(Step& st, uint128 rate) {
  auto& s = st.s;
  if (rate == 0 || s.backend.forwarder_address.empty()) return;
  s.stream.setup_rate = rate;
  s.stream.setup_buffer_wei.reset();
  st.wallet(Purpose::read_buffer, "eth_call",
            json::array({{{"to", s.backend.forwarder_address},
                          {"data", encode_get_buffer_amount(s.config.token_address, rate)}},
                         "latest"}));
}

void change_flow(Step& st, TxKind kind, uint128 rate, bool pausing) {
  auto& s = st.s;
  const std::string& token = s.config.token_address;
  const std::string& vault = s.backend.vault_address;
  std::string data;
  switch (kind) {
    case TxKind::stream_create: data = encode_create_flow(token, s.wallet.account, vault, rate, s.wallet.account); break;
    case TxKind::stream_update: data = encode_update_flow(token, s.wallet.account, vault, rate, s.wallet.account); break;
    case TxKind::stream_delete: data = encode_delete_flow(token, s.wallet.account, vault, s.wallet.account); break;
    case TxKind::one_time: return;
  }
  PaymentFacet p;
  p.kind = kind;
  p.flow_rate = rate;
  p.pausing = pausing;
  send_transaction(st, p, s.backend.forwarder_address, data);
}

void emit_stream_change(Step& st) {
  const char* state = "none";
  switch (st.s.stream.phase) {
    case StreamPhase::active: state = "active"; break;
    case StreamPhase::paused: state = "paused"; break;
    case StreamPhase::stopped: state = "stopped"; break;
    case StreamPhase::none: break;
  }
  st.emit("stream-change", {{"state", state}, {"flowRateWeiPerSecond", to_decimal(st.s.stream.flow_rate_wei_per_second)}});
}

}  // namespace

void settle_stream_phase(State& s) {
  auto& st = s.stream;
  if (!st.flow_known) return;
  if (st.flow_rate_wei_per_second > 0 && st.phase == StreamPhase::active) return;
  if (auto rate = paused_rate(s)) {
    st.phase = StreamPhase::paused;
    st.flow_rate_wei_per_second = *rate;
  } else if (st.backend_status == "ended") {
    st.phase = StreamPhase::stopped;
  } else {
    st.phase = StreamPhase::none;
  }
}

void read_flow(Step& st) {
  auto& s = st.s;
  if (!on_right_chain(s) || s.backend.forwarder_address.empty() || st.in_flight(Purpose::read_flow)) return;
  st.wallet(Purpose::read_flow, "eth_call",
            json::array({{{"to", s.backend.forwarder_address},
                          {"data", encode_get_flow_info(s.config.token_address, s.wallet.account, s.backend.vault_address)}},
                         "latest"}));
}

void credit_stream(Step& st) {
  auto& s = st.s;
  if (s.stream.phase != StreamPhase::active || s.config.backend_url.empty() || st.in_flight(Purpose::credit_stream)) return;
  st.http(Purpose::credit_stream, "POST", "/v1/accounts/" + s.wallet.account + "/stream-credits", json::object());
}

void stream_input(Step& st) {
  const uint128 rate = stream_check(st.s).rate;
  if (rate > 0 && rate != st.s.stream.setup_rate) read_buffer(st, rate);
}

void stream_click(Step& st, const std::string& id) {
  auto& s = st.s;
  auto& stream = s.stream;
  if (!on_right_chain(s)) return;
  if (id == "start_stream" && stream.editing) {
    const StreamCheck c = stream_check(s);
    if (!c.ready) return;
    change_flow(st, stream.phase == StreamPhase::active ? TxKind::stream_update : TxKind::stream_create, c.rate, false);
  } else if (id == "pause_stream" && stream.phase == StreamPhase::active) {
    change_flow(st, TxKind::stream_delete, 0, true);
  } else if (id == "stop_stream" && (stream.phase == StreamPhase::active || stream.phase == StreamPhase::paused)) {
    if (stream.phase == StreamPhase::paused) {  // no flow on chain: only the remembered rate goes
      remember_paused(st, 0);
      stream.phase = StreamPhase::stopped;
      stream.end_reason = "user";
      emit_stream_change(st);
    } else {
      change_flow(st, TxKind::stream_delete, 0, false);
    }
  } else if (id == "resume_stream" && stream.phase == StreamPhase::paused) {
    change_flow(st, TxKind::stream_create, stream.flow_rate_wei_per_second, false);
  } else if (id == "change_rate" && stream.phase == StreamPhase::active) {
    stream.editing = true;
    s.purchase.monthly_amount_text =
        format_units(stream.flow_rate_wei_per_second * kSecondsPerMonth, kGDecimals, kGDecimals,
                     decimal_separator(s.config.locale), 0);
    read_buffer(st, stream.flow_rate_wei_per_second);
  } else if (id == "start_again" && stream.phase == StreamPhase::stopped) {
    stream.editing = true;
  } else if (id == "cancel_edit" && stream.editing && stream.phase != StreamPhase::none) {
    stream.editing = false;
  } else if (id == "refresh_stream") {
    credit_stream(st);
    read_flow(st);
    read_balance(st);
  }
}

void stream_change_done(Step& st) {
  auto& s = st.s;
  const PaymentFacet done = s.payment;
  s.payment = PaymentFacet{};
  auto& stream = s.stream;
  stream.editing = false;
  switch (done.kind) {
    case TxKind::stream_create:
    case TxKind::stream_update:
      stream.phase = StreamPhase::active;
      stream.flow_rate_wei_per_second = done.flow_rate;
      stream.flow_updated_at = s.now_s;
      if (done.kind == TxKind::stream_create) remember_paused(st, 0);
      break;
    case TxKind::stream_delete:
      if (done.pausing) {
        remember_paused(st, stream.flow_rate_wei_per_second);
        stream.phase = StreamPhase::paused;
      } else {
        stream.phase = StreamPhase::stopped;
        stream.end_reason = "user";
      }
      break;
    case TxKind::one_time: break;
  }
  emit_stream_change(st);
  read_flow(st);
  read_balance(st);
  load_profile(st);
}

void stream_answer(Step& st, Purpose purpose, bool stale, const Event& ev) {
  if (stale) return;
  auto& s = st.s;
  auto& stream = s.stream;
  if (purpose == Purpose::credit_stream) {  // credited or not, the profile has the totals
    load_profile(st);
    return;
  }
  const std::string hex = ev.ok && ev.result.is_string() ? ev.result.get<std::string>() : "";
  if (purpose == Purpose::read_buffer) {
    auto buffer = parse_uint256_word(ev.result);
    if (ev.ok && buffer.ok()) stream.setup_buffer_wei = *buffer.value;
    return;
  }
  if (purpose != Purpose::read_flow) return;
  auto info = decode_flow_info(hex);
  if (!info) {
    st.notice(NoticeKind::error, text(st.t().err_bad_answer, ev.ok ? "getFlowInfo" : ev.error.message));
    return;
  }
  const bool was_known = stream.flow_known;
  stream.flow_known = true;
  stream.deposit_wei = info->deposit;
  if (info->flow_rate > 0) {
    // A flow exists on chain: that is the truth, whatever this tab thought (another tab may
    // have started it).
    if (stream.phase != StreamPhase::active || stream.flow_rate_wei_per_second != info->flow_rate) {
      stream.phase = StreamPhase::active;
      stream.flow_rate_wei_per_second = info->flow_rate;
      if (was_known) emit_stream_change(st);
    }
    stream.flow_updated_at = info->last_updated;
    if (paused_rate(s)) remember_paused(st, 0);
  } else if (stream.phase == StreamPhase::active) {
    stream.phase = StreamPhase::none;  // gone: stopped elsewhere or liquidated
    stream.flow_rate_wei_per_second = 0;
    settle_stream_phase(s);
    if (s.stream.phase == StreamPhase::none) stream.phase = StreamPhase::stopped;
    load_profile(st);  // the backend knows why it ended
    emit_stream_change(st);
  } else {
    settle_stream_phase(s);
  }
}

}  // namespace acw
