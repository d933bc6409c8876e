#include "wire.h"

#include <algorithm>
#include <limits>
#include <fmt/format.h>

namespace acw {
namespace {

constexpr size_t kMaxAccounts = 64;
constexpr size_t kMaxWalletMessageChars = 300;
constexpr int kInternalErrorCode = -32603;
constexpr const char* kGenericWalletMessage = "The wallet reported an error without details.";

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// "0x" followed by `min_digits`..`max_digits` hex digits of either case.
bool is_prefixed_hex(std::string_view text, size_t min_digits, size_t max_digits) {
  if (text.size() < 2 || text[0] != '0' || text[1] != 'x') return false;
  const std::string_view digits = text.substr(2);
  return digits.size() >= min_digits && digits.size() <= max_digits &&
         std::all_of(digits.begin(), digits.end(), is_hex_digit);
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Left-pads lower-case hex digits with zeros to one 32-byte ABI word.
std::string pad_word(std::string_view hex_digits) {
  std::string word(64 - std::min<size_t>(hex_digits.size(), 64), '0');
  word += to_lower_ascii(hex_digits);
  return word;
}

// Cuts UTF-8 text to at most `max_chars` code points, ending with "..." when cut. Cutting
// at a code point boundary matters: a split sequence is invalid UTF-8, and nlohmann's
// dump() throws on invalid UTF-8.
std::string cut_utf8(const std::string& text, size_t max_chars) {
  const auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  const size_t keep_chars = max_chars - 3;
  size_t chars = 0, keep_bytes = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_lead(text[i])) continue;
    if (chars == keep_chars) keep_bytes = i;
    if (++chars > max_chars) return text.substr(0, keep_bytes) + "...";
  }
  return text;
}

// nlohmann's own DOM builder behind a SAX handler that stops the parse as soon as a container
// opens past max_depth. (A parser callback does the same, but json::parse with a callback
// also compiles nlohmann's callback builder and its stacks into the wasm: 1.5 KB gzip more.)
class DepthLimitedDom {
 public:
  DepthLimitedDom(json& out, int max_depth) : dom_(out, false), max_depth_(max_depth) {}
  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const std::string& text) { return dom_.number_float(v, text); }
  bool string(std::string& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return open() && dom_.start_object(n); }
  bool key(std::string& k) { return dom_.key(k); }
  bool end_object() { --depth_; return dom_.end_object(); }
  bool start_array(std::size_t n) { return open() && dom_.start_array(n); }
  bool end_array() { --depth_; return dom_.end_array(); }
  template <typename Exception>
  bool parse_error(std::size_t, const std::string&, const Exception&) { return false; }
  bool too_deep() const { return too_deep_; }

