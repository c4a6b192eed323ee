#pragma once
// Where a slide says "machine busy": only where the busy runs changed what it shows
// (issue 22). On an idle machine a run now and then is flagged; a note on every slide
// for a run that moved nothing shown teaches a speaker to ignore the note.
#include "model/results.h"

namespace deckgen {

// Whether leaving out the busy runs would change a number on the snippet's timing line
// as the slide writes it (render/snippet_html.cpp): the wall time's median and MAD, the
// user and system CPU, peak RSS, context switches, the unstable and outlier flags. The
// run count aside: it always changes. True when every run was busy (nothing shown is
// clean); false when none was.
bool busy_runs_change_timing_line(const SnippetResult& result);

}  // namespace deckgen
