#include "util/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace deckgen {

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::string_view trim(std::string_view s) {
  s = trim_right(s);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

bool LineCursor::next(std::string_view& line) {
  if (next_ >= text_.size()) return false;
  start_ = next_;
  size_t end = text_.find('\n', start_);
  next_ = end == std::string_view::npos ? text_.size() : end + 1;
  line = text_.substr(start_, (end == std::string_view::npos ? text_.size() : end) - start_);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++number_;
  return true;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string percent_decode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string strip_ansi(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\x1b') {
      out += s[i];
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '[') {  // CSI: ESC [ params final-byte
      size_t j = i + 2;
      while (j < s.size() && !(s[j] >= 0x40 && s[j] <= 0x7e)) ++j;
      i = j;
    } else if (i + 1 < s.size() && s[i + 1] == ']') {  // OSC: ends with BEL or ESC '\\'
      size_t j = i + 2;
      while (j < s.size() && s[j] != '\a' && !(s[j] == '\x1b' && j + 1 < s.size() && s[j + 1] == '\\')) ++j;
      i = (j < s.size() && s[j] == '\x1b') ? j + 1 : j;
    } else {
      ++i;  // a two-byte escape
    }
  }
  return out;
}

namespace {

// Where the ASCII bytes from `i` on end, looked at eight at a time: most of a deck's
// text is ASCII, and a byte at a time made this scan a visible part of reading it.
size_t ascii_end(const unsigned char* p, size_t i, size_t n) {
  for (uint64_t word; i + 8 <= n; i += 8) {
    std::memcpy(&word, p + i, 8);
    if (word & 0x8080808080808080u) break;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

}  // namespace

std::string sanitize_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t i = ascii_end(p, 0, n);
  if (i == n) return std::string(s);
  // Valid text is copied in runs, not a character at a time.
  std::string out;
  out.reserve(s.size());
  size_t run = 0;  // where the valid bytes not yet copied start
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      i = ascii_end(p, i, n);
      continue;
    }
    size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
    if (ok && len == 2) ok = c >= 0xC2;                                   // no overlongs
    if (ok && len == 3) {
      unsigned cp = ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);                   // no surrogates
    }
    if (ok && len == 4) {
      unsigned cp = ((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
      ok = cp >= 0x10000 && cp <= 0x10FFFF;
    }
    if (ok) {
      i += len;
    } else {
      out.append(s.substr(run, i - run));
      out += "\xEF\xBF\xBD";
      run = ++i;
    }
  }
  out.append(s.substr(run));
  return out;
}

namespace {

// The bidirectional formatting character that starts at text[i] (valid UTF-8), or 0:
// U+202E and its kin reorder what a terminal shows after them, so that an output line
// can read as something it is not (issue 24), like an ESC sequence could.
char32_t bidi_control_at(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  if (byte(0) == 0xD8 && byte(1) == 0x9C) return 0x061C;  // ARABIC LETTER MARK
  if (byte(0) != 0xE2) return 0;
  char32_t c = (char32_t(byte(1) & 0x3F) << 6) | (byte(2) & 0x3F) | 0x2000;
  if (byte(1) == 0x80 && (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E))) return c;
  if (byte(1) == 0x81 && c >= 0x2066 && c <= 0x2069) return c;
  return 0;
}

}  // namespace

std::string terminal_safe(std::string_view raw) {
  const std::string text = sanitize_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += fmt::format("\\u{{{:x}}}", static_cast<unsigned char>(text[i + 1]));  // U+0080..U+009F
      ++i;
    } else if (char32_t bidi = bidi_control_at(text, i)) {
      out += fmt::format("\\u{{{:x}}}", static_cast<uint32_t>(bidi));
      i += bidi < 0x800 ? 1 : 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void normalize_text_start_and_line_ends(std::string& text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  for (size_t at = text.find('\r'); at != std::string::npos; at = text.find('\r', at + 1))
    if (at + 1 == text.size() || text[at + 1] != '\n') text[at] = '\n';
}

}  // namespace deckgen
