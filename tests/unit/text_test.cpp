// Text helpers: what may reach a terminal (issue 13, item 10).
#include <gtest/gtest.h>

#include "util/text.h"

namespace deckgen {
namespace {

TEST(TerminalSafe, WritesControlCharactersOut) {
  EXPECT_EQ(terminal_safe("deck/\x1b]0;owned\x07.md:1:1"), "deck/\\x1b]0;owned\\x07.md:1:1");
  EXPECT_EQ(terminal_safe("key \x1b[2J\x1b[H"), "key \\x1b[2J\\x1b[H");
  EXPECT_EQ(terminal_safe("ok\rhidden"), "ok\\x0dhidden");
  EXPECT_EQ(terminal_safe("del\x7f"), "del\\x7f");
  EXPECT_EQ(terminal_safe("csi \xc2\x9b" "2J"), "csi \\u{9b}2J");  // C1 control, as UTF-8
  EXPECT_EQ(terminal_safe("raw \x9b" "2J"), "raw \xEF\xBF\xBD" "2J");  // not UTF-8: U+FFFD
}

TEST(TerminalSafe, KeepsTextNewlinesTabsAndUnicode) {
  EXPECT_EQ(terminal_safe("a\tb\nc"), "a\tb\nc");
  EXPECT_EQ(terminal_safe("12 µs ± 3 — ok ×"), "12 µs ± 3 — ok ×");
  EXPECT_EQ(terminal_safe("\xc2\xa0nbsp"), "\xc2\xa0nbsp");
}

TEST(TerminalSafe, EveryByteComesOutPrintable) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  std::string safe = terminal_safe(all);
  for (unsigned char c : safe) EXPECT_TRUE(c >= 0x20 || c == '\n' || c == '\t') << int(c);
  EXPECT_EQ(safe.find('\x7f'), std::string::npos);
}

// Issue 24, item 7: U+202E and the other bidirectional controls reorder what a terminal
// shows after them, so they are written out as ESC is.
TEST(TerminalSafe, WritesBidirectionalControlsOut) {
  EXPECT_EQ(terminal_safe("ok \u202Etxt.exe"), "ok \\u{202e}txt.exe");
  EXPECT_EQ(terminal_safe("\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C"),
            "\\u{202a}\\u{202b}\\u{202c}\\u{202d}\\u{2066}\\u{2067}\\u{2068}\\u{2069}\\u{200e}\\u{200f}\\u{61c}");
  EXPECT_EQ(terminal_safe("\u2029 \u2010 \u2070 \u0600"), "\u2029 \u2010 \u2070 \u0600");  // neighbours stay
}

// Issue 24, item 7: a byte order mark hid the front matter; CR-only line ends made one line.
TEST(NormalizeText, DropsALeadingByteOrderMarkAndReadsLoneCarriageReturns) {
  std::string text = "\xEF\xBB\xBF---\rtitle: x\r\n---\r# A\r\r";
  normalize_text_start_and_line_ends(text);
  EXPECT_EQ(text, "---\ntitle: x\r\n---\n# A\n\n");
  std::string inner = "a\xEF\xBB\xBF";
  normalize_text_start_and_line_ends(inner);
  EXPECT_EQ(inner, "a\xEF\xBB\xBF");  // only at the start
}

}  // namespace
}  // namespace deckgen
