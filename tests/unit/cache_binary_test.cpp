// Compiled programs kept between builds: stored, fetched runnable, and misses when the
// store has only part of an entry.
#include "cache/binary_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <functional>

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
  auto program = store.fetch(kKey, fetched, nullptr);
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
  EXPECT_FALSE(store.fetch(kKey, dir.path() / "out", nullptr));
  ASSERT_TRUE(store.store(kKey, built, {}, nullptr));
  fs::remove(dir.path() / "cache/bin" / (kKey + ".json"));
  EXPECT_FALSE(store.fetch(kKey, dir.path() / "out", nullptr));
  dir.write("cache/bin/" + kKey + ".json", "{\"compile_sec");
  EXPECT_FALSE(store.fetch(kKey, dir.path() / "out", nullptr));
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
}

// A stored program that was truncated, emptied or lost its mode bits: never handed to
// the runner as it is ("Exec format error" in every build until --force).
TEST(BinaryStore, DamagedExecutableIsAMissWithAWarning) {
  const std::string script = "#!/bin/sh\necho built\n";
  auto damage_and_fetch = [&](const std::function<void(const fs::path&)>& damage, std::string* warning) {
    test::TempDir dir;
    fs::path built = dir.write("build/snippet", script);
    BinaryStore store(dir.path() / "cache");
    EXPECT_TRUE(store.store(kKey, built, {0.5, ""}, nullptr));
    damage(dir.path() / "cache/bin" / kKey);
    return store.fetch(kKey, dir.path() / "out", warning).has_value();
  };
  std::string warning;
  EXPECT_FALSE(damage_and_fetch([](const fs::path& exe) { fs::resize_file(exe, 5); }, &warning));
  EXPECT_NE(warning.find("compiling again"), std::string::npos) << warning;
  warning.clear();
  EXPECT_FALSE(damage_and_fetch([](const fs::path& exe) { fs::resize_file(exe, 0); }, &warning));
  EXPECT_NE(warning.find("compiling again"), std::string::npos) << warning;
  warning.clear();
  EXPECT_FALSE(damage_and_fetch([&](const fs::path& exe) { std::ofstream(exe) << "#!/bin/sh\necho BUILT\n"; }, &warning));  // same size
  EXPECT_NE(warning.find("content changed"), std::string::npos) << warning;
  // Mode bits alone are no damage: the fetched copy is made executable again.
  warning.clear();
  EXPECT_TRUE(damage_and_fetch([](const fs::path& exe) { fs::permissions(exe, fs::perms::owner_read); }, &warning));
  EXPECT_EQ(warning, "");
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
