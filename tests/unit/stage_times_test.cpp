// --verbose's stage times (util/stage_times.h) and the one `git status` that gives the
// deck's revision (measure/provenance.h), on fixed inputs.
#include <gtest/gtest.h>

#include "fakes.h"
#include "measure/provenance.h"
#include "util/stage_times.h"

namespace deckgen {
namespace {

using namespace std::chrono_literals;

TEST(StageTimes, EachStageIsTheTimeSinceTheLastLapAndRepeatedNamesAddUp) {
  test::FakeClock clock;
  StageTimes times(clock.function());
  clock.advance(12ms);
  times.lap("read");
  clock.advance(1500us);
  times.lap("plan");
  clock.advance(3ms);
  times.lap("read");
  EXPECT_EQ(times.summary(), "read 15.0 ms, plan 1.5 ms (total 16.5 ms)");
}

TEST(GitRevision, FromOneGitStatus) {
  const std::string oid = "# branch.oid 0a27da878312c99fef7b94c2d5a360c0a27da878\n# branch.head main\n";
  EXPECT_EQ(revision_from_git_status(oid), "0a27da878312");
  EXPECT_EQ(revision_from_git_status(oid + "1 .M N... 100644 100644 100644 aa bb deck/01.md\n"), "0a27da878312+dirty");
  EXPECT_EQ(revision_from_git_status(oid + "? deck/new.md\n"), "0a27da878312+dirty");
  EXPECT_EQ(revision_from_git_status("# branch.oid (initial)\n# branch.head main\n? deck/01.md\n"), "");
  EXPECT_EQ(revision_from_git_status("fatal: not a git repository\n"), "");
  EXPECT_EQ(revision_from_git_status(""), "");
}

}  // namespace
}  // namespace deckgen
