#include "measure/values.h"

#include <fmt/format.h>

#include "measure/units.h"
#include "model/input_error.h"

namespace deckgen {
namespace {

std::optional<double> seconds_per(const std::string& unit) {
  if (unit == "s") return 1.0;
  if (unit == "ms") return 1e-3;
  if (unit == "us" || unit == "µs" || unit == "μs") return 1e-6;
  if (unit == "ns") return 1e-9;
  return std::nullopt;
}

}  // namespace

std::vector<double> metric_samples(const Results& results, const std::string& id, const std::string& metric,
                                   const SourcePos& pos) {
  auto found = results.find(id);
  if (found == results.end()) return {};
  const SnippetResult& r = found->second;
  std::vector<double> values;
  if (metric.starts_with("m.")) {
    auto m = r.metrics.find(metric.substr(2));
    if (m != r.metrics.end()) return m->second.values;
    if (r.outcome == Outcome::failed) return {};
    std::vector<std::string> names;
    for (const auto& [name, _] : r.metrics) names.push_back("m." + name);
    throw InputError(pos, fmt::format("snippet '{}' recorded no metric '{}'", id, metric),
                     names.empty() ? std::string("it records none: call deckgen_trace.metric(name, value, unit) in it")
                                   : fmt::format("it recorded: {}", fmt::join(names, ", ")));
  }
  for (const RunRecord& run : r.runs) {
    if (metric == "wall") values.push_back(run.wall_seconds);
    else if (metric == "cpu") values.push_back(run.user_seconds + run.system_seconds);
    else if (metric == "user") values.push_back(run.user_seconds);
    else if (metric == "sys") values.push_back(run.system_seconds);
    else if (metric == "rss") values.push_back(static_cast<double>(run.max_rss_kib) * 1024.0);
    else if (metric == "ctx") values.push_back(static_cast<double>(run.voluntary_switches + run.involuntary_switches));
  }
  if (r.outcome == Outcome::failed) return {};
  return values;
}

std::string metric_unit(const Results& results, const std::string& id, const std::string& metric) {
  auto found = results.find(id);
  if (found == results.end() || !metric.starts_with("m.")) return {};
  auto m = found->second.metrics.find(metric.substr(2));
  return m == found->second.metrics.end() ? std::string() : m->second.unit;
}

std::string format_metric_value(double value, const std::string& metric, const std::string& unit) {
  if (metric == "wall" || metric == "cpu" || metric == "user" || metric == "sys") return format_duration(value);
  if (metric == "rss") return format_bytes(value);
  if (metric == "ctx") return format_count(value);
  if (auto scale = seconds_per(unit)) return format_duration(value * *scale);
  if (unit == "B") return format_bytes(value);
  if (unit == "x" || unit == "×") return format_ratio(value);
  std::string number = format_count(value);
  if (unit.empty()) return number;
  if (unit == "%") return number + "%";
  return fmt::format("{} {}", number, unit);
}

double statistic(const Summary& s, const std::string& stat) {
  if (stat == "mad") return s.mad;
  if (stat == "mean") return s.mean;
  if (stat == "sd") return s.stddev;
  if (stat == "min") return s.min;
  if (stat == "max") return s.max;
  if (stat == "n") return static_cast<double>(s.n);
  return s.median;
}

}  // namespace deckgen

#include "measure/provenance.h"
#include "measure/stats.h"

namespace deckgen {

std::map<std::string, std::string> placeholder_values(const std::vector<Placeholder>& placeholders,
                                                      const Results& results, const Provenance& provenance) {
  std::map<std::string, std::string> values;
  auto median_of = [&](const MetricRef& ref, const SourcePos& pos) -> std::optional<Summary> {
    std::vector<double> samples = metric_samples(results, ref.id, ref.metric, pos);
    if (samples.empty()) return std::nullopt;
    return summarize(samples);
  };
  for (const Placeholder& p : placeholders) {
    std::string shown = "n/a";
    switch (p.kind) {
      case Placeholder::Kind::stat:
        if (auto s = median_of(p.a, p.pos)) {
          double v = statistic(*s, p.a.stat);
          shown = p.a.stat == "n" ? fmt::format("{}", s->n)
                                  : format_metric_value(v, p.a.metric, metric_unit(results, p.a.id, p.a.metric));
        }
        break;
      case Placeholder::Kind::ratio: {
        auto a = median_of(p.a, p.pos), b = median_of(p.b, p.pos);
        if (a && b && b->median != 0) shown = format_ratio(a->median / b->median);
        break;
      }
      case Placeholder::Kind::machine:
        if (p.field == "machine.cores") shown = fmt::format("{}", provenance.machine.logical_cores);
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
