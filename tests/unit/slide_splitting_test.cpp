#include <gtest/gtest.h>

#include "model/input_error.h"
#include "read/deck_reader.h"
#include "render/markdown_html.h"
#include "test_support.h"

namespace deckgen {
namespace {

std::vector<std::string> headings(const std::vector<Slide>& slides) {
  std::vector<std::string> out;
  for (const Slide& s : slides) out.push_back(render_blocks(s.body, {}));
  return out;
}

TEST(SlideSplitting, DashesAfterABlankLineSplit) {
  auto slides = split_slides("# One\n\ntext\n\n---\n\n# Two\n", "a.md", 1);
  ASSERT_EQ(slides.size(), 2u);
  EXPECT_EQ(headings(slides)[0], "<h1>One</h1>\n<p>text</p>\n");
  EXPECT_EQ(headings(slides)[1], "<h1>Two</h1>\n");
}

TEST(SlideSplitting, DashesUnderAParagraphMakeASetextHeading) {
  auto slides = split_slides("Title\n---\n\nbody\n", "a.md", 1);
  ASSERT_EQ(slides.size(), 1u);
  EXPECT_EQ(headings(slides)[0], "<h2>Title</h2>\n<p>body</p>\n");
}

TEST(SlideSplitting, DashesInsideAFenceDoNotSplit) {
  auto slides = split_slides("```yaml\na: 1\n\n---\n\nb: 2\n```\n", "a.md", 1);
  ASSERT_EQ(slides.size(), 1u);
  EXPECT_NE(headings(slides)[0].find("---"), std::string::npos);
}

TEST(SlideSplitting, OtherThematicBreaksStayRules) {
  auto slides = split_slides("a\n\n***\n\nb\n\n- - -\n\nc\n", "a.md", 1);
  ASSERT_EQ(slides.size(), 1u);
  EXPECT_EQ(headings(slides)[0], "<p>a</p>\n<hr />\n<p>b</p>\n<hr />\n<p>c</p>\n");
}

TEST(SlideSplitting, DashesWithoutABlankLineBeforeThemStayARule) {
  auto slides = split_slides("# A\n---\n\nb\n", "a.md", 1);
  ASSERT_EQ(slides.size(), 1u);
  EXPECT_EQ(headings(slides)[0], "<h1>A</h1>\n<hr />\n<p>b</p>\n");
}

TEST(SlideSplitting, LeadingTrailingAndDoubledSeparatorsMakeNoEmptySlides) {
  auto slides = split_slides("---\n\n# A\n\n---\n\n---\n\n# B\n\n---\n", "a.md", 1);
  ASSERT_EQ(slides.size(), 2u);
}

TEST(SlideSplitting, SlidePositionsAreFileLines) {
  auto slides = split_slides("# A\n\n---\n\n# B\n", "deck/x.md", 5);
  ASSERT_EQ(slides.size(), 2u);
  EXPECT_EQ(slides[0].pos, (SourcePos{"deck/x.md", 5, 1}));
  EXPECT_EQ(slides[1].pos, (SourcePos{"deck/x.md", 9, 1}));
}

// A large body is parsed a piece of at least 1 MiB at a time (issue 13, memory): each
// case is what parsing the whole body gives, which the pieces must give too. `big`
// makes a slide large enough for the next separator-like line to end a piece.
std::string big(const std::string& title) { return "# " + title + "\n\n" + std::string(1 << 20, 'w') + "\n\n"; }

TEST(SlidePieces, SeparatorsInsideOpenBlocksDoNotCutThePiece) {
  // A fence with a separator-like line, then real separators after it.
  auto fenced = split_slides(big("A") + "```\nx\n\n---\n\ny\n```\n\n---\n\n" + big("B") + "---\n\n# C\n", "a.md", 1);
  ASSERT_EQ(fenced.size(), 3u);
  EXPECT_NE(headings(fenced)[0].find("<pre><code>x\n\n---\n\ny\n</code></pre>"), std::string::npos);
  EXPECT_EQ(headings(fenced)[2], "<h1>C</h1>\n");
  // An HTML <pre> block runs past blank lines to its end tag.
  auto pre = split_slides(big("A") + "<pre>\na\n\n---\n\nb\n</pre>\n\n---\n\n# B\n", "a.md", 1);
  ASSERT_EQ(pre.size(), 2u);
  EXPECT_NE(headings(pre)[0].find("<pre>\na\n\n---\n\nb\n</pre>"), std::string::npos);
  // A fence inside a list item ends with the item at a line in the first column.
  auto listed = split_slides(big("A") + "- a\n\n  ```\n  x\n\n---\n\n# B\n", "a.md", 1);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(headings(listed)[1], "<h1>B</h1>\n");
  // Many separator-like lines in a fence: parsed whole after a few tries, still right.
  std::string many = big("A") + "```\n";
  for (int i = 0; i < 20; ++i) many += "\n---\n";
  auto fence_of_rules = split_slides(many + "```\n\n---\n\n# B\n", "a.md", 1);
  ASSERT_EQ(fence_of_rules.size(), 2u);
  EXPECT_EQ(headings(fence_of_rules)[1], "<h1>B</h1>\n");
}

TEST(SlidePieces, ReferenceDefinitionsReachEverySlide) {
  auto slides = split_slides("[home][h]\n\n" + big("A") + "---\n\n" + big("B") + "---\n\n[h]: https://example.org\n",
                             "a.md", 1);
  ASSERT_EQ(slides.size(), 2u);
  EXPECT_NE(headings(slides)[0].find("<p><a href=\"https://example.org\">home</a></p>"), std::string::npos);
}

TEST(SlidePieces, PositionsAreFileLinesInEveryPiece) {
  std::string body;
  for (int i = 0; i < 5; ++i) body += big("S" + std::to_string(i)) + "---\n\n";  // 6 lines a slide
  auto slides = split_slides(body, "a.md", 5);
  ASSERT_EQ(slides.size(), 5u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(slides[size_t(i)].pos.line, 5 + 6 * i) << i;
    EXPECT_EQ(slides[size_t(i)].body.at(1).pos.line, 7 + 6 * i) << i;
  }
}

// Fenced div lines get blank lines around them before parsing (read/block_lines.h), in
// each piece on its own: positions are still the file's lines.
TEST(SlidePieces, PositionsAreFileLinesWithSpacedDivLines) {
  std::string body;
  for (int i = 0; i < 4; ++i)  // 9 lines a slide; `::: columns` right under the paragraph
    body += "# S" + std::to_string(i) + "\n\n" + std::string(1 << 20, 'w') + "\n::: columns\nx\n:::\n\n---\n\n";
  auto slides = split_slides(body, "a.md", 5);
  ASSERT_EQ(slides.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(slides[size_t(i)].pos.line, 5 + 9 * i) << i;
    EXPECT_EQ(slides[size_t(i)].body.at(3).children.at(0).literal, "x") << i;
    EXPECT_EQ(slides[size_t(i)].body.at(3).pos.line, 9 + 9 * i) << i;
  }
}

TEST(SpeakerNotes, RunFromNoteToTheEndOfTheSlide) {
  auto slides = split_slides("# A\n\nshown\n\nNote: say this\n\n- and this\n\n---\n\n# B\n", "a.md", 1);
  ASSERT_EQ(slides.size(), 2u);
  EXPECT_EQ(render_blocks(slides[0].body, {}), "<h1>A</h1>\n<p>shown</p>\n");
  EXPECT_EQ(render_blocks(slides[0].notes, {}), "<p>say this</p>\n<ul>\n<li>and this</li>\n</ul>\n");
  EXPECT_TRUE(slides[1].notes.empty());
}

TEST(SpeakerNotes, MarkerOnItsOwnLine) {
  auto slides = split_slides("# A\n\nNote:\nfirst line\nsecond\n", "a.md", 1);
  ASSERT_EQ(slides.size(), 1u);
  EXPECT_EQ(render_blocks(slides[0].notes, {}), "<p>first line\nsecond</p>\n");
}

TEST(SpeakerNotes, NoteInsideAParagraphIsText) {
  auto slides = split_slides("# A\n\nA Note: this is shown\n", "a.md", 1);
  EXPECT_TRUE(slides[0].notes.empty());
}

class DeckFolder : public ::testing::Test {
 protected:
  test::TempDir dir;
};

TEST_F(DeckFolder, FilesAreReadInNameOrderAndEachStartsASlide) {
  dir.write("deck/10-b.md", "# B\n");
  dir.write("deck/02-a.md", "# A\n\n---\n\n# A2\n");
  dir.write("deck/notes.txt", "ignored");
  Deck deck = read_deck({dir.path() / "deck"});
  ASSERT_EQ(deck.slides.size(), 3u);
  EXPECT_EQ(render_blocks(deck.slides[0].body, {}), "<h1>A</h1>\n");
  EXPECT_EQ(render_blocks(deck.slides[2].body, {}), "<h1>B</h1>\n");
  ASSERT_EQ(deck.files.size(), 2u);
}

TEST_F(DeckFolder, FilesGivenOneByOneKeepTheirOrder) {
  auto b = dir.write("b.md", "# B\n");
  auto a = dir.write("a.md", "# A\n");
  Deck deck = read_deck({b, a});
  ASSERT_EQ(deck.slides.size(), 2u);
  EXPECT_EQ(render_blocks(deck.slides[0].body, {}), "<h1>B</h1>\n");
}

TEST_F(DeckFolder, MissingInputIsAnInputError) {
  try {
    read_deck({dir.path() / "nope"});
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(e.message().find("no such file or folder"), std::string::npos);
  }
}

TEST_F(DeckFolder, EmptyFolderIsAnInputError) {
  std::filesystem::create_directories(dir.path() / "empty");
  EXPECT_THROW(read_deck({dir.path() / "empty"}), InputError);
}

TEST_F(DeckFolder, FrontMatterOnlyInTheFirstFile) {
  dir.write("d/1.md", "# A\n");
  dir.write("d/2.md", "---\ntitle: X\n---\n# B\n");
  try {
    read_deck({dir.path() / "d"});
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 1);
    EXPECT_NE(e.where().file.find("2.md"), std::string::npos);
  }
}

TEST_F(DeckFolder, InvalidUtf8AndNulBytesDoNotStopTheReader) {
  dir.write("d/1.md", std::string("# A\xff\xfe\n\nx\0y\n", 11));
  Deck deck = read_deck({dir.path() / "d"});
  ASSERT_EQ(deck.slides.size(), 1u);
  std::string html = render_blocks(deck.slides[0].body, {});
  EXPECT_NE(html.find("\xEF\xBF\xBD"), std::string::npos);  // replacement character
}

}  // namespace
}  // namespace deckgen
