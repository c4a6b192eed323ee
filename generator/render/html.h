#pragma once
// Escaping for text that reaches the page. Only the deck author's raw HTML is written
// unescaped; program output, file names and everything else go through these.
#include <string>
#include <string_view>

namespace deckgen {

// Escapes & < > " ' for element content and attribute values alike.
void append_escaped(std::string& out, std::string_view text);
std::string escape_html(std::string_view text);

// Base64 (RFC 4648, with padding), for data: URIs.
std::string base64(std::string_view bytes);

// A link destination that cannot run script: javascript:, vbscript: and file: URLs
// (and data: other than images) are replaced by an empty one.
std::string safe_url(std::string_view url);

}  // namespace deckgen
