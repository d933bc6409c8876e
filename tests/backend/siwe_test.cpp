// EIP-4361 message text and the choice of its domain.
#include <doctest/doctest.h>

#include "siwe.h"
#include "test_support.h"
#include "util/time.h"

using namespace acw::backend;

TEST_CASE("the SIWE message follows EIP-4361 line by line") {
  SiweFields f;
  f.domain = "localhost:5173";
  f.address = test::kAnvilAddress0;  // lower-case in, EIP-55 out
  f.uri = "http://localhost:5173";
  f.chain_id = 31337;
  f.nonce = "0123456789abcdef";
  f.issued_at_ms = *parse_iso8601_ms("2024-05-01T12:00:00Z");
  f.expires_at_ms = f.issued_at_ms + kSiweTtlMs;
  const std::string expected =
      "localhost:5173 wants you to sign in with your Ethereum account:\n"
      "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\n"
      "\n"
      "Sign in to manage the API keys of your AI credits.\n"
      "\n"
      "URI: http://localhost:5173\n"
      "Version: 1\n"
      "Chain ID: 31337\n"
      "Nonce: 0123456789abcdef\n"
      "Issued At: 2024-05-01T12:00:00.000Z\n"
      "Expiration Time: 2024-05-01T12:10:00.000Z";
  CHECK(build_siwe_message(f) == expected);
}

TEST_CASE("authorities and origins") {
  CHECK(is_valid_authority("localhost"));
  CHECK(is_valid_authority("localhost:5173"));
  CHECK(is_valid_authority("127.0.0.1:8787"));
  CHECK(is_valid_authority("[::1]:8787"));
  CHECK(is_valid_authority("example.com"));
  CHECK_FALSE(is_valid_authority(""));
  CHECK_FALSE(is_valid_authority("user@host"));
  CHECK_FALSE(is_valid_authority("host/path"));
  CHECK_FALSE(is_valid_authority("host:"));
  CHECK_FALSE(is_valid_authority("host:12ab"));
  CHECK_FALSE(is_valid_authority("host:123456"));
  CHECK_FALSE(is_valid_authority("evil.com\nURI: x"));
  CHECK_FALSE(is_valid_authority("[::1"));

  auto o = origin_from_url("https://app.example.com");
  REQUIRE(o);
  CHECK(o->domain == "app.example.com");
  CHECK(o->uri == "https://app.example.com");
  CHECK_FALSE(origin_from_url("ftp://x"));
  CHECK_FALSE(origin_from_url("http://"));
  CHECK_FALSE(origin_from_url("http://a b"));
}

TEST_CASE("the message's domain: only a configured site, never one a request names") {
  const std::vector<SiweOrigin> sites = *origins_from_list("https://wallet.test, http://localhost:5173");
  REQUIRE(sites.size() == 2);
  CHECK(sites[1].domain == "localhost:5173");
  // A page of a configured site gets its own; a client without Origin the first.
  CHECK(choose_siwe_origin(sites, "http://localhost:5173")->uri == "http://localhost:5173");
  CHECK(choose_siwe_origin(sites, "https://wallet.test")->domain == "wallet.test");
  CHECK(choose_siwe_origin(sites, "")->domain == "wallet.test");
  // Any other page is refused: evil.example never gets "evil.example wants you to sign in".
  CHECK_FALSE(choose_siwe_origin(sites, "https://evil.example"));
  CHECK_FALSE(choose_siwe_origin(sites, "http://wallet.test"));  // another scheme, another site
  CHECK_FALSE(choose_siwe_origin(sites, "null"));
  CHECK_FALSE(choose_siwe_origin(sites, "javascript:x"));
  CHECK_FALSE(choose_siwe_origin({}, ""));
  CHECK(choose_siwe_origin(default_siwe_origins(), "http://127.0.0.1:8080")->domain == "127.0.0.1:8080");
  CHECK_FALSE(origins_from_list(""));
  CHECK_FALSE(origins_from_list("https://a.example,localhost"));
}
