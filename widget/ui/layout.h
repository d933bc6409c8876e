// Row layout: a ViewModel row is an item plus the items after it marked `same_line`. A row
// becomes one or more visual lines; nothing is ever placed beyond the available width (a row
// that does not fit is stacked, one item per line).
#pragma once
#include <cstddef>
#include <vector>

#include "items.h"

namespace acw::ui {

struct Placed {
  std::size_t index = 0;  // into ViewModel::items
  float x = 0.0f;         // offset from the content's left edge
  float width = 0.0f;
  Segment segment = Segment::none;
};

using Line = std::vector<Placed>;

// `first`..`last` (inclusive) are the indices of one row.
std::vector<Line> plan_row(const std::vector<ViewItem>& items, std::size_t first, std::size_t last,
                           float avail, const ItemContext& ctx);

constexpr float kRowSpacing = 8.0f;  // horizontal space between items of a line

}  // namespace acw::ui
