#include "siwe.h"

#include "crypto/eth_address.h"
#include "util/time.h"

namespace acw::backend {

std::string build_siwe_message(const SiweFields& f) {
  std::string m;
  m += f.domain + " wants you to sign in with your Ethereum account:\n";
  m += checksum_address(f.address) + "\n\n";
  m += f.statement + "\n\n";
  m += "URI: " + f.uri + "\n";
  m += "Version: 1\n";
  m += "Chain ID: " + std::to_string(f.chain_id) + "\n";
  m += "Nonce: " + f.nonce + "\n";
  m += "Issued At: " + iso8601_ms(f.issued_at_ms) + "\n";
  m += "Expiration Time: " + iso8601_ms(f.expires_at_ms);
  return m;
}

bool is_valid_authority(std::string_view text) {
  if (text.empty() || text.size() > 253) return false;
  std::string_view host = text;
  std::string_view port;
  if (text.front() == '[') {
    const size_t close = text.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    for (char c : text.substr(1, close - 1)) {
      const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                      (c >= 'A' && c <= 'F') || c == ':' || c == '.';
      if (!ok) return false;
    }
    const std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return false;
      port = rest.substr(1);
      if (port.empty()) return false;
    }
  } else {
    const size_t colon = text.find(':');
    if (colon != std::string_view::npos) {
      host = text.substr(0, colon);
      port = text.substr(colon + 1);
      if (port.empty()) return false;
    }
    if (host.empty()) return false;
    for (char c : host) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '.' || c == '-';
      if (!ok) return false;
    }
  }
  if (port.size() > 5) return false;
  for (char c : port) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<SiweOrigin> origin_from_url(std::string_view origin) {
  size_t start = 0;
  if (origin.substr(0, 7) == "http://") {
    start = 7;
  } else if (origin.substr(0, 8) == "https://") {
    start = 8;
  } else {
    return std::nullopt;
  }
  std::string_view authority = origin.substr(start);
  if (!authority.empty() && authority.back() == '/') authority.remove_suffix(1);
  if (!is_valid_authority(authority)) return std::nullopt;
  return SiweOrigin{std::string(authority),
                    std::string(origin.substr(0, start)) + std::string(authority)};
}

std::optional<std::vector<SiweOrigin>> origins_from_list(std::string_view list) {
  std::vector<SiweOrigin> origins;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    auto origin = origin_from_url(item);
    if (!origin) return std::nullopt;
    origins.push_back(*origin);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  if (origins.empty()) return std::nullopt;
  return origins;
}

std::vector<SiweOrigin> default_siwe_origins() {
  return {{"127.0.0.1:8080", "http://127.0.0.1:8080"}, {"localhost:8080", "http://localhost:8080"}};
}

std::optional<SiweOrigin> choose_siwe_origin(const std::vector<SiweOrigin>& configured,
                                             std::string_view origin_header) {
  if (origin_header.empty()) {
    if (configured.empty()) return std::nullopt;
    return configured.front();
  }
  auto asked = origin_from_url(origin_header);
  if (!asked) return std::nullopt;
  for (const SiweOrigin& site : configured) {
    if (site.uri == asked->uri) return site;
  }
  return std::nullopt;
}

}  // namespace acw::backend
