#include "serve/live_access.h"

#include <fmt/format.h>

#include <array>
#include <random>

namespace deckgen {

std::string new_session_token() {
  std::random_device kernel;  // libstdc++ reads getrandom()/dev/urandom here, not a PRNG
  std::string token;
  for (int i = 0; i < 4; ++i) token += fmt::format("{:08x}", kernel());
  return token;
}

std::string query_value(std::string_view target, std::string_view name) {
  size_t question = target.find('?');
  if (question == std::string_view::npos) return {};
  std::string_view query = target.substr(question + 1);
  query = query.substr(0, query.find('#'));
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) return std::string(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

bool token_matches(std::string_view given, std::string_view token) {
  if (given.empty() || given.size() != token.size()) return false;
  unsigned char differ = 0;
  for (size_t i = 0; i < token.size(); ++i) differ |= static_cast<unsigned char>(given[i] ^ token[i]);
  return differ == 0;
}

bool origin_is_loopback(std::string_view origin) {
  constexpr std::string_view scheme = "http://";
  if (!origin.starts_with(scheme)) return false;
  std::string_view host = origin.substr(scheme.size());
  for (std::string_view name : {"127.0.0.1", "localhost", "[::1]"}) {
    if (!host.starts_with(name)) continue;
    std::string_view rest = host.substr(name.size());
    if (rest.empty()) return true;
    if (rest[0] != ':' || rest.size() == 1) return false;
    for (char c : rest.substr(1))
      if (c < '0' || c > '9') return false;
    return true;
  }
  return false;
}

}  // namespace deckgen
