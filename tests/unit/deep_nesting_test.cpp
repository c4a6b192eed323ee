// Text nested deeper than the reader's limit is kept as plain text, never dropped
// (issue 13, item 9: lists deeper than 50 levels rendered as empty <li>).
#include <gtest/gtest.h>

#include <string>

#include "read/markdown.h"
#include "render/markdown_html.h"

namespace deckgen {
namespace {

std::string html_of(const std::string& markdown) { return render_blocks(parse_markdown(markdown, "x.md", 1), {}); }

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(DeepNesting, ListItemsBeyondTheLimitKeepTheirText) {
  std::string markdown;
  for (int i = 0; i < 80; ++i) markdown += std::string(2 * size_t(i), ' ') + "- item" + std::to_string(i) + "\n";
  std::string html = html_of(markdown);
  for (int i = 0; i < 80; ++i) EXPECT_NE(html.find("item" + std::to_string(i)), std::string::npos) << i;
  EXPECT_EQ(count(html, "<li></li>"), 0u) << "an empty item";
}

TEST(DeepNesting, QuotesBeyondTheLimitKeepTheirWordsApart) {
  std::string html = html_of(std::string(300, '>') + " deep words\n" + std::string(300, '>') + " on two lines\n");
  EXPECT_NE(html.find("deep words on two lines"), std::string::npos) << html.substr(html.size() - 300);
}

std::string quoted_table(int quotes) {
  std::string prefix;
  for (int i = 0; i < quotes; ++i) prefix += "> ";
  return prefix + "| a | b |\n" + prefix + "|---|---|\n" + prefix + "| c | d |\n";
}

TEST(DeepNesting, TableCellsAndRowsBeyondTheLimitKeepTheirText) {
  std::string cells = html_of(quoted_table(99));  // the cells are one level too deep
  for (const char* cell : {">a<", ">b<", ">c<", ">d<"}) EXPECT_NE(cells.find(cell), std::string::npos) << cell << cells;
  std::string rows = html_of(quoted_table(100));  // the rows are: each row's text in one cell
  for (const char* row : {">a b<", ">c d<"}) EXPECT_NE(rows.find(row), std::string::npos) << row << rows;
}

}  // namespace
}  // namespace deckgen
