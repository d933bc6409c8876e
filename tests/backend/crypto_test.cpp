// Keccak-256, SHA-256, EIP-55 and personal_sign recovery against published vectors.
#include <doctest/doctest.h>

#include "api_key.h"
#include "chain/vault_abi.h"
#include "crypto/eth_address.h"
#include "crypto/keccak.h"
#include "crypto/personal_sign.h"
#include "crypto/random.h"
#include "crypto/sha256.h"
#include "test_support.h"

using namespace acw::backend;

TEST_CASE("keccak256 is Ethereum's Keccak, not SHA3-256") {
  CHECK(keccak256_hex("") == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  CHECK(keccak256_hex("abc") == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  // SHA3-256("") would be a7ffc6f8bf1ed766...
  CHECK(keccak256_hex("").rfind("a7ffc6f8", 0) != 0);
}

TEST_CASE("selectors and topics come from keccak of the signatures") {
  CHECK(function_selector("balanceOf(address)") == "0x70a08231");
  CHECK(function_selector("transfer(address,uint256)") == "0xa9059cbb");
  CHECK(event_topic("Transfer(address,address,uint256)") ==
        "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
  CHECK(deposited_topic() == "0xf5681f9d0db1b911ac18ee83d515a1cf1051853a9eae418316a2fdf7dea427c5");
  CHECK(function_selector(kPriceSignature) == "0x901d1683");
  CHECK(function_selector(kMinFirstDepositSignature) == "0x2b501dfd");
  CHECK(function_selector(kMinStreamSignature) == "0xd603886b");
}

TEST_CASE("sha256 vectors and constant-time comparison") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(constant_time_equal("abc", "abc"));
  CHECK_FALSE(constant_time_equal("abc", "abd"));
  CHECK_FALSE(constant_time_equal("abc", "abcd"));
  CHECK(constant_time_equal("", ""));
}

TEST_CASE("EIP-55 checksum addresses") {
  for (const char* expected :
       {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
    CHECK(checksum_address(to_lower(expected)) == expected);
  }
  CHECK(checksum_address("0x1234") == "");
  CHECK(checksum_address("not an address at all, not at all, not at all") == "");
}

TEST_CASE("personal_sign recovery: the web3.js documentation vector") {
  // web3.eth.accounts.sign('Some data', '0x4c0883a6…') from the web3.js docs.
  const std::string sig =
      "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd6007e74cd82e037b800186422fc2"
      "da167c747ef045e5d18a5f5d4300f8e1a0291c";
  CHECK(to_hex(personal_message_hash("Some data")) ==
        "1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655");
  auto who = recover_personal_sign("Some data", sig);
  REQUIRE(who.ok());
  CHECK(*who.value == "0x2c7536e3605d9c16a7a3d7b1898e529396a65c23");

  // v as 0/1 instead of 27/28 recovers the same signer.
  std::string v01 = sig.substr(0, 130) + "01";
  auto same = recover_personal_sign("Some data", v01);
  REQUIRE(same.ok());
  CHECK(*same.value == *who.value);

  // Another message gives another (or no) signer, never the same one.
  auto other = recover_personal_sign("Some datA", sig);
  CHECK((!other.ok() || *other.value != *who.value));
}

TEST_CASE("personal_sign recovery: anvil's account 0 signing a SIWE message (ethers vector)") {
  const std::string message =
      "localhost:5173 wants you to sign in with your Ethereum account:\n"
      "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\n\nhello\n\nURI: http://localhost:5173\n"
      "Version: 1\nChain ID: 31337\nNonce: 0123456789abcdef\n"
      "Issued At: 2024-05-01T12:00:00.000Z\nExpiration Time: 2024-05-01T12:10:00.000Z";
  const std::string ethers_sig =
      "0xcf02fed2e4566e422220933233d5aa42ee54ab5da986861a71fbae8df88496aa279be393139381cb9bac0ceb9536"
      "5390eeded4c6eb73e1239e9d1faf1765777b1b";
  auto who = recover_personal_sign(message, ethers_sig);
  REQUIRE(who.ok());
  CHECK(*who.value == test::kAnvilAddress0);
  // libsecp256k1's RFC 6979 signature is deterministic: the same as ethers'.
  CHECK(test::personal_sign(message, test::kAnvilKey0) == ethers_sig);
  auto second = recover_personal_sign(message, test::personal_sign(message, test::kAnvilKey1));
  REQUIRE(second.ok());
  CHECK(*second.value == test::kAnvilAddress1);
}

TEST_CASE("personal_sign recovery refuses malformed signatures") {
  const std::string good = test::personal_sign("m", test::kAnvilKey0);
  CHECK_FALSE(recover_personal_sign("m", "").ok());
  CHECK_FALSE(recover_personal_sign("m", good.substr(2)).ok());           // no 0x
  CHECK_FALSE(recover_personal_sign("m", good.substr(0, 130)).ok());      // short
  CHECK_FALSE(recover_personal_sign("m", good + "00").ok());              // long
  CHECK_FALSE(recover_personal_sign("m", "0x" + std::string(130, 'z')).ok());
  CHECK_FALSE(recover_personal_sign("m", good.substr(0, 130) + "1d").ok());  // v = 29
  CHECK_FALSE(recover_personal_sign("m", good.substr(0, 130) + "02").ok());  // v = 2
  // r = s = 0 and r >= the curve order do not parse or recover.
  CHECK_FALSE(recover_personal_sign("m", "0x" + std::string(128, '0') + "1b").ok());
  CHECK_FALSE(recover_personal_sign("m", "0x" + std::string(128, 'f') + "1b").ok());
}

TEST_CASE("random hex and API keys") {
  const std::string a = random_hex(32), b = random_hex(32);
  CHECK(a.size() == 64);
  CHECK(is_lower_hex(a));
  CHECK(a != b);
  NewApiKey key = generate_api_key("0xabc", 5);
  CHECK(is_api_key_token(key.token));
  CHECK(key.token.rfind("gd_live_", 0) == 0);
  CHECK(key.token.size() == 8 + 64);
  CHECK(key.record.token_prefix == key.token.substr(0, 12));
  CHECK(key.record.token_sha256 == sha256_hex(key.token));
  CHECK(is_api_key_id(key.record.id));
  CHECK_FALSE(is_api_key_token("gd_live_" + std::string(63, 'a')));
  CHECK_FALSE(is_api_key_token("gd_live_" + std::string(64, 'A')));
  CHECK_FALSE(is_api_key_token("gd_test_" + std::string(64, 'a')));
  CHECK(bearer_token("Bearer abc") == std::optional<std::string>("abc"));
  CHECK(bearer_token("bearer  abc ") == std::optional<std::string>("abc"));
  CHECK_FALSE(bearer_token("Basic abc").has_value());
  CHECK_FALSE(bearer_token("Bearer ").has_value());
  CHECK_FALSE(bearer_token("").has_value());
}
