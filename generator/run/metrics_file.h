#pragma once
// Reads one metrics-*.json that a snippet wrote (snippets/deckgen_trace.py writes them;
// any program may). A bad value costs only that metric: it is named in `problems`, and
// the file's other metrics are kept.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deckgen {

struct MetricsFile {
  std::map<std::string, std::pair<double, std::string>> metrics;  // name -> (value, unit)
  std::vector<std::string> problems;  // "metric 'ratio' is NaN", "metrics-12.json is not JSON: ..."
};

// How deep a metrics file may nest arrays and objects (docs/traces-and-charts.md); deeper files
// are refused whole.
inline constexpr size_t kMaxMetricsNesting = 32;

// `file_name` only names the file in problems.
MetricsFile parse_metrics_file(std::string_view text, std::string_view file_name);

}  // namespace deckgen
