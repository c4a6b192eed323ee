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

}  // namespace
}  // namespace deckgen
