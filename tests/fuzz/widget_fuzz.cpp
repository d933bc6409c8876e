// The Widget facade (core/widget.h) driven by a script of events and answers, as the JS shim
// would drive it, with the view model built after every step. One command per line:
//
//   c <config json>         first line only: the create-time configuration (otherwise a valid
//                           one on chain 31337 with a credits backend)
//   d <event json>          dispatch_json
//   k <id>                  a click on item <id> (sent as dispatch JSON, like widget/ui)
//   i <id> <text>           an input's new text (dispatch JSON: at most 256 bytes)
//   a <what> <answer json>  resolve_json for the newest effect still waiting whose method
//                           (eth_call, GET, …), call selector (0x70a08231), URL part (/v1/…)
//                           or kind (timer) contains <what>
//   r <n> <answer json>     resolve_json for the n-th newest effect still waiting (n mod count)
//   R <id> <answer json>    resolve_json with a raw effect id (unknown, answered twice, …)
//   f <fixture json>        load_fixture_json
//   t <ms>                  a tick of the wall clock
//
// Invariants: never a crash or a throw; after every command, every effect and the state dump
// as JSON and the view model's texts are valid UTF-8; at the end, the state's JSON is a
// fixture state_from_json accepts. At most 64 commands are run.
// ACW_FUZZ_TRACE=1 prints every command, its error and the effects (to replay a crash or to
// write seeds: `ACW_FUZZ_TRACE=1 build/fuzz/tests/fuzz/fuzz_widget file`).
#include <cstdlib>
#include <iostream>

#include "core/fixture.h"
#include "core/widget.h"
#include "fuzz_check.h"

using namespace acw;

