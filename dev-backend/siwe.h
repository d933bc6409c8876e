// EIP-4361 (Sign-In with Ethereum) messages for API key sign-in.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace acw::backend {

inline constexpr const char* kSiweStatement =
    "Sign in to manage the API keys of your AI credits.";
inline constexpr int64_t kSiweTtlMs = 10 * 60 * 1000;  // 10 minutes

struct SiweFields {
  std::string domain;   // RFC 3986 authority: "localhost:5173"
  std::string address;  // any case; written in its EIP-55 checksum form
  std::string statement = kSiweStatement;
  std::string uri;      // "http://localhost:5173"
  uint64_t chain_id = 0;
  std::string nonce;    // at least 8 alphanumeric characters
  int64_t issued_at_ms = 0;
  int64_t expires_at_ms = 0;
};

// The exact text a wallet shows and signs:
//   <domain> wants you to sign in with your Ethereum account:
//   <EIP-55 address>
//   (blank)
//   <statement>
//   (blank)
//   URI: <uri>
//   Version: 1
//   Chain ID: <chain id>
//   Nonce: <nonce>
//   Issued At: <RFC 3339>
//   Expiration Time: <RFC 3339>
std::string build_siwe_message(const SiweFields& fields);

// Where the sign-in is for: the domain and URI of the message.
struct SiweOrigin {
  std::string domain;
  std::string uri;
};

// "host", "host:port", "[v6]:port" with a sane character set; no user info, no path.
bool is_valid_authority(std::string_view text);

// An origin "http(s)://authority" -> {authority, origin}; nullopt when malformed.
std::optional<SiweOrigin> origin_from_url(std::string_view origin);

// "https://a.example,http://localhost:5173" -> the origins; nullopt when one is malformed or
// the list is empty.
std::optional<std::vector<SiweOrigin>> origins_from_list(std::string_view list);

// The sites sign-in is offered to when none are configured: the demo's page.
std::vector<SiweOrigin> default_siwe_origins();

// Chooses the message's domain among the configured sites: the request's Origin header when
// it is one of them (the page asking, which wallets compare with the domain); the first of
// them when the request has no Origin (a tool, not a page); nullopt (refused) for any other
// Origin, "null" included. Nothing from the request is ever used unless it is on the list.
std::optional<SiweOrigin> choose_siwe_origin(const std::vector<SiweOrigin>& configured,
                                             std::string_view origin_header);

}  // namespace acw::backend
