// The layout syntax's parts that golden files do not show well: the attribute and line
// step grammars, splitting highlighted code into lines, source positions through the
// reader's spacing of fence lines, input errors, and warnings reaching the terminal.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "cache/cache_store.h"
#include "draw/diagrams.h"
#include "fakes.h"
#include "model/input_error.h"
#include "model/line_steps.h"
#include "pipeline/dispatch.h"
#include "read/attributes.h"
#include "read/deck_reader.h"
#include "read/unsupported_syntax.h"
#include "render/code_html.h"
#include "run/execute.h"
#include "test_support.h"
#include "util/files.h"
#include "util/hash.h"

#include <nlohmann/json.hpp>

namespace deckgen {
namespace {

namespace fs = std::filesystem;

TEST(Attributes, ReadPandocsBraceSyntax) {
  auto a = parse_attributes(R"(.center #intro width=50% title="two words" alt='x y')");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->attrs.classes, std::vector<std::string>{"center"});
  ASSERT_EQ(a->attrs.values.size(), 4u);
  EXPECT_EQ(*a->attrs.find("id"), "intro");
  EXPECT_EQ(*a->attrs.find("width"), "50%");
  EXPECT_EQ(*a->attrs.find("title"), "two words");
  EXPECT_EQ(*a->attrs.find("alt"), "x y");
}

TEST(Attributes, ProseInBracesIsNotAttributes) {
  EXPECT_FALSE(parse_attributes("braces in prose"));         // bare words refused
  EXPECT_FALSE(parse_attributes("title=\"unclosed"));
  EXPECT_FALSE(parse_attributes(". x"));
  auto words = parse_attributes("python 1-3|5", BareWords::allowed);
  ASSERT_TRUE(words);
  EXPECT_EQ(words->words, (std::vector<std::string>{"python", "1-3|5"}));
  EXPECT_EQ(trailing_braces("Title {.center}  "), 6u);
  EXPECT_EQ(trailing_braces("Speed {{a.wall}}"), std::string_view::npos);
  EXPECT_EQ(trailing_braces("no braces"), std::string_view::npos);
}

TEST(LineSteps, StepsOfLinesAndRanges) {
  auto steps = parse_line_steps("1-3,7|5");
  ASSERT_TRUE(steps);
  ASSERT_EQ(steps->size(), 2u);
  EXPECT_TRUE(step_covers((*steps)[0], 2));
  EXPECT_TRUE(step_covers((*steps)[0], 7));
  EXPECT_FALSE(step_covers((*steps)[0], 5));
  EXPECT_TRUE(step_covers((*steps)[1], 5));
  for (const char* bad : {"", "0", "3-1", "1-x", "1||2", "1,", "-2"}) EXPECT_FALSE(parse_line_steps(bad)) << bad;
}

TEST(CodeLines, ASpanCrossingANewlineIsClosedAndReopened) {
  auto lines = html_lines("<span class=\"s\">\"\"\"a\nb\"\"\"</span> x\nlast\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "<span class=\"s\">\"\"\"a</span>");
  EXPECT_EQ(lines[1], "<span class=\"s\">b\"\"\"</span> x");
  EXPECT_EQ(lines[2], "last");
  EXPECT_EQ(html_lines("a\n\n").size(), 2u);  // a blank last line stays; the final newline adds none
}

TEST(CodeLines, FirstStepMarkedAndOneFragmentPerLaterStep) {
  std::string out;
  write_code(out, "python", "a\nb\nc\n", nullptr, CodeLook{"2|3|1"});
  EXPECT_NE(out.find("data-line-steps=\"2|3|1\""), std::string::npos) << out;
  EXPECT_NE(out.find("<span class=\"line\">a</span>\n<span class=\"line mark\">b</span>\n<span class=\"line\">c</span>"),
            std::string::npos) << out;
  EXPECT_NE(out.find("data-step=\"2\""), std::string::npos) << out;
  EXPECT_EQ(out.find("data-step=\"3\""), std::string::npos) << out;
}

TEST(DollarMath, PandocsRules) {
  EXPECT_TRUE(has_dollar_math("area $\\pi r^2$ here"));
  EXPECT_TRUE(has_dollar_math("$$x$$"));
  EXPECT_FALSE(has_dollar_math("costs $5 and $10"));
  EXPECT_FALSE(has_dollar_math("a $ b $ c"));
  EXPECT_FALSE(has_dollar_math("just $HOME"));
}

class LayoutReader : public ::testing::Test {
 protected:
  test::TempDir dir;
  Deck read(const std::string& md) {
    dir.write("deck/01.md", md);
    return read_deck({dir.path() / "deck"});
  }
  // The message of the InputError reading `md` throws, or "" when it reads.
  std::string read_error(const std::string& md) {
    try {
      read(md);
    } catch (const InputError& e) {
      return e.message();
    }
    return "";
  }
};

TEST_F(LayoutReader, FenceLinesKeepTheFilesLineNumbers) {
  // Blank lines are added around the fences before parsing; positions must not move.
  Deck deck = read("# T\nText right above\n::: column\ninside\n:::\nafter\n");
  const NodeList& body = deck.slides.at(0).body;
  ASSERT_EQ(body.size(), 4u);
  EXPECT_EQ(body[1].pos.line, 2);
  ASSERT_EQ(body[2].type, NodeType::div);
  EXPECT_EQ(body[2].pos.line, 3);
  EXPECT_EQ(body[2].children.at(0).pos.line, 4);
  EXPECT_EQ(body[3].pos.line, 6);
}

TEST_F(LayoutReader, FencesInsideCodeAreCode) {
  Deck deck = read("```\n:::\n. . .\n```\n");
  ASSERT_EQ(deck.slides.at(0).body.size(), 1u);
  EXPECT_EQ(deck.slides[0].body[0].literal, ":::\n. . .\n");
  EXPECT_TRUE(deck.warnings.empty());
}

TEST_F(LayoutReader, MalformedLineStepsAreAnInputError) {
  EXPECT_NE(read_error("# T\n\n```python {2-x}\ncode\n```\n").find("01.md:3:1: error: '2-x' is not a list of lines"),
            std::string::npos);
  EXPECT_NE(read_error("# T\n\n```{.python lines=\"3-1\"}\ncode\n```\n").find("'3-1' is not a list of lines"),
            std::string::npos);
}

TEST_F(LayoutReader, RemoteImagesAreRefusedEverywhere) {
  EXPECT_NE(read_error("# T\n\n<img src=\"https://example.com/a.png\">\n").find("01.md:3:11: error: image 'https://example.com/a.png' is not a local file"),
            std::string::npos);
  EXPECT_NE(read_error("## T {background-image=\"http://x/a.png\"}\n").find("is not a local file"), std::string::npos);
  EXPECT_NE(read_error("# T\n\n<!-- .slide: data-background-image=\"//x/a.png\" -->\n").find("is not a local file"),
            std::string::npos);
}

TEST_F(LayoutReader, ADotErrorNamesTheLineDotComplainsAbout) {
  Deck deck = read("# T\n\n```dot\ndigraph {\n  a -> ;\n}\n```\n");
  try {
    draw_diagrams(deck, nullptr, nullptr);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 5) << e.message();
    EXPECT_NE(e.message().find("dot cannot draw this diagram"), std::string::npos) << e.message();
  }
}

