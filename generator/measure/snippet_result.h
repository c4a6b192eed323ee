#pragma once
// Turns a snippet's raw runs into what the slide and the report show: statistics for
// each metric, the expectation's verdict, and cleaned output.
#include "model/results.h"
#include "plan/plan.h"
#include "run/raw_runs.h"

namespace deckgen {

SnippetResult measure_snippet(const PlannedSnippet& snippet, const RawSnippetRuns& raw);

// One more timed run, made after the others (adaptive sampling): appended with its
// metrics and output, the summaries computed again, the expectation checked on the
// run's whole outcome (`last`: stderr too, which RawRun does not keep).
void add_sampled_run(SnippetResult& r, const PlannedSnippet& snippet, const RawRun& run, const RunOutcome& last);

// Shows the output of the median run by `metric` (a built-in metric or m.NAME), when
// every run's output was kept; else leaves the last run's.
void show_median_run(SnippetResult& r, const std::string& metric);

// Fills `stats` (every built-in metric of model/metrics.h) from `runs`, and
// `metric_stats` from `metrics`: the one place a result's summaries are computed.
void summarize_runs(SnippetResult& r);

// Whether one run's exit and output meet the block's `expect`; empty when it does,
// else the reason in one line.
std::string check_expectation(const Expectation& expect, const RunOutcome& run, std::chrono::milliseconds timeout);

// Program output as the page shows it: valid UTF-8, no terminal escape codes.
CapturedText clean_output(const std::string& raw, uint64_t total_bytes);

}  // namespace deckgen