namespace {

constexpr size_t kMaxCommands = 64;
constexpr const char* kDefaultConfig =
    R"json({"chainId":"0x7a69","chainName":"Anvil (local)",)json"
    R"json("tokenAddress":"0x62b8b11039fcfe5ab0c56e502b1c372a3d2a9c7a","rpcUrl":"http://127.0.0.1:8545",)json"
    R"json("explorerUrl":"https://explorer.example/","backendUrl":"http://127.0.0.1:8787"})json";

struct Waiting {
  int id;
  std::string what;  // "wallet eth_call", "http GET http://…/v1/…", "timer"
};

// Splits "<word> <rest>" at the first space.
std::pair<std::string_view, std::string_view> word_and_rest(std::string_view s) {
  const size_t sp = s.find(' ');
  if (sp == std::string_view::npos) return {s, {}};
  return {s.substr(0, sp), s.substr(sp + 1)};
}

long to_number(std::string_view s) {
  long n = 0;
  bool negative = !s.empty() && s[0] == '-';
  for (char c : s.substr(negative ? 1 : 0)) {
    if (c < '0' || c > '9' || n > 100'000'000'000L) break;
    n = n * 10 + (c - '0');
  }
  return negative ? -n : n;
}

class Driver {
 public:
  explicit Driver(std::string_view config) : widget_(config), trace_(std::getenv("ACW_FUZZ_TRACE") != nullptr) {
    if (trace_) std::cerr << "config error: '" << widget_.config_error() << "'\n";
    collect();
  }

  void run(char cmd, std::string_view arg) {
    // Clicks and typing come from the UI and the page as UTF-8 (JS strings, ImGui buffers);
    // only the JSON commands may carry any bytes (parse_json refuses invalid UTF-8 itself).
    // Both go through dispatch_json, as widget/ui's do.
    if ((cmd == 'k' || cmd == 'i') && !fuzz::valid_utf8(arg)) return;
    std::string error;
    switch (cmd) {
      case 'd': error = widget_.dispatch_json(arg); break;
      // As widget/ui sends them: dispatch JSON (which also bounds ids and texts).
      case 'k': error = widget_.dispatch_json(json{{"type", "click"}, {"id", std::string(arg)}}.dump()); break;
      case 'i': {
        auto [id, text] = word_and_rest(arg);
        error = widget_.dispatch_json(
            json{{"type", "input"}, {"id", std::string(id)}, {"text", std::string(text)}}.dump());
        break;
      }
      case 'a': {
        auto [what, answer] = word_and_rest(arg);
        for (size_t i = waiting_.size(); i-- > 0;) {
          if (!what.empty() && waiting_[i].what.find(what) != std::string::npos) {
            error = resolve(i, answer);
            break;
          }
        }
        break;
      }
      case 'r': {
        auto [n, answer] = word_and_rest(arg);
        if (waiting_.empty()) break;
        const size_t k = static_cast<size_t>(std::labs(to_number(n))) % waiting_.size();
        error = resolve(waiting_.size() - 1 - k, answer);
        break;
      }
      case 'R': {
        auto [id, answer] = word_and_rest(arg);
        error = widget_.resolve_json(static_cast<int>(to_number(id) % 1'000'000), answer);
        break;
      }
      case 'f': error = widget_.load_fixture_json(arg); waiting_.clear(); break;
      case 't': widget_.dispatch(Event::tick(static_cast<uint64_t>(std::labs(to_number(arg))))); break;
      default: return;
    }
    if (trace_) std::cerr << "> " << cmd << ' ' << arg << (error.empty() ? "" : "\n  error: " + error) << '\n';
    FUZZ_CHECK(fuzz::valid_utf8(error), error);
    collect();
    check_state();
  }

 private:
  std::string resolve(size_t index, std::string_view answer) {
    const int id = waiting_[index].id;
    waiting_.erase(waiting_.begin() + static_cast<long>(index));
    return widget_.resolve_json(id, answer);
  }

  // " 0x70a08231" for an eth_call of balanceOf: lets a script answer one call among several.
  static std::string selector(const json& params) {
    if (!params.is_array() || params.empty() || !params[0].is_object()) return {};
    const auto data = params[0].find("data");
    if (data == params[0].end() || !data->is_string()) return {};
    return " " + data->get<std::string>().substr(0, 10);
  }

  void collect() {
    for (const Effect& e : widget_.take_effects()) {
      const std::string text = effect_to_json(e).dump();
      if (trace_) std::cerr << "  effect " << text << '\n';
      switch (e.kind) {
        case EffectKind::wallet: waiting_.push_back({e.id, "wallet " + e.name + selector(e.payload)}); break;
        case EffectKind::http: waiting_.push_back({e.id, "http " + e.name + " " + e.text}); break;
        case EffectKind::timer: waiting_.push_back({e.id, "timer"}); break;
        default: break;
      }
    }
    if (waiting_.size() > 256) waiting_.erase(waiting_.begin(), waiting_.begin() + 128);
  }

  void check_state() {
    const ViewModel vm = widget_.view();
    for (const ViewItem& item : vm.items) {
      FUZZ_CHECK(fuzz::valid_utf8(item.label), item.id + ": " + item.label);
      FUZZ_CHECK(fuzz::valid_utf8(item.hint), item.id + ": " + item.hint);
      FUZZ_CHECK(fuzz::valid_utf8(item.value), item.id + ": " + item.value);
    }
    const std::string state = widget_.state_json();  // throws on invalid UTF-8
    if (trace_) std::cerr << "  state " << to_string(vm.state) << ", " << vm.items.size() << " items: " << state << '\n';
  }

 public:
  // At the end only (it is the slow part): the state's JSON is a fixture that loads.
  void check_fixture() {
    const std::string state = widget_.state_json();
    auto doc = parse_json(state);
    FUZZ_CHECK(doc.ok(), state);
    auto fixture = state_from_json(*doc.value);
    FUZZ_CHECK(fixture.ok(), "state_json is not a fixture: " + fixture.error + "\n" + state);
  }

 private:

  Widget widget_;
  bool trace_;
  std::vector<Waiting> waiting_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string_view> script = fuzz::lines(fuzz::as_text(data, size));
  std::string_view config = kDefaultConfig;
  size_t first = 0;
  if (!script.empty() && script[0].size() >= 2 && script[0][0] == 'c' && script[0][1] == ' ') {
    config = script[0].substr(2);
    first = 1;
  }
  Driver driver(config);
  for (size_t i = first; i < script.size() && i < first + kMaxCommands; ++i) {
    const std::string_view line = script[i];
    if (line.size() < 2 || line[1] != ' ') continue;
    driver.run(line[0], line.substr(2));
  }
  driver.check_fixture();
  return 0;
}
