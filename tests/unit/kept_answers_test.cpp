// The answers deckgen keeps between builds besides results and programs -- highlighted
// code and toolchain probes -- go through the one store (util/entry_store.h): a kept
// entry is used as it is, a damaged one is a miss with a warning and is replaced, and a
// store that cannot be written says so once.
#include <gtest/gtest.h>

#include <map>

#include "fakes.h"
#include "highlight/highlight.h"
#include "plan/plan.h"
#include "test_support.h"
#include "toolchain/toolchain.h"
#include "util/entry_store.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

std::vector<CodeBlock> python_block() { return {{{"a.md", 3, 1}, "python", "x = 1\n"}}; }

HighlightedCode highlight_with(const EntryStore* store, const std::vector<CodeBlock>& blocks,
                               std::vector<std::string>& warnings) {
  auto highlighter = make_pygments_highlighter(store);
  std::string failure;
  HighlightedCode html = highlight_blocks(*highlighter, blocks, &failure, &warnings);
  EXPECT_EQ(failure, "");
  return html;
}

TEST(KeptHighlighting, IsKeptOnePerBlockAndUsedAsItIs) {
  test::MemoryStore store;
  std::vector<std::string> warnings;
  HighlightedCode first = highlight_with(&store, python_block(), warnings);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_NE(first.begin()->second.find("<span"), std::string::npos) << first.begin()->second;
  ASSERT_EQ(store.entries.size(), 1u);
  // Planted under the same key, a different HTML is what the next build shows: it was
  // taken from the store, not highlighted again.
  store.entries.begin()->second = "1<span class=\"k\">planted</span> &lt;x&gt; &#39;";
  HighlightedCode again = highlight_with(&store, python_block(), warnings);
  EXPECT_EQ(again.begin()->second, "<span class=\"k\">planted</span> &lt;x&gt; &#39;");
  EXPECT_TRUE(warnings.empty());
}

// Issue 24, item 2: the page includes kept HTML as it is, so an entry that is not the
// shape Pygments writes is refused with a warning and highlighted again.
TEST(KeptHighlighting, AnEntryThatIsNotPygmentsHtmlIsRefused) {
  test::MemoryStore store;
  std::vector<std::string> warnings;
  highlight_with(&store, python_block(), warnings);
  std::string good = store.entries.begin()->second;
  for (std::string planted : {good + "<img src=x onerror=alert(1)>", std::string("1<b>planted</b>"),
                              std::string("1<span class=\"k\" onclick=\"x\">x</span>"), std::string("1</span>x"),
                              std::string("1<span class=\"k\">x"), std::string("1x &unterminated"),
                              std::string("1a > b"), std::string("1<script>")}) {
    SCOPED_TRACE(planted);
    store.entries.begin()->second = planted;
    warnings.clear();
    HighlightedCode html = highlight_with(&store, python_block(), warnings);
    EXPECT_EQ("1" + html.begin()->second, good);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("not HTML that Pygments writes"), std::string::npos) << warnings[0];
  }
}

TEST(KeptHighlighting, ADamagedEntryIsAMissWithAWarningAndIsReplaced) {
  test::MemoryStore store;
  std::vector<std::string> warnings;
  highlight_with(&store, python_block(), warnings);
  std::string good = store.entries.begin()->second;
  store.entries.begin()->second = "garbage";
  HighlightedCode html = highlight_with(&store, python_block(), warnings);
  EXPECT_NE(html.begin()->second.find("<span"), std::string::npos);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("ignored"), std::string::npos) << warnings[0];
  EXPECT_EQ(store.entries.begin()->second, good);
}