 private:
  bool open() {
    too_deep_ = ++depth_ > max_depth_;
    return !too_deep_;
  }
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  int max_depth_;
  int depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace

Parsed<json> parse_json(std::string_view text, size_t max_bytes, int max_depth) {
  if (text.size() > max_bytes) return Parsed<json>::fail("JSON text is too long.");
  json value;
  DepthLimitedDom sax(value, max_depth);
  // Strict (the whole text is one value), no exceptions: an error ends the parse with false.
  const bool ok = json::sax_parse(text.begin(), text.end(), &sax);
  if (sax.too_deep()) return Parsed<json>::fail("JSON text is nested too deeply.");
  if (!ok) return Parsed<json>::fail("Text is not valid JSON.");
  return Parsed<json>::good(std::move(value));
}

std::optional<uint64_t> whole_number(const json& value) {
  if (value.is_number_unsigned()) return value.get<uint64_t>();
  if (value.is_number_integer() && value.get<int64_t>() >= 0) return static_cast<uint64_t>(value.get<int64_t>());
  return std::nullopt;
}

std::string json_text(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool is_address(std::string_view text) {
  return text.size() == 42 && is_prefixed_hex(text, 40, 40);
}

Parsed<std::string> parse_address(const json& value) {
  if (!value.is_string()) return Parsed<std::string>::fail("address is not a string");
  const std::string& text = value.get_ref<const std::string&>();
  if (!is_address(text)) {
    return Parsed<std::string>::fail("address is not 0x followed by 40 hex digits");
  }
  return Parsed<std::string>::good(to_lower_ascii(text));
}

Parsed<std::vector<std::string>> parse_accounts(const json& value) {
  using Result = Parsed<std::vector<std::string>>;
  if (!value.is_array()) return Result::fail("accounts is not an array");
  if (value.size() > kMaxAccounts) return Result::fail("accounts has too many entries");
  std::vector<std::string> accounts;
  accounts.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    Parsed<std::string> account = parse_address(value[i]);
    if (!account.ok()) {
      return Result::fail("account " + fmt::to_string(i) + " is not an address");
    }
    accounts.push_back(std::move(*account.value));
  }
  return Result::good(std::move(accounts));
}

Parsed<uint64_t> parse_chain_id(const json& value) {
  if (!value.is_string()) return Parsed<uint64_t>::fail("chainId is not a hex string");
  const std::string& text = value.get_ref<const std::string&>();
  if (!is_prefixed_hex(text, 1, 64)) return Parsed<uint64_t>::fail("chainId is not a hex string");
  const std::optional<uint128> id = parse_hex_quantity(text);
  if (!id || *id > std::numeric_limits<uint64_t>::max()) {
    return Parsed<uint64_t>::fail("chainId does not fit in 64 bits");
  }
  if (*id == 0) return Parsed<uint64_t>::fail("chainId is zero");
  return Parsed<uint64_t>::good(static_cast<uint64_t>(*id));
}

std::string chain_id_hex(uint64_t chain_id) { return to_hex_quantity(chain_id); }

Parsed<uint128> parse_uint256_word(const json& value) {
  if (!value.is_string()) return Parsed<uint128>::fail("call result is not a hex string");
  const std::string& text = value.get_ref<const std::string&>();
  // A node answers "0x" for a call to an address without code.
  if (text == "0x") return Parsed<uint128>::fail("call result is empty (no contract there?)");
  if (!is_prefixed_hex(text, 1, 64)) {
    return Parsed<uint128>::fail("call result is not a 32-byte hex word");
  }
  const std::optional<uint128> word = parse_hex_quantity(text);
  if (!word) return Parsed<uint128>::fail("value too large");
  return Parsed<uint128>::good(*word);
}

Parsed<std::string> parse_tx_hash(const json& value) {
  if (!value.is_string()) return Parsed<std::string>::fail("transaction hash is not a string");
  const std::string& text = value.get_ref<const std::string&>();
  if (!is_prefixed_hex(text, 64, 64)) {
    return Parsed<std::string>::fail("transaction hash is not 0x followed by 64 hex digits");
  }
  return Parsed<std::string>::good(to_lower_ascii(text));
}

std::string abi_word_address(std::string_view address) {
  if (!is_address(address)) return {};
  return pad_word(address.substr(2));
}

std::string abi_word_uint(uint128 value) {
  const std::string quantity = to_hex_quantity(value);  // "0x..."
  return pad_word(std::string_view(quantity).substr(2));
}

std::string encode_balance_of(std::string_view address) {
  const std::string word = abi_word_address(address);
  if (word.empty()) return {};
  return "0x70a08231" + word;
}

WalletError parse_wallet_error(const json& value) {
  WalletError error{kInternalErrorCode, kGenericWalletMessage};
  if (!value.is_object()) return error;
  const auto code = value.find("code");
  const auto message = value.find("message");
  // The code decides what the person is told (4001 = they declined), so a valid code is kept
  // even when the message is missing or not a string.
  if (code == value.end() || !code->is_number_integer()) return error;
  // is_number_integer covers int64 and uint64; both must fit an int to be a code.
  const bool code_fits = code->is_number_unsigned()
      ? code->get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int>::max())
      : code->get<int64_t>() >= std::numeric_limits<int>::min() &&
            code->get<int64_t>() <= std::numeric_limits<int>::max();
  if (!code_fits) return error;
  error.code = static_cast<int>(code->get<int64_t>());
  // A known code with an empty message still tells the UI what happened.
  if (message == value.end() || !message->is_string()) return error;
  const std::string& text = message->get_ref<const std::string&>();
  if (!text.empty()) error.message = cut_utf8(text, kMaxWalletMessageChars);
  return error;
}

}  // namespace acw
