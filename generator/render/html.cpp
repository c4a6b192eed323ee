#include "render/html.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace deckgen {

// The five characters that HTML escaping replaces, as a table for a tight scan.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> special{};
  for (unsigned char c : std::string_view("&<>\"'")) special[c] = true;
  return special;
}();

// Copies the runs between special characters whole: appending byte by byte made
// escaping the largest part of rendering a deck.
void append_escaped(std::string& out, std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (p != end) {
    const char* run = p;
    while (p != end && !kSpecial[static_cast<unsigned char>(*p)]) ++p;
    out.append(run, p);
    if (p == end) break;
    switch (*p++) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += "&#39;"; break;
    }
  }
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped(out, text);
  return out;
}

std::string base64(std::string_view bytes) {
  static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  auto byte = [&](size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[k])); };
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += table[v >> 6 & 63], out += table[v & 63];
  }
  if (i + 1 == bytes.size()) {
    unsigned v = byte(i) << 16;
    out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += "==";
  } else if (i + 2 == bytes.size()) {
    unsigned v = byte(i) << 16 | byte(i + 1) << 8;
    out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += table[v >> 6 & 63], out += '=';
  }
  return out;
}

std::string safe_url(std::string_view url) {
  std::string lower;
  for (char c : url.substr(0, 16))
    if (!std::isspace(static_cast<unsigned char>(c))) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view bad : {"javascript:", "vbscript:", "file:"})
    if (lower.starts_with(bad)) return {};
  if (lower.starts_with("data:") && !lower.starts_with("data:image/")) return {};
  return std::string(url);
}

}  // namespace deckgen
