// The cache's place and ownership (cache/cache_folder.h): one per deck, inside its
// folder, and never a folder deckgen did not make (issue 13, item 2).
#include "cache/cache_folder.h"

#include <gtest/gtest.h>

#include "model/input_error.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

TEST(CacheFolder, IsInsideTheDeckFolderWhateverTheOutput) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "talk");
  fs::path md = dir.write("talk/01.md", "# a");
  dir.write("talk/02.md", "# b");
  EXPECT_EQ(cache_dir_for({dir.path() / "talk"}), dir.path() / "talk" / ".deckgen-cache");
  EXPECT_EQ(cache_dir_for({md, dir.path() / "talk/02.md"}), dir.path() / "talk" / ".deckgen-cache");
  EXPECT_EQ(cache_dir_for({"01.md"}), fs::path(".") / ".deckgen-cache");         // a file in the current folder
  EXPECT_EQ(cache_dir_for({"missing"}), fs::path("missing") / ".deckgen-cache");  // a folder not made yet
}

TEST(CacheFolder, ClaimMakesATaggedFolderOnce) {
  test::TempDir dir;
  fs::path cache = dir.path() / ".deckgen-cache";
  EXPECT_FALSE(is_deckgen_cache(cache));
  claim_cache_dir(cache);
  EXPECT_TRUE(is_deckgen_cache(cache));
  claim_cache_dir(cache);  // already ours: nothing to do
  EXPECT_TRUE(is_deckgen_cache(cache));
  // Nothing made aside is left beside it.
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) entries += (void(e), 1);
  EXPECT_EQ(entries, 1u);
}

std::string refusal(const fs::path& dir) {
  try {
    claim_cache_dir(dir);
  } catch (const InputError& e) {
    return e.message();
  }
  return "(claimed)";
}

TEST(CacheFolder, RefusesWhatDeckgenDidNotMake) {
  test::TempDir dir;
  fs::path cache = dir.path() / ".deckgen-cache";

  fs::create_directory(cache);  // empty, but not ours
  EXPECT_NE(refusal(cache).find("deckgen did not make it"), std::string::npos) << refusal(cache);
  EXPECT_NE(refusal(cache).find("move or rename it"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(cache));  // not tagged

  dir.write(".deckgen-cache/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# another tool\n");
  EXPECT_NE(refusal(cache).find("deckgen did not make it"), std::string::npos);
  fs::remove_all(cache);

  fs::path ours = dir.path() / "ours";
  claim_cache_dir(ours);
  fs::create_directory_symlink(ours, cache);  // a link to a real deckgen cache is still a link
  EXPECT_NE(refusal(cache).find("symbolic link"), std::string::npos) << refusal(cache);
  EXPECT_FALSE(is_deckgen_cache(cache));
  fs::remove(cache);

  dir.write(".deckgen-cache", "a file");
  EXPECT_NE(refusal(cache).find("not a folder"), std::string::npos) << refusal(cache);
}

}  // namespace
}  // namespace deckgen
