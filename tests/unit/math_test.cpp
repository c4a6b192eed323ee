// Math (`$...$`, `$$...$$`): what the reader takes for a formula and what it leaves as
// text, that the TeX reaches KaTeX as written, that a TeX error is an input error at its
// place, that formulas are kept in the cache, and that only a deck with math carries
// KaTeX's stylesheet, its fonts inside it.
#include <gtest/gtest.h>

#include <cstdlib>

#include "fakes.h"
#include "draw/math.h"
#include "model/input_error.h"
#include "read/deck_reader.h"
#include "render/slides.h"
#include "test_support.h"
#include "write/page.h"

namespace deckgen {
namespace {

namespace fs = std::filesystem;

// PATH set to `value` while this lives: with no node on it, only kept formulas typeset.
class PathScope {
 public:
  explicit PathScope(const char* value) : old_(std::getenv("PATH") ? std::getenv("PATH") : "") { ::setenv("PATH", value, 1); }
  ~PathScope() { ::setenv("PATH", old_.c_str(), 1); }

 private:
  std::string old_;
};

class MathTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  Deck read(const std::string& md) {
    dir.write("deck/01.md", md);
    return read_deck({dir.path() / "deck"});
  }
};

void collect_math(const NodeList& nodes, std::vector<const Node*>& out) {
  for (const Node& n : nodes) {
    if (n.type == NodeType::math_inline || n.type == NodeType::math_display) out.push_back(&n);
    collect_math(n.children, out);
  }
}

std::vector<const Node*> formulas_of(const Deck& deck) {
  std::vector<const Node*> out;
  for (const Slide& s : deck.slides) {
    collect_math(s.body, out);
    collect_math(s.notes, out);
  }
  return out;
}

TEST_F(MathTest, TheTeXIsTakenAsWrittenWhereMarkdownWouldHaveChangedIt) {
  Deck deck = read("# T\n\nSee $a_1 * b_2 * \\{x\\}$ and\n\n$$\n\\frac{1}{s}\n  \\cdot \\alpha\n$$\n");
  auto found = formulas_of(deck);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0]->type, NodeType::math_inline);
  EXPECT_EQ(found[0]->literal, "a_1 * b_2 * \\{x\\}");
  EXPECT_EQ(found[0]->pos.line, 3);
  EXPECT_EQ(found[0]->pos.column, 5);
  EXPECT_EQ(found[1]->type, NodeType::math_display);
  EXPECT_EQ(found[1]->literal, "\n\\frac{1}{s}\n\\cdot \\alpha\n");  // cmark drops a line's indent
  EXPECT_EQ(found[1]->pos.line, 5);
}

TEST_F(MathTest, PricesEscapedDollarsAndCodeStayText) {
  Deck deck = read("# T\n\nIt costs $5 and $10.\n\nNot \\$x\\$, nor `$y$`, nor $ z $, nor a $ alone.\n\n"
                   "```\n$code$\n```\n");
  EXPECT_TRUE(formulas_of(deck).empty());
}

TEST_F(MathTest, ADollarOpenerWithoutCloserLeavesTheRestOfTheParagraphAlone) {
  // Hostile: a paragraph of openers with no closer. Each opener used to scan to the
  // paragraph's end; now the first scan that finds none ends every later one. The text
  // stays as written.
  std::string md = "# T\n\n";
  for (int i = 0; i < 100000; ++i) md += "$a ";
  Deck deck = read(md + "\n");
  EXPECT_TRUE(formulas_of(deck).empty());
  const Node& paragraph = deck.slides.at(0).body.at(1);
  std::string text;
  for (const Node& n : paragraph.children) text += n.literal;
  EXPECT_EQ(text.size(), 100000u * 3 - 1);
}

TEST_F(MathTest, ATeXErrorIsAnInputErrorAtItsPlace) {
  Deck deck = read("# T\n\nGood $x^2$, then bad $\\frac{1}{\\foo}$ here.\n");
  try {
    typeset_math(deck, nullptr, nullptr);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 3) << e.message();
    // The `$` is column 22; `\foo` starts 9 bytes into the TeX.
    EXPECT_EQ(e.where().column, 22 + 1 + 9) << e.message();
    EXPECT_NE(e.problem().find("Undefined control sequence: \\foo"), std::string::npos) << e.message();
    EXPECT_NE(e.what_to_do().find("\\$"), std::string::npos) << e.message();
  }
}

