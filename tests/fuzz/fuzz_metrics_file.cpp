// libFuzzer target for the metrics-*.json a snippet writes (run/metrics_file.cpp): any
// bytes must be read, or named as a problem, without crashing (issue 24: a 200,000-deep
// value overflowed the stack while its warning was formatted; 1e400 lost the file).
#include <cmath>
#include <cstdint>
#include <string_view>

#include "run/metrics_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  deckgen::MetricsFile file = deckgen::parse_metrics_file(text, "metrics-1.json");
  for (const auto& [name, metric] : file.metrics)
    if (!std::isfinite(metric.first)) __builtin_trap();  // a kept metric is a finite number
  return 0;
}