// dot opening an image that is a FIFO waits forever (issue 24, item 5): stopped after
// the time limit, with an error at the block. (The limit is short here; the hang is not.)
TEST_F(LayoutReader, ADotThatNeverEndsIsStoppedWithAnErrorAtItsBlock) {
  fs::path fifo = dir.path() / "never.png";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Deck deck = read(fmt::format("# T\n\n```dot\ndigraph {{ a [image=\"{}\"]; }}\n```\n", fifo.string()));
  try {
    draw_diagrams(deck, nullptr, nullptr, std::chrono::milliseconds(500));
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 3) << e.message();
    EXPECT_NE(e.message().find("dot did not finish drawing this diagram within 0.5 s"), std::string::npos)
        << e.message();
  }
}

TEST_F(LayoutReader, DiagramsAreKeptInTheCacheStoreBySource) {
  const std::string md = "# T\n\n```dot\ndigraph { a -> b; }\n```\n";
  Deck deck = read(md);
  CacheShelf shelf(CacheStore(dir.path() / "cache"), CacheKind::diagrams, ".svg");
  std::vector<std::string> warnings;
  draw_diagrams(deck, &shelf, &warnings);
  ASSERT_EQ(deck.diagrams.size(), 1u);
  EXPECT_TRUE(deck.diagrams.begin()->second.starts_with("<svg"));
  EXPECT_TRUE(warnings.empty());
  // One entry, named by its key, in the store's diagrams folder.
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir.path() / "cache" / "diagrams")) entries.push_back(e.path());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_TRUE(is_cache_key(entries[0].stem().string())) << entries[0];
  // A kept drawing is used as it is: prove it by planting another under the same key.
  std::ofstream(entries[0]) << "<svg>planted</svg>";
  Deck again = read(md);
  draw_diagrams(again, &shelf, &warnings);
  EXPECT_EQ(again.diagrams.begin()->second, "<svg>planted</svg>");
  // A damaged entry is a miss with a warning: drawn again, and the entry replaced.
  std::ofstream(entries[0]) << "not a drawing";
  Deck third = read(md);
  draw_diagrams(third, &shelf, &warnings);
  EXPECT_TRUE(third.diagrams.begin()->second.starts_with("<svg"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("ignored"), std::string::npos) << warnings[0];
  std::string text;
  ASSERT_TRUE(read_file(entries[0], text));
  EXPECT_TRUE(text.starts_with("<svg")) << text;
}