TEST_F(MathTest, EveryBadFormulaIsReportedTogether) {
  Deck deck = read("# T\n\n$\\foo$\n\n$$\\frac{1}$$\n");
  try {
    typeset_math(deck, nullptr, nullptr);
    FAIL() << "no error";
  } catch (const InputErrors& e) {
    ASSERT_EQ(e.errors().size(), 2u);
    EXPECT_EQ(e.errors()[0].where().line, 3);
    EXPECT_EQ(e.errors()[1].where().line, 5);
  }
}

TEST_F(MathTest, FormulasAreKeptAndAKeptOneNeedsNoNode) {
  const std::string md = "# T\n\n$x^2$ and $x^2$ and $$y$$\n";
  Deck deck = read(md);
  test::MemoryStore store;
  std::vector<std::string> warnings;
  typeset_math(deck, &store, &warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(store.entries.size(), 2u) << "the same formula twice is typeset once";
  ASSERT_EQ(deck.formulas.size(), 2u);
  EXPECT_TRUE(deck.formulas.at("display y").starts_with("<span class=\"katex-display\">"));
  Deck again = read(md);
  {
    PathScope no_node("/nonexistent");
    typeset_math(again, &store, &warnings);
  }
  EXPECT_EQ(again.formulas, deck.formulas);
  // An entry that is not KaTeX's HTML is not put on a slide: typeset again.
  for (auto& [key, html] : store.entries) html = "<img src=x onerror=alert(1)>";
  Deck third = read(md);
  typeset_math(third, &store, &warnings);
  EXPECT_EQ(third.formulas, deck.formulas);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("not a formula deckgen kept"), std::string::npos) << warnings[0];
}

TEST_F(MathTest, FormulasAreKeptInOneBatchAlsoWhenAnotherFails) {
  Deck deck = read("# T\n\n$x^2$ and $y_1$ and $\\foo$\n");
  test::MemoryStore store;
  EXPECT_THROW(typeset_math(deck, &store, nullptr), InputErrors);
  EXPECT_EQ(store.entries.size(), 2u) << "the two good formulas are kept";
  EXPECT_EQ(store.batches, 1) << "one flush of the disk for all of them";
}

TEST_F(MathTest, WithoutNodeTheFirstFormulaSaysWhatToInstall) {
  Deck deck = read("# T\n\nText.\n\nThen $x$.\n");
  PathScope no_node("/nonexistent");
  try {
    typeset_math(deck, nullptr, nullptr);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 5) << e.message();
    EXPECT_NE(e.message().find("nodejs"), std::string::npos) << e.message();
  }
}

TEST_F(MathTest, OnlyADeckWithMathCarriesKaTeXsStylesheetWithItsFontsInside) {
  Deck deck = read("# T\n\nArea $\\pi r^2$.\n");
  typeset_math(deck, nullptr, nullptr);
  std::vector<RenderedSlide> slides = render_slides(deck, {});
  ASSERT_EQ(slides.size(), 1u);
  EXPECT_TRUE(slides[0].has_math);
  EXPECT_NE(slides[0].html.find("<span class=\"katex\">"), std::string::npos) << slides[0].html;
  std::string page = write_page(deck.meta, slides);
  EXPECT_NE(page.find("font-family:KaTeX_Main"), std::string::npos);
  EXPECT_NE(page.find("src:url(data:font/woff2;base64,"), std::string::npos);
  EXPECT_EQ(page.find("url(fonts/"), std::string::npos) << "a font left for the network";

  Deck plain = read("# T\n\nNo math, $5 only.\n");
  typeset_math(plain, nullptr, nullptr);
  std::vector<RenderedSlide> plain_slides = render_slides(plain, {});
  EXPECT_FALSE(plain_slides[0].has_math);
  std::string plain_page = write_page(plain.meta, plain_slides);
  EXPECT_EQ(plain_page.find("KaTeX"), std::string::npos);
  EXPECT_LT(plain_page.size() + 300 * 1024, page.size());
}

}  // namespace
}  // namespace deckgen
