#pragma once
// Looking up and formatting a measured quantity — what placeholders print and claims
// compare. Every value shown carries the runs it came from.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/claims.h"
#include "model/results.h"

namespace deckgen {

using Results = std::map<std::string, SnippetResult>;

// The per-run values of a snippet's metric. Empty when the snippet failed or did not
// record it. Throws InputError (at `pos`) when a snippet that passed never recorded
// the named metric: that is a typo in the deck, not a measurement.
std::vector<double> metric_samples(const Results& results, const std::string& id, const std::string& metric,
                                   const SourcePos& pos);

// The summary of the same values as metric_samples, as the measure stage computed it
// (nullopt where metric_samples is empty): figures never summarise runs again.
std::optional<Summary> metric_summary(const Results& results, const std::string& id, const std::string& metric,
                                      const SourcePos& pos);

// The recorded unit of m.NAME (empty for built-in metrics).
std::string metric_unit(const Results& results, const std::string& id, const std::string& metric);

// A value of `metric` (recorded with `unit`) as the page shows it: durations and sizes
// in their own units ("850 µs", "16.0 MiB"), counts grouped, others with their unit.
std::string format_metric_value(double value, const std::string& metric, const std::string& unit);

// The statistic of a summary.
double statistic(const Summary& s, Statistic stat);

}  // namespace deckgen

namespace deckgen {
struct Provenance;
// The text each placeholder shows, keyed by its text inside the braces. Throws
// InputError for a metric a passing snippet never recorded.
std::map<std::string, std::string> placeholder_values(const std::vector<Placeholder>& placeholders,
                                                      const Results& results, const Provenance& provenance);
}  // namespace deckgen
