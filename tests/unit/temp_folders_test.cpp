// Private temp folders a killed deckgen left are swept by the next run, and nothing else
// is (issue 24, item 6).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "test_support.h"
#include "util/files.h"

namespace deckgen {
namespace {

namespace fs = std::filesystem;

// Points TMPDIR at a test folder while it lives.
class TempDirEnv {
 public:
  explicit TempDirEnv(const fs::path& dir) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  ~TempDirEnv() {
    if (old_) ::setenv("TMPDIR", old_->c_str(), 1);
    else ::unsetenv("TMPDIR");
  }

 private:
  std::optional<std::string> old_;
};

TEST(TempFolders, AFolderInUseIsKeptAndOneWhoseOwnerDiedIsRemoved) {
  test::TempDir tmp;
  TempDirEnv env(tmp.path());
  fs::path abandoned;
  {
    TempFolder live("run");
    EXPECT_TRUE(fs::is_regular_file(live.path() / ".deckgen-owner"));
    EXPECT_EQ(sweep_abandoned_temp_folders(tmp.path()), 0u);  // locked by this process
    EXPECT_TRUE(fs::exists(live.path()));
    // What a killed deckgen leaves: the same folder, its marker no longer locked.
    abandoned = tmp.path() / "deckgen-run-abcdef";
    fs::copy(live.path(), abandoned, fs::copy_options::recursive);
    tmp.write("deckgen-run-abcdef/left/behind.o", "x");
  }
  EXPECT_TRUE(fs::exists(abandoned));
  EXPECT_EQ(sweep_abandoned_temp_folders(tmp.path()), 1u);
  EXPECT_FALSE(fs::exists(abandoned));
}

TEST(TempFolders, OnlyFoldersProvablyDeckgensAreSwept) {
  test::TempDir tmp;
  tmp.write("deckgen-nomarker-123456/file", "not proven deckgen's");
  tmp.write("other-run-123456/.deckgen-owner", "");  // not named as deckgen names them
  tmp.write("deckgen-file", "a file");
  tmp.write("elsewhere/.deckgen-owner", "");
  fs::create_directory_symlink(tmp.path() / "elsewhere", tmp.path() / "deckgen-link-123456");
  tmp.write("target", "");
  fs::create_directory(tmp.path() / "deckgen-linkedmarker-123456");
  fs::create_symlink(tmp.path() / "target", tmp.path() / "deckgen-linkedmarker-123456/.deckgen-owner");
  EXPECT_EQ(sweep_abandoned_temp_folders(tmp.path()), 0u);
  for (const char* kept : {"deckgen-nomarker-123456/file", "other-run-123456/.deckgen-owner", "deckgen-file",
                           "elsewhere/.deckgen-owner", "deckgen-linkedmarker-123456", "target"})
    EXPECT_TRUE(fs::exists(tmp.path() / kept)) << kept;
}

}  // namespace
}  // namespace deckgen
