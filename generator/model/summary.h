#pragma once
// What the statistics of a series of runs come to: plain data, so that results can be
// kept, rendered and reported without the code that computes them (measure/stats.h).
#include <cstddef>
#include <vector>

namespace deckgen {

struct Summary {
  size_t n = 0;
  double median = 0;
  double mad = 0;     // median absolute deviation from the median, unscaled (not ×1.4826)
  double mean = 0;
  double stddev = 0;  // sample standard deviation (divides by n − 1); 0 when n == 1
  double min = 0, max = 0;
  // Indices into the input, ascending, of runs whose modified z-score exceeds
  // kOutlierZScore (measure/stats.h). When MAD is 0 (more than half the runs equal), the
  // score uses the mean absolute deviation instead, (x − median)/(1.253314·meanAD); when
  // that is 0 too, every run is equal and none is an outlier.
  std::vector<size_t> outliers;
  bool unstable = false;  // n ≥ 2 and σ/|mean| ≥ kUnstableVariation (measure/stats.h)
};

}  // namespace deckgen