TEST(KeptHighlighting, AnUnknownLanguageIsKeptAsUnknown) {
  test::MemoryStore store;
  std::vector<std::string> warnings;
  std::vector<CodeBlock> blocks = {{{"a.md", 3, 1}, "no-such-language-xyz", "x\n"}};
  EXPECT_TRUE(highlight_with(&store, blocks, warnings).empty());
  ASSERT_EQ(store.entries.size(), 1u);
  EXPECT_EQ(store.entries.begin()->second, "0");
  int writes = store.writes;
  EXPECT_TRUE(highlight_with(&store, blocks, warnings).empty());
  EXPECT_EQ(store.writes, writes) << "the kept answer 'unknown' is used, not asked again";
}

TEST(KeptHighlighting, AStoreThatCannotBeWrittenIsReportedOnce) {
  test::MemoryStore store;
  store.full = true;
  std::vector<std::string> warnings;
  std::vector<CodeBlock> blocks = {{{"a.md", 3, 1}, "python", "x = 1\n"}, {{"a.md", 9, 1}, "python", "y = 2\n"}};
  EXPECT_EQ(highlight_with(&store, blocks, warnings).size(), 2u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("No space left"), std::string::npos) << warnings[0];
}

// Issue 24: an fsync per entry made a first build of 100,000 blocks take a minute; new
// entries are handed to the store together, which flushes them to disk once.
TEST(KeptHighlighting, NewEntriesAreKeptInOneBatch) {
  test::MemoryStore store;
  std::vector<std::string> warnings;
  std::vector<CodeBlock> blocks = {{{"a.md", 3, 1}, "python", "x = 1\n"}, {{"a.md", 9, 1}, "python", "y = 2\n"},
                                   {{"a.md", 15, 1}, "python", "z = 3\n"}};
  highlight_with(&store, blocks, warnings);
  EXPECT_EQ(store.batches, 1);
  EXPECT_EQ(store.entries.size(), 3u);
  highlight_with(&store, blocks, warnings);
  EXPECT_EQ(store.batches, 1) << "nothing new, nothing written";
}

// A "compiler" that is a real executable (a script is asked every time) and answers
// --version: coreutils' `true` prints its version.
class KeptToolchainAnswers : public ::testing::Test {
 protected:
  void SetUp() override {
    compiler_ = dir_.path() / "fakecc";
    fs::copy_file("/bin/true", compiler_);
    fs::permissions(compiler_, fs::perms::owner_all);
    PlannedSnippet s;
    s.spec.id = "a";
    s.language = {"fake", {".fk"}, {compiler_.string(), "{file}", "-o", "{exe}"}, {"{exe}"}, ""};
    plan_.snippets.push_back(s);
  }
  test::TempDir dir_;
  fs::path compiler_;
  Plan plan_;
};

TEST_F(KeptToolchainAnswers, AVersionAnswerIsKeptAndUsedAsItIs) {
  test::MemoryStore store;
  Toolchains first = resolve_toolchains(plan_, "python3", &store);
  ASSERT_EQ(first.tools.size(), 1u);
  EXPECT_NE(first.tools[0].version.find("true"), std::string::npos) << first.tools[0].version;
  ASSERT_EQ(store.entries.size(), 1u);
  std::string& entry = store.entries.begin()->second;
  entry.replace(entry.find('\n') + 1, std::string::npos, "planted 9.9\n");
  Toolchains again = resolve_toolchains(plan_, "python3", &store);
  EXPECT_EQ(again.tools[0].version, "planted 9.9");
  EXPECT_TRUE(again.cache_warnings.empty());
}

TEST_F(KeptToolchainAnswers, ADamagedAnswerIsAMissWithAWarning) {
  test::MemoryStore store;
  resolve_toolchains(plan_, "python3", &store);
  store.entries.begin()->second = "planted 9.9\n";  // no marker line: not one deckgen wrote
  Toolchains again = resolve_toolchains(plan_, "python3", &store);
  EXPECT_NE(again.tools[0].version.find("true"), std::string::npos) << again.tools[0].version;
  ASSERT_EQ(again.cache_warnings.size(), 1u);
  EXPECT_NE(again.cache_warnings[0].find("ignored"), std::string::npos) << again.cache_warnings[0];
}

}  // namespace
}  // namespace deckgen
