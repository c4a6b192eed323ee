// Why a snippet reran, in words: the inputs whose part of the cache key changed.
#include "cache/key_changes.h"

#include <gtest/gtest.h>

#include <fstream>

#include "cache/cache_key.h"
#include "plan/languages.h"
#include "test_support.h"

namespace deckgen {
namespace {

namespace fs = std::filesystem;
using Phrases = std::vector<std::string>;

class KeyChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("snippets/main.py", "import helper\nprint(helper.x)\n");
    dir_.write("snippets/helper.py", "x = 1\n");
    snippet_.spec.id = "main";
    snippet_.spec.file = dir_.path() / "snippets/main.py";
    snippet_.spec.language = "python";
    snippet_.language = *find_language_by_name(builtin_languages(), "python");
    snippet_.source = "import helper\nprint(helper.x)\n";
    inputs_.snippets_dir = dir_.path() / "snippets";
    inputs_.tool = {"python", "/usr/bin/python3.11", "Python 3.11.2"};
    inputs_.python = "/usr/bin/python3.11";
    inputs_.path_env = "/usr/bin:/bin";
    inputs_.machine_fingerprint = "Some CPU; 2 logical cores";
  }
  std::string text() const { return snippet_cache_text(snippet_, inputs_); }

  test::TempDir dir_;
  PlannedSnippet snippet_;
  CacheInputs inputs_;
};

TEST_F(KeyChanges, NamesEachInputThatChanged) {
  std::string before = text();
  EXPECT_EQ(key_changes(before, before), Phrases{});
  EXPECT_EQ(key_changes("", before), Phrases{"no earlier result in the cache"});

  snippet_.source += "# more\n";
  EXPECT_EQ(key_changes(before, text()), Phrases{"source changed"});
  snippet_.spec.runs = 9;
  EXPECT_EQ(key_changes(before, text()), (Phrases{"runs changed", "source changed"}));
  snippet_ = {};
  SetUp();

  inputs_.tool.version = "Python 3.12.1";
  EXPECT_EQ(key_changes(before, text()), Phrases{"python version changed"});
  inputs_.tool.version = "Python 3.11.2";
  snippet_.spec.args = {"--fast"};
  snippet_.spec.env = {{"WORKERS", "4"}};
  EXPECT_EQ(key_changes(before, text()), (Phrases{"command or args changed", "env changed"}));
}

TEST_F(KeyChanges, NamesTheLocalFileThatChanged) {
  std::string before = text();
  dir_.write("snippets/helper.py", "x = 2\n");
  EXPECT_EQ(key_changes(before, text()), Phrases{"local file helper.py changed"});
}

TEST_F(KeyChanges, ADamagedTextStillCountsAsAChange) {
  EXPECT_FALSE(key_changes("deckgen-cache-key 1\nsource 99\nshort", text()).empty());
}

}  // namespace
}  // namespace deckgen
