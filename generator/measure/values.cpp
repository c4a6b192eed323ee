#include "measure/values.h"

#include <fmt/format.h>

#include "measure/units.h"
#include "model/input_error.h"
#include "model/metrics.h"

namespace deckgen {
namespace {

std::optional<double> seconds_per(const std::string& unit) {
  if (unit == "s") return 1.0;
  if (unit == "ms") return 1e-3;
  if (unit == "us" || unit == "µs" || unit == "μs") return 1e-6;
  if (unit == "ns") return 1e-9;
  return std::nullopt;
}

// The result that holds `metric` of snippet `id`; null when the snippet failed or is not
// in `results`. A failed snippet's recorded metrics are still shown; its run metrics
// are not (a run that failed measured the failure).
const SnippetResult* measured(const Results& results, const std::string& id, const std::string& metric,
                              const SourcePos& pos) {
  auto found = results.find(id);
  if (found == results.end()) return nullptr;
  const SnippetResult& r = found->second;
  if (metric.starts_with("m.") && r.metrics.contains(metric.substr(2))) return &r;
  if (r.outcome == Outcome::failed) return nullptr;
  if (metric.starts_with("m.")) {
    const std::string wanted = fmt::format("metric '{}' ", metric.substr(2));
    for (const std::string& problem : r.metric_problems)
      if (problem.starts_with(wanted))
        throw InputError(pos, fmt::format("snippet '{}' recorded {}", id, problem),
                         "record a finite number: deckgen_trace.metric(name, value, unit)");
    std::vector<std::string> names;
    for (const auto& [name, _] : r.metrics) names.push_back("m." + name);
    throw InputError(pos, fmt::format("snippet '{}' recorded no metric '{}'", id, metric),
                     names.empty() ? std::string("it records none: call deckgen_trace.metric(name, value, unit) in it")
                                   : fmt::format("it recorded: {}", fmt::join(names, ", ")));
  }
  return &r;
}

}  // namespace

std::vector<double> metric_samples(const Results& results, const std::string& id, const std::string& metric,
                                   const SourcePos& pos) {
  const SnippetResult* r = measured(results, id, metric, pos);
  if (!r) return {};
  if (metric.starts_with("m.")) return r->metrics.at(metric.substr(2)).values;
  std::vector<double> values;
  if (const BuiltinMetric* m = find_builtin_metric(metric))
    for (const RunRecord& run : r->runs) values.push_back(m->read(run));
  return values;
}

std::optional<Summary> metric_summary(const Results& results, const std::string& id, const std::string& metric,
                                      const SourcePos& pos) {
  const SnippetResult* r = measured(results, id, metric, pos);
  if (!r) return std::nullopt;
  const auto& summaries = metric.starts_with("m.") ? r->metric_stats : r->stats;
  auto found = summaries.find(metric.starts_with("m.") ? metric.substr(2) : metric);
  if (found == summaries.end() || found->second.n == 0) return std::nullopt;
  return found->second;
}

std::string metric_unit(const Results& results, const std::string& id, const std::string& metric) {
  auto found = results.find(id);
  if (found == results.end() || !metric.starts_with("m.")) return {};
  auto m = found->second.metrics.find(metric.substr(2));
  return m == found->second.metrics.end() ? std::string() : m->second.unit;
}

std::string format_metric_value(double value, const std::string& metric, const std::string& unit) {
  if (const BuiltinMetric* m = find_builtin_metric(metric)) {
    switch (m->quantity) {
      case Quantity::seconds: return format_duration(value);
      case Quantity::bytes: return format_bytes(value);
      case Quantity::count: return format_count(value);
    }
  }
  if (auto scale = seconds_per(unit)) return format_duration(value * *scale);
  if (unit == "B") return format_bytes(value);
  if (unit == "x" || unit == "×") return format_ratio(value);
  std::string number = format_count(value);
  if (unit.empty()) return number;
  if (unit == "%") return number + "%";
  return fmt::format("{} {}", number, unit);
}

double statistic(const Summary& s, Statistic stat) {
  switch (stat) {
    case Statistic::median: return s.median;
    case Statistic::mad: return s.mad;
    case Statistic::mean: return s.mean;
    case Statistic::sd: return s.stddev;
    case Statistic::min: return s.min;
    case Statistic::max: return s.max;
    case Statistic::n: return static_cast<double>(s.n);
  }
  return s.median;
}

}  // namespace deckgen

#include "measure/claim_runs.h"
#include "measure/provenance.h"
#include "measure/stats.h"

namespace deckgen {

std::map<std::string, std::string> placeholder_values(const std::vector<Placeholder>& placeholders,
                                                      const Results& results, const Provenance& provenance) {
  std::map<std::string, std::string> values;
  auto median_of = [&](const MetricRef& ref, const SourcePos& pos) {
    return metric_summary(results, ref.id, ref.metric, pos);
  };
  for (const Placeholder& p : placeholders) {
    std::string shown = "n/a";
    switch (p.kind) {
      case Placeholder::Kind::stat:
        if (auto s = median_of(p.a, p.pos)) {
          double v = statistic(*s, p.a.stat);
          shown = p.a.stat == Statistic::n ? fmt::format("{}", s->n)
                                  : format_metric_value(v, p.a.metric, metric_unit(results, p.a.id, p.a.metric));
        }
        break;
      case Placeholder::Kind::ratio: {
        // The estimand a comparison claim reports (claim_runs.h), so that a slide never
        // shows two "how many times" numbers for the same pair: the Hodges–Lehmann
        // estimate of a/b over the runs' ratios (per round, when the runs are paired).
        auto a = median_of(p.a, p.pos), b = median_of(p.b, p.pos);
        if (a && b) {
          double ratio = ratio_estimate(comparison_sides(results, p.b.id, p.a.id, p.a.metric, p.pos));
          if (ratio > 0) shown = format_ratio(ratio);
          // A ratio over zero is no number; the slide says why rather than a bare n/a.
          else if (b->median == 0) shown = fmt::format("n/a ({}.{} is 0)", p.b.id, p.b.metric);
        }
        break;
      }
      case Placeholder::Kind::machine:
        if (p.field == "machine.cores") shown = fmt::format("{}", provenance.machine.usable_cores);
        if (p.field == "machine.physical_cores") shown = fmt::format("{}", provenance.machine.usable_physical_cores);
        if (p.field == "machine.logical_cores") shown = fmt::format("{}", provenance.machine.logical_cores);
        if (p.field == "machine.cpu") shown = provenance.machine.cpu_model;
        if (p.field == "machine.memory") shown = format_bytes(static_cast<double>(provenance.machine.memory_bytes));
        break;
      case Placeholder::Kind::python:
        for (const ToolInfo& t : provenance.tools)
          // The bare version ("3.11.2"): a slide writes "Python {{python.version}}".
          if (t.language == "python") shown = t.version.starts_with("Python ") ? t.version.substr(7) : t.version;
        break;
    }
    values[p.text] = shown;
  }
  return values;
}

}  // namespace deckgen
