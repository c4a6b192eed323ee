#pragma once
// The built-in metrics every timed run has: the one table that placeholders, claims,
// charts, the report and the slides take names, labels and units from. A snippet's own
// recorded metrics ("m.NAME") are not in it: their name and unit come from the snippet.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/results.h"

namespace deckgen {

// What a metric's values are, which decides how they are formatted.
enum class Quantity { seconds, bytes, count };

// Which way a metric improves: what `--fail-on-regression` counts as getting worse.
enum class Better { lower, higher };

struct BuiltinMetric {
  std::string_view name;   // as written in a deck: `{{a.rss}}`, `metric: rss`
  std::string_view label;  // as shown on slides, in verdicts and in the report
  Quantity quantity;
  Better better;  // every built-in one: less time, memory or switching is better
  double (*read)(const RunRecord& run);  // the run's value, in seconds, bytes or a count
};

// "s", "B" or "" (a count), as the report writes units.
std::string_view unit_symbol(Quantity quantity);

// In the order the slides list them.
std::span<const BuiltinMetric> builtin_metrics();

// Null for a name that is not built in (m.NAME included).
const BuiltinMetric* find_builtin_metric(std::string_view name);

// "wall, cpu, user, sys, rss, ctx": the names for an error message's advice.
std::string builtin_metric_names();

// Which statistic of a metric's runs a placeholder prints or a value claim bounds
// (`ID.METRIC.STAT`). Parsed once, where the deck is read: every later use is an
// exhaustive `switch`, so a new statistic cannot silently fall back to the median.
enum class Statistic { median, mad, mean, sd, min, max, n };

// As written in a deck: "median", "mad", ...
std::string_view statistic_name(Statistic stat);

// Null for a name that is not a statistic.
std::optional<Statistic> find_statistic(std::string_view name);

// "median, mad, mean, sd, min, max or n": the names for an error message's advice.
std::string statistic_names();

// The label of a built-in metric, or for m.NAME its name with the recorded unit
// ("speedup (x)", "speedup" without a unit).
std::string metric_label(std::string_view metric, std::string_view unit);

}  // namespace deckgen
