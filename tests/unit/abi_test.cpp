// Calldata for the one-time payment, checked word by word against the ABI layout.
#include <doctest/doctest.h>

#include "core/abi.h"

using namespace acw;

namespace {

std::string word_at(const std::string& hex_no_selector, size_t index) { return hex_no_selector.substr(index * 64, 64); }

}  // namespace

TEST_CASE("depositFromAction(amount, abi.encode(account), empty ctx)") {
  const std::string account = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
  const std::string data = encode_deposit_from_action(255, account);
  REQUIRE(data.rfind("0x242fee63", 0) == 0);
  const std::string body = data.substr(10);
  CHECK(body.size() == 6 * 64);  // 3 head words, userData (length + word), ctx (length)
  CHECK(word_at(body, 0) == std::string(62, '0') + "ff");
  CHECK(word_at(body, 1) == std::string(62, '0') + "60");  // offset of userData
  CHECK(word_at(body, 2) == std::string(62, '0') + "a0");  // offset of ctx
  CHECK(word_at(body, 3) == std::string(62, '0') + "20");  // userData length
  CHECK(word_at(body, 4) == std::string(24, '0') + account.substr(2));
  CHECK(word_at(body, 5) == std::string(64, '0'));         // ctx length 0
}

TEST_CASE("batchCall of approve + app action") {
  const std::string token = "0x1111111111111111111111111111111111111111";
  const std::string vault = "0x2222222222222222222222222222222222222222";
  const std::string account = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
  const std::string data = encode_deposit_batch_call(token, vault, 1, account);
  REQUIRE(data.rfind("0x6ad3ca7d", 0) == 0);
  const std::string b = data.substr(10);
  CHECK(word_at(b, 0) == std::string(62, '0') + "20");  // offset of the array
  CHECK(word_at(b, 1) == std::string(63, '0') + "2");   // two operations
  CHECK(word_at(b, 2) == std::string(62, '0') + "40");  // first tuple after the two offsets
  // first tuple: type 1, token, bytes offset 0x60, length 0x40, (vault, amount)
  CHECK(word_at(b, 4) == std::string(63, '0') + "1");
  CHECK(word_at(b, 5) == std::string(24, '0') + token.substr(2));
  CHECK(word_at(b, 6) == std::string(62, '0') + "60");
  CHECK(word_at(b, 7) == std::string(62, '0') + "40");
  CHECK(word_at(b, 8) == std::string(24, '0') + vault.substr(2));
  CHECK(word_at(b, 9) == std::string(63, '0') + "1");
  // second tuple starts 0x40 + 6 words = 0x100 after the offsets
  CHECK(word_at(b, 3) == std::string(61, '0') + "100");
  CHECK(word_at(b, 10) == std::string(62, '0') + "ca");  // 202 = CALL_APP_ACTION
  CHECK(word_at(b, 11) == std::string(24, '0') + vault.substr(2));
  CHECK(b.substr(14 * 64, 8) == "242fee63");
  CHECK(b.size() % 64 == 0);
  CHECK((data.size() - 2) / 2 == 676);  // the layout chain/README.md documents
  CHECK(encode_deposit_batch_call("0x12", vault, 1, account).empty());
}

TEST_CASE("the golden vector of chain/README.md (also checked against the contracts on anvil)") {
  const std::string expected =
      "0x6ad3ca7d00000000000000000000000000000000000000000000000000000000000000200000000000000000000000"
      "000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000"
      "000000004000000000000000000000000000000000000000000000000000000000000001000000000000000000000000"
      "0000000000000000000000000000000000000000010000000000000000000000008636f799a27b94e5c72f7e41bccc8c"
      "f269aaba6e00000000000000000000000000000000000000000000000000000000000000600000000000000000000000"
      "000000000000000000000000000000000000000040000000000000000000000000a82ff9afd8f496c3d6ac40e2a0f282"
      "e47488cfc900000000000000000000000000000000000000000000003635c9adc5dea000000000000000000000000000"
      "0000000000000000000000000000000000000000ca000000000000000000000000a82ff9afd8f496c3d6ac40e2a0f282"
      "e47488cfc900000000000000000000000000000000000000000000000000000000000000600000000000000000000000"
      "0000000000000000000000000000000000000000c4242fee630000000000000000000000000000000000000000000000"
      "3635c9adc5dea00000000000000000000000000000000000000000000000000000000000000000006000000000000000"
      "000000000000000000000000000000000000000000000000a00000000000000000000000000000000000000000000000"
      "00000000000000002000000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c800000000000000"
      "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      "0000000000";
  CHECK(encode_deposit_batch_call("0x8636f799a27b94e5c72f7e41bccc8cf269aaba6e",
                                  "0xa82ff9afd8f496c3d6ac40e2a0f282e47488cfc9", uint128{1000} * kWeiPerG,
                                  "0x70997970c51812dc3a010c7d01b50e0d17dc79c8") == expected);
}
