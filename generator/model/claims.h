#pragma once
// The deck's statements about its measurements: placeholders in prose, claims that
// must hold, and the charts and timelines that show them. Plain data.
#include <optional>
#include <string>
#include <vector>

#include "model/expression.h"
#include "model/metrics.h"
#include "model/source_pos.h"

namespace deckgen {

// A measured quantity of one snippet: "wall", "cpu", "user", "sys", "rss", "ctx", or
// a recorded metric "m.NAME"; and which statistic of its runs.
struct MetricRef {
  std::string id;
  std::string metric = "wall";
  Statistic stat = Statistic::median;
};

// `{{...}}` in slide text.
struct Placeholder {
  enum class Kind { stat, ratio, machine, python } kind = Kind::stat;
  SourcePos pos;
  std::string text;     // as written, without the braces
  MetricRef a, b;       // stat: a; ratio: a / b (medians)
  std::string field;    // machine.cores, machine.cpu, python.version
};

struct ClaimSpec {
  enum class Kind { faster, not_faster, equivalent, value } kind = Kind::faster;
  SourcePos pos;
  std::string a, b;                 // faster/not_faster/equivalent: snippet ids
  std::string metric = "wall";      // faster/not_faster: what "faster" compares (lower is better)
  std::optional<Expression> by;     // faster: the ratio B/A must be at least this, with confidence
  std::optional<double> margin;     // not_faster: A may be at most this many times faster (default 1.10);
                                    // equivalent: B/A lies within (1/margin, margin)
  bool less_wording = false;        // written `less:`: "uses less" rather than "is faster"
  MetricRef value;                  // value: the quantity (median of runs)
  std::optional<Expression> below, above;
  std::optional<Expression> when;   // false on this machine: the claim is skipped, not passed
  bool skip_ok = false;             // `skip_ok: true`: being skipped does not fail `--strict`
  // How long adaptive sampling may keep adding runs to decide this claim, and up to how
  // many runs per snippet; the run blocks' `runs:` stay the minimum.
  std::optional<double> budget_seconds;
  std::optional<int> max_runs;
};

struct ChartSpec {
  SourcePos pos;
  std::string title;
  std::string metric = "wall";
  std::vector<std::string> snippets;
  std::vector<std::string> labels;  // empty: the ids
  enum class Scale { linear, log } scale = Scale::linear;   // `scale: log`
};

struct TimelineSpec {
  SourcePos pos;
  std::string snippet;
  std::string title;
  // The most lanes drawn; a note under the figure says how many more the trace holds.
  // A trace of thirty tasks makes thirty lanes, more than a slide holds at 18 px text.
  int lanes = 12;
  bool cpus = false;  // `cpus: true`: a row per CPU showing which sampled thread ran on it
};

// The snippets a claim reads: the one a value claim bounds, or the two a comparison
// compares. These and compares_two switch over every kind: a new kind is a compile
// warning (-Wswitch) here, not a silent two-way `if` elsewhere.
std::vector<std::string> claim_snippets(const ClaimSpec& c);
bool compares_two(ClaimSpec::Kind kind);
// The metric the claim reads of its snippets (a value claim's own, or `metric:`).
const std::string& claim_metric(const ClaimSpec& c);

// Parses the inside of `{{...}}`; throws InputError at `pos` when malformed.
Placeholder parse_placeholder(const std::string& text, const SourcePos& pos);
// "cpu-threads.m.speedup.mad" -> {cpu-threads, m.speedup, mad}; throws InputError.
MetricRef parse_metric_ref(const std::string& text, const SourcePos& pos);
bool is_known_metric(const std::string& metric);  // the built-in ones or m.NAME

}  // namespace deckgen
