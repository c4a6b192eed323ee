#include "measure/overhead.h"

#include "measure/stats.h"

namespace deckgen {

HarnessOverhead summarize_overhead(const OverheadSamples& samples) {
  return HarnessOverhead{summarize(samples.true_wall), summarize(samples.python_start_wall)};
}

}  // namespace deckgen
