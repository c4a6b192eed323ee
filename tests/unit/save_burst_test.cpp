// When the watch loop rebuilds after an editor's save (serve/save_burst.h): the events of
// one save, as editors make them, with made-up times.
#include "serve/save_burst.h"

#include <gtest/gtest.h>

namespace deckgen {
namespace {

using std::chrono::milliseconds;
using Step = SaveBurst::Step;
const SaveBurst::Clock::time_point t0{};
const SaveBurst::Quiet quiet{milliseconds(8), milliseconds(50), milliseconds(2000)};

TEST(SaveBurst, NothingYetIsNeverOver) {
  SaveBurst burst(quiet);
  EXPECT_FALSE(burst.over_at());
  EXPECT_FALSE(burst.over(t0 + milliseconds(10000)));
}

// open(O_TRUNC), write, close: the close ends the save; the short quiet follows it.
TEST(SaveBurst, AFileClosedAfterWritingIsOverAfterTheShortQuiet) {
  SaveBurst burst(quiet);
  burst.add(Step::writing, t0);
  burst.add(Step::finished, t0 + milliseconds(1));
  EXPECT_FALSE(burst.over(t0 + milliseconds(8)));
  EXPECT_TRUE(burst.over(t0 + milliseconds(9)));
}

// An editor that truncates and closes, then writes the text and closes again: the
// first close alone would rebuild an empty slide; the second, within the quiet, pushes
// the end on, so the one rebuild sees the whole file.
TEST(SaveBurst, ASecondWriteWithinTheQuietJoinsTheSameRebuild) {
  SaveBurst burst(quiet);
  burst.add(Step::writing, t0);                    // O_TRUNC
  burst.add(Step::finished, t0 + milliseconds(1));  // closed, empty
  burst.add(Step::writing, t0 + milliseconds(5));   // reopened, the text written
  EXPECT_FALSE(burst.over(t0 + milliseconds(14)));  // still writing: the long quiet
  burst.add(Step::finished, t0 + milliseconds(6));
  EXPECT_FALSE(burst.over(t0 + milliseconds(13)));
  EXPECT_TRUE(burst.over(t0 + milliseconds(14)));
}

// Written to a temporary file (scratch, not counted), then renamed over the slide: one
// finished step, the rename.
TEST(SaveBurst, ARenameIntoPlaceIsOneFinishedStep) {
  SaveBurst burst(quiet);
  burst.add(Step::finished, t0);
  EXPECT_EQ(*burst.over_at(), t0 + milliseconds(8));
}

// A writer that has written but not closed may write more: it gets the long quiet.
TEST(SaveBurst, AWriterStillAtWorkGetsTheLongQuiet) {
  SaveBurst burst(quiet);
  burst.add(Step::writing, t0);
  EXPECT_FALSE(burst.over(t0 + milliseconds(49)));
  EXPECT_TRUE(burst.over(t0 + milliseconds(50)));
}

// Events that never stop (a checkout, a generator rewriting files) are cut at `longest`
// from the first one.
TEST(SaveBurst, ABurstThatNeverGoesQuietEndsAtTheLongest) {
  SaveBurst burst(quiet);
  for (int ms = 0; ms <= 3000; ms += 5) burst.add(Step::finished, t0 + milliseconds(ms));
  EXPECT_EQ(*burst.over_at(), t0 + milliseconds(2000));
}

}  // namespace
}  // namespace deckgen
