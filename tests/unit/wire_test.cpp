#include "core/wire.h"
#include "core/config.h"

#include <doctest/doctest.h>

#include <string>

using acw::json;

namespace {

const std::string kTokenMixed = "0x62B8B11039FcfE5aB0C56E502b1C372A3d2a9c7A";  // G$, SPEC §3
const std::string kTokenLower = "0x62b8b11039fcfe5ab0c56e502b1c372a3d2a9c7a";
const std::string kVaultLower = "0x4dd0136b9aabd5823cf0f65d89e8fb882c660885";

std::string dec(const acw::Parsed<acw::uint128>& p) {
  return p.ok() ? acw::to_decimal(*p.value) : "error: " + p.error;
}

// Every failure carries a message and no value; every success the reverse.
template <typename T>
void check_invariant(const acw::Parsed<T>& p) {
  CHECK(p.ok() == p.error.empty());
}

}  // namespace

TEST_CASE("parse_json") {
  SUBCASE("valid") {
    const auto p = acw::parse_json(R"({"code":4001,"message":"User rejected"})");
    REQUIRE(p.ok());
    CHECK((*p.value)["code"] == 4001);
    CHECK(acw::parse_json("[]").ok());
    CHECK(acw::parse_json("  \"0x1\"  ").ok());
    CHECK(acw::parse_json("null").ok());
  }
  SUBCASE("malformed text is an error, not a throw") {
    for (const char* bad : {"", "{", "}", "{\"a\":}", "[1,]", "nul", "0x10", "'a'", "{a:1}",
                            "[1] trailing", "\"unterminated", "/* comment */ 1", "NaN"}) {
      CAPTURE(bad);
      const auto p = acw::parse_json(bad);
      check_invariant(p);
      CHECK_FALSE(p.ok());
      CHECK(p.error == "Text is not valid JSON.");
    }
  }
  SUBCASE("invalid UTF-8 is refused (it would throw later, in dump())") {
    CHECK_FALSE(acw::parse_json("\"\xff\"").ok());
    CHECK_FALSE(acw::parse_json("\"\xC3\"").ok());  // cut multi-byte sequence
  }
  SUBCASE("too long") {
    const std::string text = "\"" + std::string(100, 'a') + "\"";
    CHECK(acw::parse_json(text, text.size()).ok());
    const auto p = acw::parse_json(text, text.size() - 1);
    CHECK_FALSE(p.ok());
    CHECK(p.error == "JSON text is too long.");
    CHECK_FALSE(acw::parse_json(std::string((1 << 20) + 1, ' ')).ok());  // default limit 1 MiB
  }
  SUBCASE("nesting is limited while reading; deep input neither crashes nor overflows the stack") {
    const auto nested = [](int depth, char open, char close) {
      return std::string(static_cast<size_t>(depth), open) + std::string(static_cast<size_t>(depth), close);
    };
    CHECK(acw::parse_json(nested(acw::kMaxJsonDepth, '[', ']')).ok());
    const auto too_deep = acw::parse_json(nested(acw::kMaxJsonDepth + 1, '[', ']'));
    check_invariant(too_deep);
    CHECK(too_deep.error == "JSON text is nested too deeply.");
    std::string objects;
    for (int i = 0; i < acw::kMaxJsonDepth + 1; ++i) objects += "{\"a\":";
    CHECK(acw::parse_json(objects + "1" + std::string(acw::kMaxJsonDepth + 1, '}')).error ==
          "JSON text is nested too deeply.");
    CHECK_FALSE(acw::parse_json(std::string(100'000, '[')).ok());
    CHECK_FALSE(acw::parse_json(nested(100'000, '[', ']')).ok());
    CHECK_FALSE(acw::parse_json(std::string(100'000, '{')).ok());
  }
  SUBCASE("escapes and surrogates") {
    CHECK((*acw::parse_json(R"("\ud83d\ude00")").value) == "\xF0\x9F\x98\x80");  // U+1F600
    for (const char* lone : {R"("\ud83d")", R"("\ude00")", R"("\ud83dx")"}) {
      CAPTURE(lone);
      CHECK_FALSE(acw::parse_json(lone).ok());
    }
    CHECK_FALSE(acw::parse_json("{\"\xff\":1}").ok());  // invalid UTF-8 in a key
  }
  SUBCASE("a repeated key: the last one wins, as in JavaScript's JSON.parse") {
    CHECK((*acw::parse_json(R"({"a":1,"a":2})").value)["a"] == 2);
  }
  SUBCASE("whole numbers: exact up to 2^64 - 1, past it not a whole number") {
    const acw::json max = *acw::parse_json("18446744073709551615").value;
    CHECK(max.is_number_unsigned());
    CHECK(max.get<uint64_t>() == UINT64_MAX);
    CHECK_FALSE(acw::parse_json("18446744073709551616").value->is_number_integer());
    CHECK(acw::parse_json("-9223372036854775808").value->get<int64_t>() == INT64_MIN);
    for (const char* not_whole : {"1.0", "1e3", "1E-2", "0.5"}) {
      CAPTURE(not_whole);
      CHECK_FALSE(acw::parse_json(not_whole).value->is_number_integer());
    }
  }
}

TEST_CASE("json_text: compact, and never fails on bytes that are not UTF-8") {
  CHECK(acw::json_text(acw::json{{"a", 1}}) == R"({"a":1})");
  CHECK(acw::json_text(acw::json("a\xff" "b")) == "\"a\xEF\xBF\xBD" "b\"");  // U+FFFD
  CHECK(acw::json_text(acw::json("\xC3")) == "\"\xEF\xBF\xBD\"");          // a cut sequence
}

TEST_CASE("parse_address / is_address") {
  const auto p = acw::parse_address(kTokenMixed);
  check_invariant(p);
  REQUIRE(p.ok());
  CHECK(*p.value == kTokenLower);  // mixed case accepted, lower-cased
  CHECK(*acw::parse_address(kTokenLower).value == kTokenLower);
  CHECK(*acw::parse_address("0x" + std::string(40, 'F')).value == "0x" + std::string(40, 'f'));
  CHECK(acw::is_address(kTokenMixed));

  for (const std::string& bad : {kTokenLower.substr(0, 41),           // 39 digits
                                 kTokenLower + "0",                     // 41 digits
                                 "0X" + kTokenLower.substr(2),          // upper-case prefix
                                 kTokenLower.substr(2),                 // no prefix
                                 "0x" + std::string(39, '0') + "g",     // not hex
                                 " " + kTokenLower, std::string("")}) {
    CAPTURE(bad);
    CHECK_FALSE(acw::is_address(bad));
    const auto r = acw::parse_address(bad);
    check_invariant(r);
    CHECK(r.error == "address is not 0x followed by 40 hex digits");
  }
  for (const json& bad : {json(nullptr), json(42), json::array({kTokenLower}),
                          json::object({{"address", kTokenLower}}), json(true)}) {
    CAPTURE(bad.dump());
    CHECK(acw::parse_address(bad).error == "address is not a string");
  }
}

TEST_CASE("parse_accounts") {
  SUBCASE("empty and valid lists") {
    const auto none = acw::parse_accounts(json::array());
    REQUIRE(none.ok());
    CHECK(none.value->empty());

    const auto two = acw::parse_accounts(json::array({kTokenMixed, kVaultLower}));
    REQUIRE(two.ok());
    REQUIRE(two.value->size() == 2);
    CHECK((*two.value)[0] == kTokenLower);
    CHECK((*two.value)[1] == kVaultLower);
  }
  SUBCASE("not an array") {
    for (const json& bad : {json(kTokenLower), json(nullptr), json::object()}) {
      CAPTURE(bad.dump());
      const auto p = acw::parse_accounts(bad);
      check_invariant(p);
      CHECK(p.error == "accounts is not an array");
    }
  }
  SUBCASE("a bad entry names its position") {
    CHECK(acw::parse_accounts(json::array({kTokenLower, 7})).error ==
          "account 1 is not an address");
    CHECK(acw::parse_accounts(json::array({"0x12"})).error == "account 0 is not an address");
    CHECK(acw::parse_accounts(json::array({json::array({kTokenLower})})).error ==
          "account 0 is not an address");
  }
  SUBCASE("at most 64 entries") {
    json many = json::array();
    for (int i = 0; i < 64; ++i) many.push_back(kTokenLower);
    CHECK(acw::parse_accounts(many).ok());
    many.push_back(kTokenLower);
    CHECK(acw::parse_accounts(many).error == "accounts has too many entries");
  }
}

TEST_CASE("parse_chain_id / chain_id_hex") {
  CHECK(*acw::parse_chain_id("0xa4ec").value == 42220u);  // Celo
  CHECK(*acw::parse_chain_id("0xA4EC").value == 42220u);
  CHECK(*acw::parse_chain_id("0x7a69").value == 31337u);  // anvil
  CHECK(*acw::parse_chain_id("0x1").value == 1u);
  CHECK(*acw::parse_chain_id("0x00a4ec").value == 42220u);  // leading zeros tolerated
  CHECK(*acw::parse_chain_id("0xffffffffffffffff").value == UINT64_MAX);

  CHECK(acw::parse_chain_id("0x0").error == "chainId is zero");
  CHECK(acw::parse_chain_id("0x0000").error == "chainId is zero");
  CHECK(acw::parse_chain_id("0x10000000000000000").error == "chainId does not fit in 64 bits");
  CHECK(acw::parse_chain_id("0x" + std::string(64, 'f')).error ==
        "chainId does not fit in 64 bits");
  for (const json& bad : {json("31337"), json("42220"), json("0x"), json("0xg1"), json(""),
                          json("0x" + std::string(65, '0')), json(" 0x1")}) {
    CAPTURE(bad.dump());
    const auto p = acw::parse_chain_id(bad);
    check_invariant(p);
    CHECK(p.error == "chainId is not a hex string");
  }
  for (const json& bad : {json(31337), json(42220u), json(1.5), json(nullptr), json::array()}) {
    CAPTURE(bad.dump());
    CHECK(acw::parse_chain_id(bad).error == "chainId is not a hex string");
  }

  CHECK(acw::chain_id_hex(31337) == "0x7a69");
  CHECK(acw::chain_id_hex(42220) == "0xa4ec");
  CHECK(acw::chain_id_hex(1) == "0x1");
  CHECK(acw::chain_id_hex(UINT64_MAX) == "0xffffffffffffffff");
}

TEST_CASE("parse_uint256_word") {
  // balanceOf of 1 G$, as a node returns it.
  CHECK(dec(acw::parse_uint256_word(
            "0x0000000000000000000000000000000000000000000000000de0b6b3a7640000")) ==
        "1000000000000000000");
  CHECK(dec(acw::parse_uint256_word("0x" + std::string(64, '0'))) == "0");
  CHECK(dec(acw::parse_uint256_word("0x" + std::string(32, '0') + std::string(32, 'f'))) ==
        "340282366920938463463374607431768211455");
  CHECK(dec(acw::parse_uint256_word("0x1a")) == "26");  // lenient nodes
  CHECK(dec(acw::parse_uint256_word("0xDE0B6B3A7640000")) == "1000000000000000000");

  CHECK(dec(acw::parse_uint256_word("0x" + std::string(31, '0') + "1" + std::string(32, '0'))) ==
        "error: value too large");
  CHECK(dec(acw::parse_uint256_word("0x" + std::string(64, 'f'))) == "error: value too large");
  CHECK(dec(acw::parse_uint256_word("0x")) == "error: call result is empty (no contract there?)");
  CHECK(dec(acw::parse_uint256_word("0x" + std::string(65, '0'))) ==
        "error: call result is not a 32-byte hex word");
  CHECK(dec(acw::parse_uint256_word("0xzz")) == "error: call result is not a 32-byte hex word");
  CHECK(dec(acw::parse_uint256_word("123")) == "error: call result is not a 32-byte hex word");
  CHECK(dec(acw::parse_uint256_word(123)) == "error: call result is not a hex string");
  CHECK(dec(acw::parse_uint256_word(nullptr)) == "error: call result is not a hex string");
}

TEST_CASE("parse_tx_hash") {
  const std::string hash = "0x" + std::string(32, 'A') + std::string(32, 'b');
  const auto p = acw::parse_tx_hash(hash);
  check_invariant(p);
  REQUIRE(p.ok());
  CHECK(*p.value == "0x" + std::string(32, 'a') + std::string(32, 'b'));

  for (const std::string& bad : {"0x" + std::string(63, 'a'), "0x" + std::string(65, 'a'),
                                 "0x" + std::string(63, 'a') + "g", std::string(66, 'a'),
                                 kTokenLower}) {
    CAPTURE(bad);
    CHECK(acw::parse_tx_hash(bad).error ==
          "transaction hash is not 0x followed by 64 hex digits");
  }
  CHECK(acw::parse_tx_hash(nullptr).error == "transaction hash is not a string");
  CHECK(acw::parse_tx_hash(1).error == "transaction hash is not a string");
}

TEST_CASE("ABI encoding") {
  const std::string word = "000000000000000000000000" + kTokenLower.substr(2);
  CHECK(acw::abi_word_address(kTokenMixed) == word);
  CHECK(acw::abi_word_address(kTokenMixed).size() == 64);
  CHECK(acw::abi_word_address("0x1234").empty());  // never a silently padded wrong address

  CHECK(acw::abi_word_uint(0) == std::string(64, '0'));
  CHECK(acw::abi_word_uint(1'000'000'000'000'000'000ULL) ==
        std::string(49, '0') + "de0b6b3a7640000");
  CHECK(acw::abi_word_uint(acw::kUint128Max) == std::string(32, '0') + std::string(32, 'f'));

  // balanceOf(0x62b8...9c7a): selector + 12 zero bytes + the address.
  CHECK(acw::encode_balance_of(kTokenMixed) ==
        "0x70a08231"
        "00000000000000000000000062b8b11039fcfe5ab0c56e502b1c372a3d2a9c7a");
  CHECK(acw::encode_balance_of("0x62b8").empty());
  CHECK(acw::encode_balance_of("").empty());
}

TEST_CASE("parse_wallet_error") {
  SUBCASE("a proper EIP-1193 error") {
    const auto e = acw::parse_wallet_error(json{{"code", 4001}, {"message", "User rejected"}});
    CHECK(e.code == 4001);
    CHECK(e.message == "User rejected");
    const auto pending = acw::parse_wallet_error(
        *acw::parse_json(R"({"code":-32002,"message":"Request already pending","data":{}})").value);
    CHECK(pending.code == -32002);
    CHECK(pending.message == "Request already pending");
  }
  SUBCASE("missing fields or wrong types give -32603 and a generic message") {
    const acw::WalletError generic = acw::parse_wallet_error(nullptr);
    CHECK(generic.code == -32603);
    CHECK_FALSE(generic.message.empty());
    for (const json& bad :
         {json(nullptr), json("User rejected"), json(4001), json::array({4001, "x"}),
          json::object(), json{{"message", "x"}},
          json{{"code", "4001"}, {"message", "x"}}, json{{"code", 4001.0}, {"message", "x"}},
          json{{"code", nullptr}, {"message", "x"}},
          json{{"code", int64_t{1} << 40}, {"message", "x"}},
          json{{"code", -(int64_t{1} << 40)}, {"message", "x"}},
          json{{"code", uint64_t{1} << 63}, {"message", "x"}}}) {
      CAPTURE(bad.dump());
      const auto e = acw::parse_wallet_error(bad);
      CHECK(e.code == -32603);
      CHECK(e.message == generic.message);
    }
  }
  SUBCASE("a missing or non-string message keeps a valid code") {
    for (const json& v : {json{{"code", 4001}}, json{{"code", 4001}, {"message", 5}}}) {
      const auto e = acw::parse_wallet_error(v);
      CHECK(e.code == 4001);
      CHECK(e.message == acw::parse_wallet_error(nullptr).message);
    }
  }
  SUBCASE("an empty message keeps the code") {
    const auto e = acw::parse_wallet_error(json{{"code", 4902}, {"message", ""}});
    CHECK(e.code == 4902);
    CHECK(e.message == acw::parse_wallet_error(nullptr).message);
  }
  SUBCASE("long messages are cut to 300 characters") {
    const std::string exactly(300, 'a');
    CHECK(acw::parse_wallet_error(json{{"code", 1}, {"message", exactly}}).message == exactly);

    const auto e = acw::parse_wallet_error(json{{"code", 1}, {"message", std::string(5000, 'a')}});
    CHECK(e.message.size() == 300);
    CHECK(e.message == std::string(297, 'a') + "...");
  }
  SUBCASE("cutting never splits a UTF-8 character") {
    std::string text;
    for (int i = 0; i < 400; ++i) text += "\xC3\xA9";  // "é", 2 bytes
    const auto e = acw::parse_wallet_error(json{{"code", 1}, {"message", text}});
    CHECK(e.message == text.substr(0, 297 * 2) + "...");
    // Still valid UTF-8: dumping it would throw otherwise.
    CHECK(json(e.message).dump(-1, ' ', false, json::error_handler_t::strict).size() > 0);

    std::string emoji;  // 4-byte characters, exactly 300 of them: kept whole
    for (int i = 0; i < 300; ++i) emoji += "\xF0\x9F\x98\x80";
    CHECK(acw::parse_wallet_error(json{{"code", 1}, {"message", emoji}}).message == emoji);
  }
}

TEST_CASE("whole_number: exact non-negative integers only, parsed or built") {
  CHECK(acw::whole_number(*acw::parse_json("18446744073709551615").value) == UINT64_MAX);
  CHECK(acw::whole_number(acw::json(5)) == 5u);  // built from an int: number_integer
  CHECK(acw::whole_number(*acw::parse_json("0").value) == 0u);
  for (const char* not_whole : {"-1", "1.5", "1e3", "18446744073709551616", "\"7\"", "null", "[1]"}) {
    CAPTURE(not_whole);
    CHECK_FALSE(acw::whole_number(*acw::parse_json(not_whole).value));
  }
}

TEST_CASE("parse_chain_id_any: a number past 2^63 is a chain id, zero and negatives are not") {
  CHECK(acw::parse_chain_id_any(*acw::parse_json("9223372036854775808").value).value == 9223372036854775808ULL);
  CHECK(acw::parse_chain_id_any(acw::json(42220)).value == 42220u);
  CHECK(acw::parse_chain_id_any(acw::json(0)).error == "chainId must be positive");
  CHECK(acw::parse_chain_id_any(*acw::parse_json("-5").value).error == "chainId must be positive");
  CHECK_FALSE(acw::parse_chain_id_any(*acw::parse_json("31337.5").value).ok());
}
