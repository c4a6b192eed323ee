// The reader's tree transforms (read/tree_transforms.h) and what rendering gains from
// them: placeholders and option blocks as typed nodes, code found by its identity.
#include <gtest/gtest.h>

#include "model/input_error.h"
#include "read/deck_reader.h"
#include "render/slides.h"
#include "test_support.h"

namespace deckgen {
namespace {

// A one-file deck of `markdown` (the deck keeps nothing of its files once read).
Deck read(const std::string& markdown) {
  test::TempDir dir;
  return read_deck({dir.write("1.md", markdown)});
}

const Node* find_node(const NodeList& nodes, NodeType type) {
  for (const Node& n : nodes) {
    if (n.type == type) return &n;
    if (const Node* inner = find_node(n.children, type)) return inner;
  }
  return nullptr;
}

TEST(TreeTransforms, OptionBlocksBecomeTypedNodesInDocumentOrder) {
  Deck deck = read("- item\n\n  ```run\n  file: a.sh\n  ```\n\n```run\nfile: b.sh\n```\n\n"
                   "```claim\nvalue: b.wall\nbelow: 1\n```\n\n```chart\nsnippets: [a, b]\n```\n\n"
                   "```timeline\nsnippet: a\n```\n\n```python\nprint(1)\n```\n");
  const NodeList& body = deck.slides.at(0).body;
  ASSERT_NE(find_node(body, NodeType::run_block), nullptr);
  EXPECT_NE(find_node(body, NodeType::claim_block), nullptr);
  EXPECT_NE(find_node(body, NodeType::chart_block), nullptr);
  EXPECT_NE(find_node(body, NodeType::timeline_block), nullptr);
  const Node* code = find_node(body, NodeType::code_block);
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(code->info(), "python");
  ASSERT_EQ(deck.snippets.size(), 2u);
  EXPECT_EQ(deck.snippets[0].display_file, "a.sh");  // the nested one: it comes first in the file
  EXPECT_EQ(deck.snippets[1].display_file, "b.sh");
}

// `watch` reads the same blocks at every rebuild, and a block parsed once is handed out
// again: a block read again gives the same spec, an edit gives the new one, and a
// mistake is reported every time it is read, not only the first.
TEST(TreeTransforms, ABlockReadAgainIsParsedTheSameAndItsMistakesAreReportedAgain) {
  test::TempDir dir;
  auto read_here = [&](const std::string& markdown) { return read_deck({dir.write("1.md", markdown)}); };
  const std::string block = "```run\nfile: a.sh\nruns: 4\nargs: [x, y]\n```\n";
  Deck first = read_here(block), again = read_here(block);
  ASSERT_EQ(again.snippets.size(), 1u);
  EXPECT_EQ(again.snippets[0].runs, 4);
  EXPECT_EQ(again.snippets[0].args, first.snippets[0].args);
  EXPECT_EQ(again.snippets[0].pos, first.snippets[0].pos);
  EXPECT_EQ(read_here("```run\nfile: a.sh\nruns: 5\nargs: [x, y]\n```\n").snippets.at(0).runs, 5);
  // The same text one line lower is at another place.
  EXPECT_EQ(read_here("\n" + block).snippets.at(0).pos.line, first.snippets[0].pos.line + 1);
  for (int i = 0; i < 2; ++i) {
    try {
      read_here("```run\nfile: a.sh\nruns: many\n```\n");
      ADD_FAILURE() << "read " << i << ": no error";
    } catch (const InputErrors& e) {
      EXPECT_NE(e.errors().at(0).message().find("runs"), std::string::npos) << e.errors().at(0).message();
    } catch (const InputError& e) {
      EXPECT_NE(e.message().find("runs"), std::string::npos) << e.message();
    }
  }
}

TEST(TreeTransforms, ATimelineDrawsAsManyLanesAsItsBlockAllows) {
  EXPECT_EQ(read("```timeline\nsnippet: a\n```\n").timelines.at(0).lanes, 12);
  EXPECT_EQ(read("```timeline\nsnippet: a\nlanes: 6\n```\n").timelines.at(0).lanes, 6);
  try {
    read("```timeline\nsnippet: a\nlanes: 0\n```\n");
    FAIL() << "lanes: 0 was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(e.message().find(":3:"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("lanes"), std::string::npos) << e.message();
  }
}

TEST(TreeTransforms, PlaceholdersBecomeNodesWithTheirKeyTrimmedOnce) {
  Deck deck = read("took {{a.wall\t}} and {{ ratio a b }}.\n");
  ASSERT_EQ(deck.placeholders.size(), 2u);
  EXPECT_EQ(deck.placeholders[0].text, "a.wall");
  EXPECT_EQ(deck.placeholders[0].pos, (SourcePos{deck.files.at(0), 1, 6}));
  const Node* p = find_node(deck.slides.at(0).body, NodeType::placeholder);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->literal, "a.wall");  // the key the values are found by
  EXPECT_EQ(p->info(), "a.wall\t");   // as written

  // The rendered page finds each value by the same key the reader parsed.
  std::map<std::string, std::string> values = {{"a.wall", "12 ms"}, {"ratio a b", "2×"}};
  SnippetViews views;
  views.placeholder_values = &values;
  std::string html = render_slides(deck, {}, views).at(0).html;
  EXPECT_NE(html.find("data-placeholder=\"a.wall\">12 ms</span>"), std::string::npos) << html;
  EXPECT_NE(html.find("data-placeholder=\"ratio a b\">2×</span>"), std::string::npos) << html;
  EXPECT_EQ(html.find("n/a"), std::string::npos) << html;

  // Without values (plain Markdown rendering), a placeholder is written as it was.
  EXPECT_NE(render_slides(deck, {}).at(0).html.find("took {{a.wall\t}} and {{ ratio a b }}."), std::string::npos);
}

TEST(TreeTransforms, AMalformedPlaceholderIsAnInputErrorAtItsPosition) {
  try {
    read("# T\n\nsee {{a.wall.average}}\n");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 3);
    EXPECT_EQ(e.where().column, 5);
  }
}

TEST(TreeTransforms, HighlightedCodeIsFoundByTheBlocksIdentityNotItsRank) {
  Deck deck = read("```python\nfirst = 1\n```\n\n```python\nsecond = 2\n```\n");
  std::vector<CodeBlock> blocks = code_blocks_to_highlight(deck);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_NE(blocks[0].pos, blocks[1].pos);
  // Only the second block was highlighted (the first, say, had no lexer): the first
  // must stay plain and the second get its own HTML.
  HighlightedCode highlighted = {{blocks[1].pos, "<span class=\"n\">SECOND</span>"}};
  std::string html = render_slides(deck, highlighted).at(0).html;
  EXPECT_NE(html.find("first = 1"), std::string::npos) << html;
  EXPECT_NE(html.find("<span class=\"n\">SECOND</span>"), std::string::npos) << html;
  EXPECT_EQ(html.find("second = 2"), std::string::npos) << html;
}

}  // namespace
}  // namespace deckgen
