#include "measure/claim_runs.h"

#include <algorithm>

namespace deckgen {

Sides comparison_sides(const Results& results, const std::string& a, const std::string& b, const std::string& metric,
                       const SourcePos& pos) {
  Sides s;
  s.a = metric_samples(results, a, metric, pos);
  s.b = metric_samples(results, b, metric, pos);
  if (s.a.empty() || s.b.empty()) return s;
  const std::vector<RunRecord>& runs_a = results.at(a).runs;
  const std::vector<RunRecord>& runs_b = results.at(b).runs;
  // Values and runs must line up one to one for a run's round to name its value.
  if (runs_a.size() != s.a.size() || runs_b.size() != s.b.size()) return s;
  std::vector<double> paired_a, paired_b;
  for (size_t i = 0; i < runs_a.size(); ++i) {
    if (runs_a[i].round == 0) continue;
    auto partner = std::find_if(runs_b.begin(), runs_b.end(),
                                [&](const RunRecord& r) { return r.round == runs_a[i].round; });
    if (partner == runs_b.end()) continue;
    paired_a.push_back(s.a[i]);
    paired_b.push_back(s.b[static_cast<size_t>(partner - runs_b.begin())]);
  }
  if (paired_a.size() < std::min(s.a.size(), s.b.size())) return s;
  return {std::move(paired_a), std::move(paired_b), true};
}

size_t initial_runs(const Results& results, const std::string& id) {
  auto found = results.find(id);
  if (found == results.end()) return 0;
  const SnippetResult& r = found->second;
  return r.runs.size() - std::min(r.runs.size(), static_cast<size_t>(std::max(r.sampled_runs, 0)));
}

double ratio_estimate(const Sides& s) {
  Interval i = s.paired ? paired_ratio_interval(s.a, s.b, 0.5) : ratio_interval(s.a, s.b, 0.5);
  return i.estimate;
}

}  // namespace deckgen
