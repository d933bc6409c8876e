#include "visible_text.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace acw {

namespace {

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

bool word_char(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; }

// `term` in `text` as a whole word (so "wei" is not found in "weight").
bool has_word(const std::string& text, const std::string& term) {
  for (size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
    const bool starts = at == 0 || !word_char(text[at - 1]);
    const size_t end = at + term.size();
    if (starts && (end == text.size() || !word_char(text[end]))) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> visible_texts(const ViewModel& vm) {
  std::vector<std::string> out;
  for (const ViewItem& item : vm.items) {
    if (!item.label.empty()) out.push_back(item.label);
    const bool hint_drawn = item.role == Role::button || (item.role == Role::input && item.value.empty());
    if (hint_drawn && !item.hint.empty()) out.push_back(item.hint);
  }
  return out;
}

std::string settlement_term(const std::string& text) {
  static const char* const kTerms[] = {"wei", "flow rate", "flowrate", "cfa", "cfav1", "forwarder", "supertoken",
                                       "buffer", "protocol", "caudal", "protocolo", "reenviador"};
  const std::string low = lower_ascii(text);
  for (const char* term : kTerms) {
    if (has_word(low, term)) return term;
  }
  return {};
}

std::string repeated_text(const ViewModel& vm) {
  std::set<std::string> seen;
  for (const std::string& t : visible_texts(vm)) {
    if (!seen.insert(t).second) return t;
  }
  return {};
}

}  // namespace acw
