// The History view: the account's credit entries, one page at a time, filtered by the backend
// (kind and status are query parameters, never a filter over loaded rows). A failed load is
// shown in the view with Retry; it does not make the backend `unavailable`.
#include <fmt/format.h>

#include "backend_wire.h"
#include "reducer_step.h"

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
  } else if (id == "history.next") {
    if (h.offset + HistoryFacet::kPageSize >= h.total) return true;
    h.offset += HistoryFacet::kPageSize;
  } else if (id == "history.prev") {
    if (h.offset == 0) return true;
    h.offset -= std::min(h.offset, HistoryFacet::kPageSize);
  } else if (id == "history.retry") {
    // loads again below
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
