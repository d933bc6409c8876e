// What a person reads in a view model, and the rules those texts follow (SPEC.md §1, §6):
// no settlement units or protocol terms, and nothing said twice.
#pragma once
#include <string>
#include <vector>

#include "view_model.h"

namespace acw {

// Every text drawn for `vm`: labels, the hints under buttons, the placeholders of empty inputs.
// (What the person typed is theirs, not ours.)
std::vector<std::string> visible_texts(const ViewModel& vm);

// The settlement or protocol term in `text` a person should not need ("wei", "flow rate",
// "CFA", "forwarder", "SuperToken", "buffer", "protocol", and their Spanish words), or "".
std::string settlement_term(const std::string& text);

// A text shown more than once in `vm` (the first repeat found), or "".
std::string repeated_text(const ViewModel& vm);

}  // namespace acw
