// The History view: the account's credit entries, one page at a time, filtered by the backend
// (kind, status and period are query parameters, never a filter over loaded rows). A failed
// load is shown in the view with Retry; it does not make the backend `unavailable`.
#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "backend_wire.h"
#include "chain_settings.h"
#include "money.h"
#include "reducer_step.h"
#include "utc_time.h"

namespace acw {

namespace {

const char* source_param(HistoryKind k) {
  switch (k) {
    case HistoryKind::once: return "deposit";
    case HistoryKind::stream: return "stream";
    case HistoryKind::all: break;
  }
  return nullptr;
}

const char* status_param(HistoryStatus s) {
  switch (s) {
    case HistoryStatus::credited: return "funded";
    case HistoryStatus::pending: return "pending";
    case HistoryStatus::failed: return "failed";
    case HistoryStatus::all: break;
  }
  return nullptr;
}

// A filter chip's id ("history.kind.once") → its value; false for other ids.
bool pick_filter(HistoryFacet& h, const std::string& id) {
  static constexpr std::pair<const char*, HistoryKind> kKinds[] = {
      {"history.kind.all", HistoryKind::all}, {"history.kind.once", HistoryKind::once},
      {"history.kind.stream", HistoryKind::stream}};
  static constexpr std::pair<const char*, HistoryStatus> kStatuses[] = {
      {"history.status.all", HistoryStatus::all}, {"history.status.credited", HistoryStatus::credited},
      {"history.status.pending", HistoryStatus::pending}, {"history.status.failed", HistoryStatus::failed}};
  for (const auto& [name, kind] : kKinds) {
    if (id == name) return h.kind = kind, true;
  }
  for (const auto& [name, status] : kStatuses) {
    if (id == name) return h.status = status, true;
  }
  static constexpr std::pair<const char*, HistoryPeriod> kPeriods[] = {
      {"history.period.all", HistoryPeriod::all}, {"history.period.7", HistoryPeriod::days7},
      {"history.period.30", HistoryPeriod::days30}, {"history.period.90", HistoryPeriod::days90}};
  for (const auto& [name, period] : kPeriods) {
    if (id == name) return h.period = period, true;
  }
  return false;
}

// "history.row.3.copy" with suffix ".copy" → the loaded entry 3; nullptr for other ids.
const HistoryEntry* row_of(const HistoryFacet& h, std::string_view id, std::string_view suffix) {
  constexpr std::string_view kPrefix = "history.row.";
  if (id.size() <= kPrefix.size() + suffix.size() || id.substr(0, kPrefix.size()) != kPrefix ||
      id.substr(id.size() - suffix.size()) != suffix) {
    return nullptr;
  }
  const auto index = parse_decimal(id.substr(kPrefix.size(), id.size() - kPrefix.size() - suffix.size()));
  if (!index || *index >= h.items.size()) return nullptr;
  return &h.items[static_cast<size_t>(*index)];
}

// A row's Copy and explorer link; false for other ids.
bool row_click(Step& st, const std::string& id) {
  const HistoryFacet& h = st.s.history;
  if (const HistoryEntry* e = row_of(h, id, ".copy")) {
    if (!e->tx_hash.empty()) st.copy(id.c_str(), e->tx_hash);
    return true;
  }
  if (const HistoryEntry* e = row_of(h, id, ".explorer")) {
    if (std::string url = explorer_tx_url(st.s, e->tx_hash); !url.empty()) st.effects.push_back(open_effect(std::move(url)));
    return true;
  }
  return false;
}

}  // namespace

void load_history(Step& st) {
  State& s = st.s;
  if (!on_right_chain(s) || s.config.backend_url.empty()) return;
  HistoryFacet& h = s.history;
  std::string path = fmt::format("/v1/accounts/{}/credit-history?limit={}&offset={}", s.wallet.account,
                                 HistoryFacet::kPageSize, h.offset);
  if (const char* source = source_param(h.kind)) path += std::string("&source=") + source;
  if (const char* status = status_param(h.status)) path += std::string("&fundingStatus=") + status;
  // The last N days up to now: the backend counts from that instant (ISO 8601, UTC).
  if (const int days = period_days(h.period); days > 0 && s.now_s > 0) {
    const int64_t from_s = std::max<int64_t>(0, static_cast<int64_t>(s.now_s) - int64_t{days} * 86'400);
    path += "&from=" + iso8601_seconds(from_s * 1000);
  }
  h.loading = true;
  h.loaded = false;  // rows of another filter or page are never shown as this one's
  h.items.clear();
  h.failure.clear();
  h.request_id = st.http(Purpose::load_history, "GET", path);
}

bool history_click(Step& st, const std::string& id) {
  HistoryFacet& h = st.s.history;
  if (id == "nav.history") {
    st.s.view = View::history;
  } else if (id == "history.next" || id == "history.prev") {
    if (!turn_page(h.offset, HistoryFacet::kPageSize, h.total, id == "history.next")) return true;
  } else if (id == "history.retry") {
    // loads again below
  } else if (row_click(st, id)) {
    return true;  // nothing to load
  } else if (pick_filter(h, id)) {
    h.offset = 0;  // a new filter starts at its first page
  } else {
    return false;
  }
  load_history(st);
  return true;
}

void history_answer(Step& st, const Event& ev) {
  HistoryFacet& h = st.s.history;
  if (ev.effect_id != h.request_id) return;  // an older filter's or page's answer
  h.loading = false;
  const HttpResult r = read_http(ev);
  if (!r.ok) {
    h.failure = r.error;
    return;
  }
  auto page = parse_history_page(r.body);
  if (!page.ok()) {
    h.failure = text(st.t().err_bad_answer, page.error);
    return;
  }
  h.items = std::move(page.value->items);
  h.total = page.value->total;
  h.loaded = true;
  // Entries went away since the last page (or a hand-made offset): show the last page there is.
  if (h.items.empty() && h.offset > 0 && h.total > 0) {
    h.offset = (h.total - 1) / HistoryFacet::kPageSize * HistoryFacet::kPageSize;
    load_history(st);
  }
}

}  // namespace acw
