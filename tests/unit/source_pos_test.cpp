#include <gtest/gtest.h>

#include "model/input_error.h"

namespace deckgen {

TEST(SourcePos, FormatsOnlyTheKnownParts) {
  EXPECT_EQ(fmt::format("{}", SourcePos{"a.md", 3, 5}), "a.md:3:5");
  EXPECT_EQ(fmt::format("{}", SourcePos{"a.md", 3, 0}), "a.md:3");
  EXPECT_EQ(fmt::format("{}", SourcePos{"a.md", 0, 0}), "a.md");
}

TEST(InputError, MessageNamesPositionProblemAndFix) {
  InputError e({"deck/01.md", 2, 1}, "unknown front matter key 'titel'", "did you mean 'title'?");
  EXPECT_EQ(e.message(), "deck/01.md:2:1: error: unknown front matter key 'titel'\n  did you mean 'title'?");
}

}  // namespace deckgen
