#pragma once
// What the terminal is told about one snippet's result, as soon as it is known.
#include "model/results.h"
#include "pipeline/status.h"
#include "plan/plan.h"

namespace deckgen {

// A failure is an error (with the compiler's diagnostics, if any). A metric that was not
// a number (NaN, infinite, ill-typed) is a warning naming it.
void report_result(const PlannedSnippet& snippet, const SnippetResult& result, Status& status);

// The runs this build made of a snippet while the machine was busy: one warning per
// snippet per build, once its runs are all made (claims may add some after its first),
// about the runs made now only: `busy_before` of the `runs_before` runs it had came
// from the cache, and the build that made them said so. Only when `timing_matters` (the
// snippet's timing is shown, quoted, claimed or drawn): a snippet whose timing nothing
// reads runs beside others on purpose, busy by design, and a warning would be noise.
void report_busy_runs(const PlannedSnippet& snippet, const SnippetResult& result, int busy_before, int runs_before,
                      bool timing_matters, Status& status);

}  // namespace deckgen
