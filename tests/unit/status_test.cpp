// The terminal's Status: what -q keeps, and when colour is used (NO_COLOR, FORCE_COLOR).
#include "pipeline/status.h"

#include "run/execute.h"

#include <gtest/gtest.h>

namespace deckgen {
namespace {

TEST(TerminalStatus, QuietKeepsOnlyErrorsAndTheSummary) {
  auto status = make_terminal_status(Verbosity::quiet);
  testing::internal::CaptureStderr();
  status->info("wrote deck.html");
  status->warning("deck/01.md:3:1: warning: the machine was busy");
  status->progress({0, 2, "a", "run 1/5", 0.1});
  status->detail("running /usr/bin/python3 a.py");
  status->error("deck/01.md:4:1: error: snippet 'a' failed");
  status->summary("snippets: 1 passed, 1 failed");
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "deck/01.md:4:1: error: snippet 'a' failed\nsnippets: 1 passed, 1 failed\n");
}

TEST(TerminalStatus, NotQuietShowsWarnings) {
  auto status = make_terminal_status(Verbosity::normal);
  testing::internal::CaptureStderr();
  status->warning("cannot create the cache folder");
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("warning: cannot create the cache folder"), std::string::npos) << err;
}

size_t lines_with(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Issue 24, item 5: 100,000 warnings printed 16 MB. The first 100 are shown, the rest
// counted in the summary; the next build (under watch) shows its own again.
TEST(TerminalStatus, WarningsAreCappedAndTheRestCounted) {
  auto status = make_terminal_status(Verbosity::normal);
  testing::internal::CaptureStderr();
  for (int i = 0; i < 100; ++i) status->warning("w" + std::to_string(i));
  std::string at_limit = testing::internal::GetCapturedStderr();
  EXPECT_EQ(lines_with(at_limit, "warning: w"), 100u);
  EXPECT_NE(at_limit.find("w99\n"), std::string::npos);
  testing::internal::CaptureStderr();
  for (int i = 100; i < 100'000; ++i) status->warning("w" + std::to_string(i));
  status->summary("snippets: 1 passed");
  std::string beyond = testing::internal::GetCapturedStderr();
  EXPECT_EQ(lines_with(beyond, "warning: w"), 0u);
  EXPECT_NE(beyond.find("99900 more warnings were not shown\nsnippets: 1 passed\n"), std::string::npos) << beyond;
  testing::internal::CaptureStderr();
  status->warning("next build");
  std::string next = testing::internal::GetCapturedStderr();
  EXPECT_NE(next.find("warning: next build"), std::string::npos) << next;
}

TEST(TerminalStatus, DetailsOnlyWhenVerbose) {
  for (Verbosity v : {Verbosity::quiet, Verbosity::normal, Verbosity::verbose}) {
    auto status = make_terminal_status(v);
    testing::internal::CaptureStderr();
    status->detail("snippet 'a': source changed");
    std::string err = testing::internal::GetCapturedStderr();
    EXPECT_EQ(err.find("source changed") != std::string::npos, v == Verbosity::verbose) << err;
  }
}

TEST(Colour, ForceColorThenNoColorThenTheTerminal) {
  EXPECT_EQ(colour_for(IsTerminal::yes, nullptr, nullptr), Colour::on);
  EXPECT_EQ(colour_for(IsTerminal::no, nullptr, nullptr), Colour::off);
  EXPECT_EQ(colour_for(IsTerminal::yes, "1", nullptr), Colour::off);
  EXPECT_EQ(colour_for(IsTerminal::yes, "", nullptr), Colour::on);  // set but empty: as if unset
  EXPECT_EQ(colour_for(IsTerminal::no, nullptr, "1"), Colour::on);
  EXPECT_EQ(colour_for(IsTerminal::no, nullptr, ""), Colour::off);  // empty: as if unset
  EXPECT_EQ(colour_for(IsTerminal::no, nullptr, "0"), Colour::off);
  EXPECT_EQ(colour_for(IsTerminal::no, "1", "1"), Colour::on);      // forcing wins
}

TEST(Colour, OnlyTheTagIsColoured) {
  EXPECT_EQ(coloured_tag("deck/01.md:3:1: error: bad key", "error", "1;31"),
            "deck/01.md:3:1: \x1b[1;31merror:\x1b[0m bad key");
  EXPECT_EQ(coloured_tag("deckgen: warning: busy", "warning", "1;33"), "deckgen: \x1b[1;33mwarning:\x1b[0m busy");
  EXPECT_EQ(coloured_tag("no tag here", "error", "1;31"), "no tag here");
}

// --verbose shows commands as a shell would read them back.
TEST(ShellWords, QuotesOnlyWhatAShellWouldSplitOrExpand) {
  EXPECT_EQ(shell_words({"/usr/bin/cc", "-O2", "-I/x/snippets", "a.c", "-o", "/tmp/b/snippet"}),
            "/usr/bin/cc -O2 -I/x/snippets a.c -o /tmp/b/snippet");
  EXPECT_EQ(shell_words({"echo", "two words", "it's", "", "$HOME"}), "echo 'two words' 'it'\\''s' '' '$HOME'");
}

}  // namespace
}  // namespace deckgen
