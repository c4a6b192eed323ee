#include "measure/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "measure/stats.h"
#include "measure/units.h"

namespace deckgen {
namespace {

std::vector<std::string> metrics_of(const SnippetResult& old, const SnippetResult& now) {
  std::vector<std::string> names = {"wall", "cpu", "rss"};
  for (const auto& [name, _] : now.metrics)
    if (old.metrics.contains(name)) names.push_back("m." + name);
  return names;
}

}  // namespace

BaselineComparison compare_with_baseline(const Results& baseline, const Results& now, double confidence) {
  BaselineComparison out;
  for (const auto& [id, current] : now) {
    auto before = baseline.find(id);
    if (before == baseline.end() || before->second.outcome != Outcome::passed || current.outcome != Outcome::passed) {
      out.not_compared.push_back(id);
      continue;
    }
    for (const std::string& metric : metrics_of(before->second, current)) {
      std::vector<double> old_values = metric_samples(baseline, id, metric, {});
      std::vector<double> new_values = metric_samples(now, id, metric, {});
      if (old_values.empty() || new_values.empty()) continue;
      MetricChange c;
      c.id = id;
      c.metric = metric;
      c.unit = metric_unit(now, id, metric);
      c.old_median = summarize(old_values).median;
      c.new_median = summarize(new_values).median;
      c.old_runs = old_values.size();
      c.new_runs = new_values.size();
      c.ratio = ratio_interval(old_values, new_values, confidence);
      c.significant = c.ratio.bounded && (c.ratio.lower > 1 || c.ratio.upper < 1);
      if (c.significant) out.changes.push_back(std::move(c));
      else ++out.not_significant;
    }
  }
  for (const auto& [id, _] : baseline)
    if (!now.contains(id)) out.not_compared.push_back(id);
  // Largest change first, whichever its direction.
  std::sort(out.changes.begin(), out.changes.end(), [](const MetricChange& x, const MetricChange& y) {
    return std::abs(std::log(x.ratio.estimate)) > std::abs(std::log(y.ratio.estimate));
  });
  return out;
}

bool is_regression(const MetricChange& change, double percent) {
  return change.metric == "wall" && change.significant && change.ratio.lower > 1 + percent / 100;
}

std::string describe_change(const MetricChange& c) {
  bool larger = c.ratio.estimate >= 1;
  bool time = c.metric == "wall" || c.metric == "cpu";
  const char* direction = time ? (larger ? "slower" : "faster") : (larger ? "larger" : "smaller");
  // A decrease is shown as its inverse, "1.25× faster", as pyperf does.
  auto factor = [&](double r) { return larger ? r : 1 / r; };
  double near = factor(larger ? c.ratio.lower : c.ratio.upper), far = factor(larger ? c.ratio.upper : c.ratio.lower);
  return fmt::format("{} {}: {} -> {}: {} {} ({} to {}, each bound at {:g}%; {} and {} runs)", c.id, c.metric,
                     format_metric_value(c.old_median, c.metric, c.unit),
                     format_metric_value(c.new_median, c.metric, c.unit), Ratio{factor(c.ratio.estimate)}, direction,
                     Ratio{near}, Ratio{far}, c.ratio.confidence * 100, c.old_runs, c.new_runs);
}

}  // namespace deckgen
