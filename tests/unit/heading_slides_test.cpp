// Headings that start slides, as Quarto and Marp read a deck (read/deck_reader.h):
// `#` and `##` in a file with no `---` break, any level up to `slide_level` when set,
// never inside a fenced div; and the warning for a slide left holding several headings.
#include <gtest/gtest.h>

#include "read/deck_reader.h"
#include "render/markdown_html.h"
#include "test_support.h"

namespace deckgen {
namespace {

std::vector<std::string> bodies(const std::vector<Slide>& slides) {
  std::vector<std::string> out;
  for (const Slide& s : slides) out.push_back(render_blocks(s.body, {}));
  return out;
}

TEST(HeadingSlides, AFileWithNoBreaksSplitsAtLevelOneAndTwo) {
  int used = -1;
  auto slides = split_slides("# Part\n\n## One\n\ntext\n\n## Two\n\n### Sub\n\nmore\n", "a.md", 3,
                             std::pmr::get_default_resource(), std::nullopt, &used);
  EXPECT_EQ(used, 2);
  ASSERT_EQ(slides.size(), 3u);
  EXPECT_EQ(bodies(slides)[0], "<h1>Part</h1>\n");
  EXPECT_EQ(bodies(slides)[1], "<h2>One</h2>\n<p>text</p>\n");
  EXPECT_EQ(bodies(slides)[2], "<h2>Two</h2>\n<h3>Sub</h3>\n<p>more</p>\n");
  EXPECT_EQ(slides[1].pos.line, 5);
}

TEST(HeadingSlides, AFileWithBreaksSplitsOnlyAtThem) {
  int used = -1;
  auto slides = split_slides("# One\n\n## Sub\n\n---\n\n# Two\n", "a.md", 1, std::pmr::get_default_resource(),
                             std::nullopt, &used);
  EXPECT_EQ(used, 0);
  ASSERT_EQ(slides.size(), 2u);
  EXPECT_EQ(bodies(slides)[0], "<h1>One</h1>\n<h2>Sub</h2>\n");
}

TEST(HeadingSlides, SlideLevelAppliesWithBreaksToo) {
  auto one = split_slides("# A\n\n## a\n\n---\n\ntext\n\n# B\n", "a.md", 1, std::pmr::get_default_resource(), 1);
  ASSERT_EQ(one.size(), 3u);
  EXPECT_EQ(bodies(one)[0], "<h1>A</h1>\n<h2>a</h2>\n");
  EXPECT_EQ(bodies(one)[1], "<p>text</p>\n");
  EXPECT_EQ(bodies(one)[2], "<h1>B</h1>\n");
  auto none = split_slides("# A\n\n## B\n", "a.md", 1, std::pmr::get_default_resource(), 0);
  EXPECT_EQ(none.size(), 1u);
}

TEST(HeadingSlides, AHeadingInsideAFencedDivStartsNoSlide) {
  auto slides = split_slides("## A\n\n::: notes\n## not a slide\n:::\n\n:::: columns\n::: column\n## nor this\n:::\n::::\n\n## B\n",
                             "a.md", 1);
  ASSERT_EQ(slides.size(), 2u);
  EXPECT_EQ(bodies(slides)[1], "<h2>B</h2>\n");
}

TEST(HeadingSlides, AHeadingEndsTheNotesOfTheSlideBefore) {
  auto slides = split_slides("## A\n\nNote: say this\n\n## B\n\nshown\n", "a.md", 1);
  ASSERT_EQ(slides.size(), 2u);
  EXPECT_EQ(render_blocks(slides[0].notes, {}), "<p>say this</p>\n");
  EXPECT_EQ(bodies(slides)[1], "<h2>B</h2>\n<p>shown</p>\n");
}

TEST(HeadingSlides, SlideLevelFromTheFrontMatterApplies) {
  test::TempDir dir;
  dir.write("deck/01.md", "---\nformat:\n  revealjs:\n    slide-level: 1\n---\n\n# A\n\n## a\n\n# B\n");
  Deck deck = read_deck({dir.path() / "deck"});
  ASSERT_EQ(deck.slides.size(), 2u);
  ASSERT_EQ(deck.meta.slide_level, 1);
}

TEST(HeadingSlides, ASlideWithSeveralHeadingsWhereNoSplitHappenedIsAWarning) {
  test::TempDir dir;
  dir.write("deck/01.md", "# A\n\n## Sub\n\n---\n\n# B\n");
  Deck deck = read_deck({dir.path() / "deck"});
  ASSERT_EQ(deck.warnings.size(), 1u);
  EXPECT_EQ(deck.warnings[0].pos.line, 3);
  EXPECT_NE(deck.warnings[0].problem.find("several `#`/`##` headings"), std::string::npos);
}

TEST(HeadingSlides, AnExplicitSlideLevelSilencesTheSeveralHeadingsWarning) {
  test::TempDir dir;
  dir.write("deck/01.md", "---\nslide_level: 0\n---\n# A\n\n## Sub\n\n---\n\n# B\n");
  EXPECT_TRUE(read_deck({dir.path() / "deck"}).warnings.empty());
}

}  // namespace
}  // namespace deckgen
