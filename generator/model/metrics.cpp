#include "model/metrics.h"

#include <algorithm>
#include <array>

namespace deckgen {
namespace {

// One label per metric, the same on the slide's timing table, a chart's caption, a
// claim's verdict and the report.
constexpr std::array<BuiltinMetric, 6> kBuiltinMetrics = {{
    {"wall", "wall time", Quantity::seconds, Better::lower, [](const RunRecord& r) { return r.wall_seconds; }},
    {"cpu", "CPU time", Quantity::seconds, Better::lower, [](const RunRecord& r) { return r.user_seconds + r.system_seconds; }},
    {"user", "user CPU time", Quantity::seconds, Better::lower, [](const RunRecord& r) { return r.user_seconds; }},
    {"sys", "system CPU time", Quantity::seconds, Better::lower, [](const RunRecord& r) { return r.system_seconds; }},
    {"rss", "peak RSS", Quantity::bytes, Better::lower, [](const RunRecord& r) { return static_cast<double>(r.max_rss_kib) * 1024.0; }},
    {"ctx", "context switches", Quantity::count, Better::lower,
     [](const RunRecord& r) { return static_cast<double>(r.voluntary_switches + r.involuntary_switches); }},
}};

}  // namespace

std::string_view unit_symbol(Quantity quantity) {
  switch (quantity) {
    case Quantity::seconds: return "s";
    case Quantity::bytes: return "B";
    case Quantity::count: return "";
  }
  return "";
}

std::span<const BuiltinMetric> builtin_metrics() { return kBuiltinMetrics; }

const BuiltinMetric* find_builtin_metric(std::string_view name) {
  auto found = std::find_if(kBuiltinMetrics.begin(), kBuiltinMetrics.end(),
                            [&](const BuiltinMetric& m) { return m.name == name; });
  return found == kBuiltinMetrics.end() ? nullptr : &*found;
}

std::string builtin_metric_names() {
  std::string names;
  for (const BuiltinMetric& m : kBuiltinMetrics) {
    if (!names.empty()) names += ", ";
    names += m.name;
  }
  return names;
}

std::string_view statistic_name(Statistic stat) {
  switch (stat) {
    case Statistic::median: return "median";
    case Statistic::mad: return "mad";
    case Statistic::mean: return "mean";
    case Statistic::sd: return "sd";
    case Statistic::min: return "min";
    case Statistic::max: return "max";
    case Statistic::n: return "n";
  }
  return "median";
}

namespace {
constexpr Statistic kStatistics[] = {Statistic::median, Statistic::mad, Statistic::mean, Statistic::sd,
                                     Statistic::min,    Statistic::max, Statistic::n};
}  // namespace

std::optional<Statistic> find_statistic(std::string_view name) {
  for (Statistic stat : kStatistics)
    if (statistic_name(stat) == name) return stat;
  return std::nullopt;
}

std::string statistic_names() {
  std::string names;
  for (size_t i = 0; i < std::size(kStatistics); ++i) {
    if (i > 0) names += i + 1 == std::size(kStatistics) ? " or " : ", ";
    names += statistic_name(kStatistics[i]);
  }
  return names;
}

std::string metric_label(std::string_view metric, std::string_view unit) {
  if (const BuiltinMetric* m = find_builtin_metric(metric)) return std::string(m->label);
  std::string name(metric.starts_with("m.") ? metric.substr(2) : metric);
  return unit.empty() ? name : name + " (" + std::string(unit) + ")";
}

}  // namespace deckgen
