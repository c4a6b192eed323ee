#include "pipeline/result_report.h"

#include <fmt/format.h>

#include "util/text.h"

namespace deckgen {
namespace {

constexpr size_t kStderrTailLines = 10;  // enough for a Python traceback's last frames and its message

// The last `count` lines of `text`, without trailing blank lines, each indented.
std::string indented_tail(std::string_view text, size_t count) {
  text = trim_right(text);
  size_t start = text.size();
  for (size_t lines = 0; start > 0 && lines < count; ++lines) {
    size_t nl = text.rfind('\n', start - 1);
    start = nl == std::string_view::npos ? 0 : nl;
    if (nl == std::string_view::npos) break;
  }
  std::string_view tail = text.substr(start);
  if (!tail.empty() && tail.front() == '\n') tail.remove_prefix(1);
  std::string out = start > 0 ? "  ...\n" : "";
  LineCursor cursor(tail);
  for (std::string_view line; cursor.next(line);) out += fmt::format("  | {}\n", line);
  return std::string(trim_right(out));
}

// What the terminal shows under a failure: the compiler's diagnostics, or the tail of
// the last run's stderr (the slide has the same, in its red box).
std::string failure_details(const SnippetResult& r) {
  if (!r.compile_output.empty()) return fmt::format("\n{}", trim_right(r.compile_output));
  if (!trim_right(r.err.text).empty())
    return fmt::format("\n  stderr of the last run:\n{}", indented_tail(r.err.text, kStderrTailLines));
  return {};
}

}  // namespace

void report_result(const PlannedSnippet& s, const SnippetResult& r, Status& status) {
  status.progress_done();
  if (r.outcome == Outcome::failed)
    status.error(fmt::format("{}: error: snippet '{}' failed: {}{}", s.spec.pos, r.id, r.failure, failure_details(r)));
  for (const std::string& problem : r.metric_problems)
    status.warning(fmt::format("{}: warning: snippet '{}': {}; it was left out, the other metrics are kept",
                               s.spec.pos, r.id, problem));
}

void report_busy_runs(const PlannedSnippet& s, const SnippetResult& r, int busy_before, int runs_before,
                      bool timing_matters, Status& status) {
  int busy = r.busy_runs - busy_before;
  int made = static_cast<int>(r.runs.size()) - runs_before;
  if (!timing_matters || r.outcome == Outcome::failed || busy <= 0 || made <= 0) return;
  status.warning(fmt::format("{}: warning: snippet '{}': the machine was busy during {} of {} runs{}; its timings "
                             "are less trustworthy", s.spec.pos, r.id, busy, made,
                             runs_before > 0 ? " made by this build" : ""));
}

}  // namespace deckgen
