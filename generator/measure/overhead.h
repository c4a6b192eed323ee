#pragma once
// The harness overhead as the report and the provenance slide show it.
#include "model/results.h"
#include "run/overhead.h"

namespace deckgen {

HarnessOverhead summarize_overhead(const OverheadSamples& samples);

}  // namespace deckgen
