#pragma once
// What the terminal is told about one snippet's result, as soon as it is known.
#include "model/results.h"
#include "pipeline/status.h"
#include "plan/plan.h"

namespace deckgen {

// A failure is an error (with the compiler's diagnostics, if any). A busy machine is a
// warning only when `timing_matters` (the snippet's timing is shown, quoted, claimed or
// drawn): a snippet whose timing nothing reads runs beside others on purpose, so it is
// busy by design and a warning about it would be noise. A metric that was not a
// number (NaN, infinite, ill-typed) is a warning naming it.
void report_result(const PlannedSnippet& snippet, const SnippetResult& result, bool timing_matters,
                   Status& status);

}  // namespace deckgen