TEST_F(LayoutReader, DiagramsAreKeptInOneBatchAndThoseDrawnSurviveALaterError) {
  Deck deck = read("# T\n\n```dot\ndigraph { a -> b; }\n```\n\n```dot\ndigraph { c -> d; }\n```\n");
  test::MemoryStore store;
  draw_diagrams(deck, &store, nullptr);
  EXPECT_EQ(store.entries.size(), 2u);
  EXPECT_EQ(store.batches, 1) << "one flush of the disk for the build's drawings";
  // The second diagram fails: the first, drawn already, is kept all the same.
  Deck broken = read("# T\n\n```dot\ndigraph { e -> f; }\n```\n\n```dot\ndigraph {\n  a -> ;\n}\n```\n");
  test::MemoryStore kept;
  EXPECT_THROW(draw_diagrams(broken, &kept, nullptr), InputError);
  EXPECT_EQ(kept.entries.size(), 1u);
  EXPECT_EQ(kept.batches, 1);
}

TEST_F(LayoutReader, WarningsReachTheTerminalWithTheirPlace) {
  dir.write("deck/01.md", "# T\n\n| a |\n|---|\n| $x^2$ |\n\n```pyhton\nprint()\n```\n");
  Options options;
  options.inputs = {dir.path() / "deck"};
  options.output = dir.path() / "out/deck.html";
  test::FakeRunner runner;
  test::RecordingStatus status;
  ASSERT_EQ(run_command(options, status, Runners::single(runner)), 0);
  EXPECT_EQ(runner.all_runs(), 0u) << "a deck without snippets ran something";
  std::string all;
  for (const std::string& w : status.warnings) all += w + "\n";
  EXPECT_NE(all.find("01.md:5:3: warning: `$...$` math in a table cell is not typeset"), std::string::npos) << all;
  EXPECT_NE(all.find("01.md:7:1: warning: unknown code language 'pyhton'"), std::string::npos) << all;
}

}  // namespace
}  // namespace deckgen
