#include "layout.h"

#include <algorithm>
#include <cmath>

namespace acw::ui {
namespace {

std::vector<Line> stacked(std::size_t first, std::size_t last, float avail) {
  std::vector<Line> lines;
  for (std::size_t i = first; i <= last; ++i) lines.push_back({Placed{i, 0.0f, avail}});
  return lines;
}

bool is_fixed_control(Kind k) { return k == Kind::button || k == Kind::link || k == Kind::checkbox; }

// One line of tabs `natural[from, to)` (their labels' widths): equal parts; when a label would
// wrap in its part but all fit side by side, each part is its label's width plus an equal
// share of the rest.
Line tab_line(std::size_t first, const std::vector<float>& natural, std::size_t from, std::size_t to, float avail) {
  const std::size_t n = to - from;
  const float equal = std::floor(avail / static_cast<float>(n));
  float total = 0.0f, widest = 0.0f;
  for (std::size_t j = from; j < to; ++j) {
    total += natural[j];
    widest = std::max(widest, natural[j]);
  }
  const bool by_label = widest > equal && total <= avail;
  const float share = std::floor((avail - total) / static_cast<float>(n));
  Line line;
  float x = 0.0f;
  for (std::size_t j = from; j < to; ++j) {
    const Segment seg = j == from ? Segment::first : j + 1 == to ? Segment::last : Segment::middle;
    const float w = j + 1 == to ? avail - x : by_label ? natural[j] + share : equal;
    line.push_back({first + j, x, w, seg});
    x += w;
  }
  return line;
}

// Tabs on one line when their labels fit side by side; else (more than two) on two lines, the
// first half above, so that no label breaks inside a word.
std::vector<Line> tab_lines(std::size_t first, const std::vector<float>& natural, float avail) {
  const std::size_t n = natural.size();
  float total = 0.0f;
  for (float w : natural) total += w;
  if (total <= avail || n <= 2) return {tab_line(first, natural, 0, n, avail)};
  const std::size_t half = (n + 1) / 2;
  return {tab_line(first, natural, 0, half, avail), tab_line(first, natural, half, n, avail)};
}

}  // namespace

std::vector<Line> plan_row(const std::vector<ViewItem>& items, std::size_t first, std::size_t last,
                           float avail, const ItemContext& ctx) {
  const std::size_t n = last - first + 1;
  if (n == 1) return {{Placed{first, 0.0f, avail}}};

  std::vector<Kind> kinds;
  std::vector<float> natural;
  for (std::size_t i = first; i <= last; ++i) {
    kinds.push_back(kind_of(items[i]));
    natural.push_back(std::ceil(natural_width(items[i], ctx)));
  }
  const auto all = [&](auto pred) { return std::all_of(kinds.begin(), kinds.end(), pred); };
  const float spacing = kRowSpacing * static_cast<float>(n - 1);

  // Tabs: a segmented control (ui::tab_lines).
  if (all([](Kind k) { return k == Kind::tab; })) return tab_lines(first, natural, avail);

  // Buttons (and links, checkboxes): equal parts when the widest fits, else stacked.
  if (all(is_fixed_control)) {
    const float w = std::floor((avail - spacing) / static_cast<float>(n));
    if (*std::max_element(natural.begin(), natural.end()) > w) return stacked(first, last, avail);
    Line line;
    for (std::size_t j = 0; j < n; ++j) {
      const float x = (w + kRowSpacing) * static_cast<float>(j);
      line.push_back({first + j, x, j + 1 == n ? avail - x : w});
    }
    return {line};
  }

  // Mixed: fixed items at their natural width, flexible ones (inputs, boxes) share the rest.
  float fixed = 0.0f;
  std::size_t flex = 0;
  for (std::size_t j = 0; j < n; ++j) {
    if (is_flexible(kinds[j])) ++flex;
    else fixed += natural[j];
  }
  const float rest = avail - spacing - fixed;
  if (flex == 0) {
    if (rest < 0.0f) return stacked(first, last, avail);
    // Texts and controls side by side: left to right, the last one right-aligned.
    Line line;
    float x = 0.0f;
    for (std::size_t j = 0; j < n; ++j) {
      const float at = j + 1 == n && j > 0 ? avail - natural[j] : x;
      line.push_back({first + j, at, natural[j]});
      x += natural[j] + kRowSpacing;
    }
    return {line};
  }
  const float flex_w = std::floor(rest / static_cast<float>(flex));
  if (flex_w < 96.0f) return stacked(first, last, avail);
  Line line;
  float x = 0.0f;
  for (std::size_t j = 0; j < n; ++j) {
    float w = is_flexible(kinds[j]) ? flex_w : natural[j];
    if (j + 1 == n) w = avail - x;  // absorb rounding
    line.push_back({first + j, x, w});
    x += w + kRowSpacing;
  }
  return {line};
}

}  // namespace acw::ui
