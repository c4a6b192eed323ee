#include "pipeline/result_report.h"

#include <fmt/format.h>

#include "util/text.h"

namespace deckgen {

void report_result(const PlannedSnippet& s, const SnippetResult& r, bool timing_matters, Status& status) {
  status.progress_done();
  if (r.outcome == Outcome::failed)
    status.error(fmt::format("{}: error: snippet '{}' failed: {}{}", s.spec.pos, r.id, r.failure,
                             r.compile_output.empty() ? "" : fmt::format("\n{}", trim_right(r.compile_output))));
  else if (r.busy_runs > 0 && timing_matters)
    status.warning(fmt::format("{}: warning: snippet '{}': the machine was busy during {} of {} runs; its timings "
                               "are less trustworthy", s.spec.pos, r.id, r.busy_runs, r.runs.size()));
  for (const std::string& problem : r.metric_problems)
    status.warning(fmt::format("{}: warning: snippet '{}': {}; it was left out, the other metrics are kept",
                               s.spec.pos, r.id, problem));
}

}  // namespace deckgen
