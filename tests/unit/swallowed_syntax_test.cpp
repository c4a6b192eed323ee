// Hostile syntax: Markdown that parses without error into something the author did not
// mean must be a warning at its file:line (read/swallowed_lines.h), never silent.
// Each case fails if its warning goes quiet.
#include <gtest/gtest.h>

#include "read/deck_reader.h"
#include "test_support.h"

namespace deckgen {
namespace {

// The deck's warnings, each as "line: problem".
std::vector<std::string> warnings_of(std::string_view markdown) {
  test::TempDir dir;
  dir.write("deck/01.md", markdown);
  std::vector<std::string> out;
  for (const Warning& w : read_deck({dir.path() / "deck"}).warnings)
    out.push_back(fmt::format("{}: {}", w.pos.line, w.problem));
  return out;
}

// Whether a warning at `line` holds `words`.
bool has(const std::vector<std::string>& warnings, int line, std::string_view words) {
  for (const std::string& w : warnings)
    if (w.starts_with(fmt::format("{}: ", line)) && w.find(words) != std::string::npos) return true;
  return false;
}

TEST(SwallowedSyntax, AFenceOpenAtTheEndOfTheFileIsNamedWithTheBreaksItSwallowed) {
  auto w = warnings_of("# A\n\n```python\nprint(1)\n\n---\n\n# B\n\n---\n\n# C\n");
  ASSERT_EQ(w.size(), 1u) << fmt::format("{}", fmt::join(w, "\n"));
  EXPECT_TRUE(has(w, 3, "this code fence is never closed")) << w[0];
  EXPECT_NE(w[0].find("2 slide breaks swallowed"), std::string::npos) << w[0];
}

TEST(SwallowedSyntax, AClosedFenceAndALongerClosingFenceAreQuiet) {
  EXPECT_TRUE(warnings_of("# A\n\n````\n```\nx\n```\n````\n\n---\n\n# B\n").empty());
  EXPECT_TRUE(warnings_of("# A\n\n~~~\n---\n~~~\n").empty());
}

TEST(SwallowedSyntax, DashesRightUnderAParagraphAreNotASlideBreak) {
  auto w = warnings_of("# A\n\nsome text\n---\n\n# B\n");
  ASSERT_EQ(w.size(), 1u) << fmt::format("{}", fmt::join(w, "\n"));
  EXPECT_TRUE(has(w, 4, "a slide break needs a blank line before it")) << w[0];
}

TEST(SwallowedSyntax, DashesRightUnderADivFenceAreNotASlideBreak) {
  auto w = warnings_of("# A\n\n::: notes\nsay\n:::\n---\n\n# B\n");
  EXPECT_TRUE(has(w, 6, "a slide break needs a blank line before it")) << fmt::format("{}", fmt::join(w, "\n"));
}

TEST(SwallowedSyntax, DashesInsideAFenceOrAfterABlankLineAreQuiet) {
  EXPECT_TRUE(warnings_of("# A\n\n```\nx\n---\n```\n\n---\n\n# B\n").empty());
}

TEST(SwallowedSyntax, ALineOfTwoBackticksIsNotAFence) {
  auto w = warnings_of("# A\n\n``\ncode\n``\n");
  ASSERT_EQ(w.size(), 2u) << fmt::format("{}", fmt::join(w, "\n"));
  EXPECT_TRUE(has(w, 3, "\"``\" is not a code fence"));
  EXPECT_TRUE(has(w, 5, "\"``\" is not a code fence"));
  EXPECT_TRUE(has(warnings_of("# A\n\n`python\nx\n"), 3, "\"`python\" is not a code fence"));
  EXPECT_TRUE(warnings_of("# A\n\n`inline` code\n\n```\n``\n```\n").empty());
}

TEST(SwallowedSyntax, SeveralHeadingsOnASlideOfAFileSplitByDashes) {
  auto w = warnings_of("# A\n\ntext\n\n## B\n\n---\n\n# C\n");
  ASSERT_EQ(w.size(), 1u) << fmt::format("{}", fmt::join(w, "\n"));
  EXPECT_TRUE(has(w, 5, "this slide holds several `#`/`##` headings"));
}

TEST(SwallowedSyntax, AQuartoCellSaysHowToRunIt) {
  auto w = warnings_of("## A\n\n```{python}\nprint(1)\n```\n");
  ASSERT_EQ(w.size(), 1u) << fmt::format("{}", fmt::join(w, "\n"));
  EXPECT_TRUE(has(w, 3, "```{python} is a cell Quarto would run"));
}

TEST(SwallowedSyntax, QuartoFrontMatterKeysAreOneWarning) {
  auto w = warnings_of("---\nformat: revealjs\nexecute:\n  echo: false\n---\n## A\n");
  ASSERT_EQ(w.size(), 1u) << fmt::format("{}", fmt::join(w, "\n"));
  EXPECT_TRUE(has(w, 2, "front matter keys of Quarto, Marp or presenterm ignored: format, execute"));
}

}  // namespace
}  // namespace deckgen
