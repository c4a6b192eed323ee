#pragma once
// Who may talk to `deckgen present`'s server. Unlike `watch`, whose server only reads
// out the deck, `present` runs snippets when asked; so every request must carry the
// session's random token (printed once, in the URL the speaker opens) and, when the
// browser says where the request comes from (Origin), come from a loopback page. A
// page of another site cannot learn the token, and a DNS-rebound name fails the Host
// check (serve/deck_server.cpp) before any of this.
#include <string>
#include <string_view>

namespace deckgen {

// 32 hex digits from the kernel's random source; a new one for every session.
std::string new_session_token();

// The value of `name` in the query of a request target ("/x?a=1&token=T" -> "T"), as
// written (a token needs no unescaping); empty when absent.
std::string query_value(std::string_view target, std::string_view name);

// Compares in time independent of where the two differ; an empty `given` never matches.
bool token_matches(std::string_view given, std::string_view token);

// "http://127.0.0.1:8000", "http://localhost", "http://[::1]:9": a page served from
// this machine's loopback. Anything else ("null", another scheme or host) is not.
bool origin_is_loopback(std::string_view origin);

}  // namespace deckgen
