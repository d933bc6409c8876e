// Streams: StreamUpdated events applied once and in order, and interval credits that never
// pay the same block seconds twice.
#include "ledger.h"
#include "store/row_reader.h"
#include "store/store.h"
#include "util/log.h"

namespace acw::backend {
namespace {

constexpr const char* kStreamFields =
    "sender, account, status, flow_rate_wei, price_micro_usd_per_g, started_at_s, ended_at_s, "
    "end_reason, credited_until_s, streamed_wei, segment_wei, segment_principal_usd, "
    "segment_bonus_usd, start_event_id, end_event_id";

std::string select_streams(const char* rest) {
  return std::string("SELECT id, ") + kStreamFields + " FROM streams " + rest;
}

constexpr const char* kEventColumns =
    "id, tx_hash, log_index, block_number, block_time_s, account, sender, flow_rate_wei, "
    "price_micro_usd_per_g, liquidator, kind, stream_id, recorded_at_ms";

StreamRecord read_stream(const Stmt& s) {
  StreamRecord r;
  read_columns(s, r.id, r.sender, r.account, r.status, r.flow_rate_wei_per_second,
               r.price_micro_usd_per_g, r.started_at_s, r.ended_at_s, r.end_reason,
               r.credited_until_s, r.streamed_wei, r.segment_wei, r.segment_principal_usd,
               r.segment_bonus_usd, r.start_event_id, r.end_event_id);
  return r;
}

StreamEventRecord read_event(const Stmt& s) {
  StreamEventRecord e;
  read_columns(s, e.id, e.tx_hash, e.log_index, e.block_number, e.block_time_s, e.account,
               e.sender, e.flow_rate_wei_per_second, e.price_micro_usd_per_g, e.liquidator,
               e.kind, e.stream_id, e.recorded_at_ms);
  return e;
}

void bind_optional_text(Stmt& stmt, int index, const std::optional<std::string>& value) {
  if (value) {
    stmt.bind(index, *value);
  } else {
    stmt.bind_null(index);
  }
}

// Binds every stream column but id, from index `first`.
void bind_stream(Stmt& stmt, int first, const StreamRecord& r) {
  stmt.bind(first, r.sender).bind(first + 1, r.account).bind(first + 2, r.status);
  stmt.bind(first + 3, acw::to_decimal(r.flow_rate_wei_per_second));
  stmt.bind(first + 4, acw::to_decimal(r.price_micro_usd_per_g));
  stmt.bind(first + 5, r.started_at_s).bind(first + 6, r.ended_at_s);
  bind_optional_text(stmt, first + 7, r.end_reason);
  stmt.bind(first + 8, r.credited_until_s);
  stmt.bind(first + 9, acw::to_decimal(r.streamed_wei));
  stmt.bind(first + 10, acw::to_decimal(r.segment_wei));
  stmt.bind(first + 11, acw::to_decimal(r.segment_principal_usd));
  stmt.bind(first + 12, acw::to_decimal(r.segment_bonus_usd));
  stmt.bind(first + 13, r.start_event_id);
  bind_optional_text(stmt, first + 14, r.end_event_id);
}

StreamRecord new_stream(const StreamEventRecord& e) {
  StreamRecord r;
  r.sender = e.sender;
  r.account = e.account;
  r.status = "active";
  r.flow_rate_wei_per_second = e.flow_rate_wei_per_second;
  r.price_micro_usd_per_g = e.price_micro_usd_per_g;
  r.started_at_s = e.block_time_s;
  r.credited_until_s = e.block_time_s;
  r.start_event_id = e.id;
  return r;
}

void end_stream(StreamRecord& r, const StreamEventRecord& e, const char* reason) {
  r.status = "ended";
  r.ended_at_s = std::max(e.block_time_s, r.credited_until_s);
  r.end_reason = reason;
  r.end_event_id = e.id;
}

}  // namespace

std::optional<StreamRecord> Store::find_active_stream_locked(const std::string& sender) {
  const std::string sql = select_streams("WHERE sender = ? AND status = 'active'");
  Stmt stmt(db_, sql.c_str());
  stmt.bind(1, sender);
  if (stmt.step()) return read_stream(stmt);
  return std::nullopt;
}

std::optional<StreamRecord> Store::find_stream_locked(int64_t id) {
  const std::string sql = select_streams("WHERE id = ?");
  Stmt stmt(db_, sql.c_str());
  stmt.bind(1, id);
  if (stmt.step()) return read_stream(stmt);
  return std::nullopt;
}

bool Store::save_stream_locked(const StreamRecord& r) {
  Stmt stmt(db_, "UPDATE streams SET sender = ?1, account = ?2, status = ?3, flow_rate_wei = ?4, "
                 "price_micro_usd_per_g = ?5, started_at_s = ?6, ended_at_s = ?7, "
                 "end_reason = ?8, credited_until_s = ?9, streamed_wei = ?10, "
                 "segment_wei = ?11, segment_principal_usd = ?12, segment_bonus_usd = ?13, "
                 "start_event_id = ?14, end_event_id = ?15 WHERE id = ?16");
  bind_stream(stmt, 1, r);
  stmt.bind(16, r.id);
  return stmt.run() && db_.changes() == 1;
}

std::optional<int64_t> Store::insert_stream_locked(const StreamRecord& r) {
  const std::string sql = std::string("INSERT INTO streams (") + kStreamFields +
                          ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                          "?14, ?15)";
  Stmt stmt(db_, sql.c_str());
  bind_stream(stmt, 1, r);
  if (!stmt.run()) {
    log_error("store: inserting a stream of " + r.sender + ": " + db_.last_error());
    return std::nullopt;
  }
  Stmt id(db_, "SELECT last_insert_rowid()");
  if (!id.step()) return std::nullopt;
  return id.integer(0);
}

bool Store::credit_stream_locked(StreamRecord& stream, int64_t until_s, const CreditEntry& shape,
                                 uint32_t stream_bonus_bps, std::optional<InsertedCredit>& out) {
  out.reset();
  const int64_t from_s = stream.credited_until_s;
  if (until_s <= from_s) return true;
  auto wei = streamed_wei(stream.flow_rate_wei_per_second, until_s - from_s);
  if (!wei) {
    log_error("store: stream " + std::to_string(stream.id) + ": streamed amount overflows");
    return false;
  }
  if (*wei == 0) {  // a zero rate: nothing to pay, time still moves on
    stream.credited_until_s = until_s;
    return true;
  }
  const StreamSegment segment{stream.segment_wei, stream.segment_principal_usd,
                              stream.segment_bonus_usd};
  StreamSegment after;
  auto step = stream_increment(segment, *wei, stream.price_micro_usd_per_g, stream_bonus_bps,
                               after);
  auto total_streamed = acw::checked_add(stream.streamed_wei, *wei);
  if (!step.ok() || !total_streamed) {
    log_error("store: stream " + std::to_string(stream.id) + ": " +
              (step.ok() ? std::string("streamed total overflows") : step.error));
    return false;
  }
  CreditEntry entry = shape;
  entry.account = stream.account;
  entry.payer = stream.sender;
  entry.funding_status = "funded";  // a Superfluid flow pays the vault as block time passes
  entry.gd_amount_wei = *wei;
  entry.price_micro_usd_per_g = stream.price_micro_usd_per_g;
  entry.principal_usd = step.value->principal_usd;
  entry.bonus_usd = step.value->bonus_usd;
  entry.total_credit_usd = step.value->total_usd;
  entry.period_from_s = from_s;
  entry.period_to_s = until_s;
  auto stored = insert_credit_locked(entry);
  if (!stored) return false;
  if (!stored->inserted) {
    log_error("store: stream credit " + entry.id + " exists already");
    return false;
  }
  stream.credited_until_s = until_s;
  stream.streamed_wei = *total_streamed;
  stream.segment_wei = after.wei;
  stream.segment_principal_usd = after.principal_usd;
  stream.segment_bonus_usd = after.bonus_usd;
  out = std::move(*stored);
  return true;
}

std::optional<AppliedStreamEvent> Store::apply_stream_event(const StreamEventRecord& input,
                                                            uint32_t stream_bonus_bps,
                                                            int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction tx(db_);
  if (!tx.ok()) return std::nullopt;
  AppliedStreamEvent out;
  {
    const std::string sql =
        std::string("SELECT ") + kEventColumns + " FROM stream_events WHERE id = ?";
    Stmt existing(db_, sql.c_str());
    existing.bind(1, input.id);
    if (existing.step()) {
      out.event = read_event(existing);
      if (auto credit = find_credit_locked(input.id)) out.credit = InsertedCredit{*credit, false};
      return out;
    }
    if (existing.failed()) return std::nullopt;
  }

  StreamEventRecord e = input;
  e.recorded_at_ms = now_ms;
  auto active = find_active_stream_locked(e.sender);
  if (active) {
    // The old rate's interval ends at this event's block time.
    CreditEntry shape;
    shape.id = e.id;
    shape.source = "streamUpdate";
    shape.tx_hash = e.tx_hash;
    shape.log_index = e.log_index;
    shape.block_number = e.block_number;
    shape.created_at_ms = now_ms;
    if (e.block_time_s < active->credited_until_s) {
      log_warn("stream event " + e.id + " is older than the stream's last credit");
    }
    if (!credit_stream_locked(*active, e.block_time_s, shape, stream_bonus_bps, out.credit)) {
      return std::nullopt;
    }
    e.stream_id = active->id;
    if (e.flow_rate_wei_per_second == 0) {
      const bool liquidated = e.liquidator.has_value();
      end_stream(*active, e, liquidated ? "liquidated" : "user");
      e.kind = liquidated ? "liquidated" : "deleted";
      if (!save_stream_locked(*active)) return std::nullopt;
    } else if (e.account != active->account) {
      // The sender's flow now credits another account: this stream ends, a new one starts.
      end_stream(*active, e, "user");
      if (!save_stream_locked(*active)) return std::nullopt;
      auto id = insert_stream_locked(new_stream(e));
      if (!id) return std::nullopt;
      e.kind = "moved";
      e.stream_id = *id;
    } else {
      if (e.price_micro_usd_per_g != active->price_micro_usd_per_g) {
        active->price_micro_usd_per_g = e.price_micro_usd_per_g;
        active->segment_wei = active->segment_principal_usd = active->segment_bonus_usd = 0;
      }
      active->flow_rate_wei_per_second = e.flow_rate_wei_per_second;
      e.kind = "updated";
      if (!save_stream_locked(*active)) return std::nullopt;
    }
  } else if (e.flow_rate_wei_per_second > 0) {
    auto id = insert_stream_locked(new_stream(e));
    if (!id) return std::nullopt;
    e.kind = "created";
    e.stream_id = *id;
  } else {
    log_warn("stream event " + e.id + ": the flow of " + e.sender +
             " ended but no active stream of it is known; ignored");
    e.kind = "ignored";
    e.stream_id = 0;
  }

  const std::string sql = std::string("INSERT INTO stream_events (") + kEventColumns +
                          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  Stmt insert(db_, sql.c_str());
  insert.bind(1, e.id).bind(2, e.tx_hash).bind(3, e.log_index).bind(4, e.block_number);
  insert.bind(5, e.block_time_s).bind(6, e.account).bind(7, e.sender);
  insert.bind(8, acw::to_decimal(e.flow_rate_wei_per_second));
  insert.bind(9, acw::to_decimal(e.price_micro_usd_per_g));
  bind_optional_text(insert, 10, e.liquidator);
  insert.bind(11, e.kind).bind(12, e.stream_id).bind(13, e.recorded_at_ms);
  if (!insert.run()) {
    log_error("store: recording stream event " + e.id + ": " + db_.last_error());
    return std::nullopt;
  }
  if (!tx.commit()) return std::nullopt;
  out.event = std::move(e);
  out.applied = true;
  return out;
}

std::optional<std::vector<InsertedCredit>> Store::credit_streams(
    const std::optional<std::string>& account, int64_t until_s, int64_t block_number,
    int64_t min_elapsed_s, uint32_t stream_bonus_bps, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<int64_t> ids;
  {
    Stmt active(db_, account ? "SELECT id FROM streams WHERE status = 'active' AND account = ?1 "
                               "ORDER BY id"
                             : "SELECT id FROM streams WHERE status = 'active' ORDER BY id");
    if (account) active.bind(1, *account);
    while (active.step()) ids.push_back(active.integer(0));
    if (active.failed()) return std::nullopt;
  }
  std::vector<InsertedCredit> credits;
  for (const int64_t id : ids) {
    Transaction tx(db_);
    if (!tx.ok()) return std::nullopt;
    // Read again inside the transaction: an event may have changed or ended it meanwhile.
    auto stream = find_stream_locked(id);
    if (!stream || stream->status != "active") continue;
    if (until_s - stream->credited_until_s < std::max<int64_t>(min_elapsed_s, 1)) continue;
    CreditEntry shape;
    shape.id = "stream:" + stream->sender + ":" + std::to_string(stream->credited_until_s) + "-" +
               std::to_string(until_s);
    shape.source = "streamCron";
    shape.log_index = -1;  // no log: shown as null
    shape.block_number = block_number;
    shape.created_at_ms = now_ms;
    std::optional<InsertedCredit> credit;
    if (!credit_stream_locked(*stream, until_s, shape, stream_bonus_bps, credit)) {
      return std::nullopt;
    }
    if (!save_stream_locked(*stream) || !tx.commit()) return std::nullopt;
    if (credit) credits.push_back(std::move(*credit));
  }
  return credits;
}

std::optional<std::vector<StreamRecord>> Store::streams_of(const std::string& account) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string sql = select_streams("WHERE account = ? ORDER BY id DESC");
  Stmt stmt(db_, sql.c_str());
  stmt.bind(1, account);
  std::vector<StreamRecord> out;
  while (stmt.step()) out.push_back(read_stream(stmt));
  if (stmt.failed()) return std::nullopt;
  return out;
}

std::optional<std::vector<StreamEventRecord>> Store::stream_events_of_tx(const std::string& tx) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string sql = std::string("SELECT ") + kEventColumns +
                          " FROM stream_events WHERE tx_hash = ? ORDER BY log_index";
  Stmt stmt(db_, sql.c_str());
  stmt.bind(1, tx);
  std::vector<StreamEventRecord> out;
  while (stmt.step()) out.push_back(read_event(stmt));
  if (stmt.failed()) return std::nullopt;
  return out;
}

}  // namespace acw::backend
