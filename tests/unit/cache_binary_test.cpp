// Compiled programs kept between builds: stored, fetched runnable, and misses when the
// store has only part of an entry.
#include "cache/binary_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "test_support.h"

namespace deckgen {
namespace {

namespace fs = std::filesystem;
const std::string kKey = "00112233445566778899aabbccddeeff";

TEST(BinaryStore, FetchesWhatWasStoredAsAnExecutable) {
  test::TempDir dir;
  fs::path built = dir.write("build/snippet", "#!/bin/sh\necho built\n");
  BinaryStore store(dir.path() / "cache");
  std::string warning;
  ASSERT_TRUE(store.store(kKey, built, {0.75, "warning: x"}, &warning)) << warning;
  fs::path fetched = dir.path() / "run/snippet";
  fs::create_directories(fetched.parent_path());
  auto program = store.fetch(kKey, fetched);
  ASSERT_TRUE(program);
  EXPECT_EQ(program->compile_seconds, 0.75);
  EXPECT_EQ(program->compile_output, "warning: x");
  std::ifstream in(fetched);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "#!/bin/sh\necho built\n");
  EXPECT_EQ(::access(fetched.c_str(), X_OK), 0);
}

TEST(BinaryStore, PartOfAnEntryIsAMiss) {
  test::TempDir dir;
  fs::path built = dir.write("build/snippet", "program");
  BinaryStore store(dir.path() / "cache");
  EXPECT_FALSE(store.fetch(kKey, dir.path() / "out"));
  ASSERT_TRUE(store.store(kKey, built, {}, nullptr));
  fs::remove(dir.path() / "cache/bin" / (kKey + ".json"));
  EXPECT_FALSE(store.fetch(kKey, dir.path() / "out"));
  dir.write("cache/bin/" + kKey + ".json", "{\"compile_sec");
  EXPECT_FALSE(store.fetch(kKey, dir.path() / "out"));
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
}

TEST(BinaryStore, UnwritableCacheIsAWarning) {
  test::TempDir dir;
  fs::path built = dir.write("build/snippet", "program");
  dir.write("cache", "a file where the folder should be");
  std::string warning;
  EXPECT_FALSE(BinaryStore(dir.path() / "cache").store(kKey, built, {}, &warning));
  EXPECT_NE(warning.find("cannot keep the compiled program"), std::string::npos) << warning;
}

}  // namespace
}  // namespace deckgen
