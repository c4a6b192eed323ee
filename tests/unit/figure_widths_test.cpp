// Each chart and timeline is drawn for the box it stands in (render/figure_widths.h), so
// that its 18-unit labels show at 18 px: the text column, or its column (issue 12, item 6).
#include <gtest/gtest.h>

#include "read/deck_reader.h"
#include "render/figure_widths.h"
#include "test_support.h"

namespace deckgen {
namespace {

std::string chart(const std::string& title) {
  return "```chart\ntitle: " + title + "\nmetric: wall\nsnippets: [a]\n```\n";
}

class FigureWidths : public ::testing::Test {
 protected:
  test::TempDir dir;
  // The width each chart of `md` is drawn at, by its title, on a stage `stage` px wide.
  std::map<std::string, double> widths(const std::string& md, int stage = 1280) {
    dir.write("deck/01.md", md);
    Deck deck = read_deck({dir.path() / "deck"});
    std::map<SourcePos, double> by_pos = figure_widths(deck, stage);
    std::map<std::string, double> out;
    for (const ChartSpec& c : deck.charts) out[c.title] = by_pos.at(c.pos);
    return out;
  }
};

TEST_F(FigureWidths, TheTextColumnOutsideColumns) {
  auto w = widths("## A\n\n" + chart("top") + "\n::: incremental\n" + chart("in a div") + ":::\n");
  EXPECT_EQ(w["top"], 1168);         // 1280 less 56 px padding each side
  EXPECT_EQ(w["in a div"], 1168);
  EXPECT_EQ(widths("## A\n\n" + chart("top"), 960)["top"], 848);
}

TEST_F(FigureWidths, EqualColumnsShareTheTextColumnLessTheGaps) {
  auto w = widths("## A\n\n:::: columns\n::: column\n" + chart("left") + ":::\n::: column\ntext\n:::\n::::\n");
  EXPECT_EQ(w["left"], (1168 - 32) / 2.0);
  w = widths("## A\n\n:::: columns\n::: column\n" + chart("third") + ":::\n::: column\nb\n:::\n::: column\nc\n:::\n::::\n", 960);
  EXPECT_EQ(w["third"], (848 - 2 * 32) / 3.0);
}

TEST_F(FigureWidths, AColumnWithAWidthKeepsItAndTheOthersShareTheRest) {
  auto w = widths("## A\n\n:::: columns\n::: {.column width=\"40%\"}\n" + chart("forty") +
                  ":::\n::: column\n" + chart("rest") + ":::\n::::\n");
  EXPECT_DOUBLE_EQ(w["forty"], 0.4 * 1168);
  EXPECT_DOUBLE_EQ(w["rest"], 1168 - 0.4 * 1168 - 32);
  w = widths("## A\n\n:::: columns\n::: {.column width=\"300px\"}\n" + chart("px") + ":::\n::: column\nx\n:::\n::::\n");
  EXPECT_EQ(w["px"], 300);
}

TEST_F(FigureWidths, NestedColumnsDivideTheirColumn) {
  auto w = widths("## A\n\n:::::: columns\n::::: column\n:::: columns\n::: column\n" + chart("inner") +
                  ":::\n::: column\ny\n:::\n::::\n:::::\n::::: column\nx\n:::::\n::::::\n");
  EXPECT_EQ(w["inner"], ((1168 - 32) / 2.0 - 32) / 2);
}

}  // namespace
}  // namespace deckgen
