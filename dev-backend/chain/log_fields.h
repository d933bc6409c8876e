// What every event log has, read alike for each of the backend's event decoders (vault_abi,
// stream_abi): the emitter and the event's topic, indexed address topics, the data's 32-byte
// words, and the log's place in the chain.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/wire.h"

namespace acw::backend {

// Where a log sits in the chain; id() = "<txHash>:<logIndex>".
struct LogPosition {
  std::string tx_hash;  // lower-case
  uint64_t log_index = 0;
  uint64_t block_number = 0;
  std::string id() const { return tx_hash + ":" + std::to_string(log_index); }
};

// A decoder's answer for a log of its event whose fields do not decode: `Decoded` is a
// result with a `kind` enum that has `malformed`, and an `error` text.
template <typename Decoded>
Decoded malformed_log(std::string why) {
  Decoded out;
  out.kind = decltype(out.kind)::malformed;
  out.error = std::move(why);
  return out;
}

struct LogEvent {
  std::string emitter;  // lower-case address
  std::string topic;    // topics[0], lower-case; "" when there is no event to decode
};

// The emitter and event of a log, for a decoder of the events of `emitters` (lower-case).
// `topic` is "" for a log of another contract, without topics, with a first topic that is no
// 32-byte word, or removed by a reorganisation. Fails (malformed) when the log is not an
// object, its address is missing or malformed, or a log of `emitters` has no topics array.
acw::Parsed<LogEvent> read_log_event(const acw::json& log,
                                     std::initializer_list<std::string_view> emitters);

// The `count` indexed address topics after the event's: fails ("must have N topics", "has a
// malformed address topic") unless the log has exactly those, each 12 zero bytes and an
// address. Addresses come back lower-case.
acw::Parsed<std::vector<std::string>> address_topics(const acw::json& log, size_t count);

// The data's 32-byte words, each "0x" + 64 lower-case hex digits (as parse_uint256_word takes
// them); nullopt unless the data is "0x" followed by whole words of hex digits.
std::optional<std::vector<std::string>> data_words(const acw::json& log);

// transactionHash, logIndex and blockNumber; fails when one is missing or malformed.
acw::Parsed<LogPosition> read_log_position(const acw::json& log);

// A hex quantity ("0x1a") that fits in int64 (block numbers, log indexes) or nullopt.
std::optional<uint64_t> parse_small_quantity(const acw::json& value);

}  // namespace acw::backend
