#pragma once
// The deck's last slide when it ran snippets: the machine and tools that produced
// every number, so an audience knows what the figures are figures of.
#include "measure/provenance.h"
#include "render/slides.h"

namespace deckgen {

// `--cpus 1,all`: one mask the deck was measured under, and what its claims came to.
struct MaskSummary {
  std::string cpus;     // as asked: "1", "all"
  std::string label;    // "CPU 1 · 1 core"
  std::string outcome;  // "claims: 3 hold, 0 failed; 1 snippet failed"
};

// `masks`: every mask of a build with several, the first (whose runs the slides show)
// first; empty with one.
RenderedSlide provenance_slide(const Provenance& p, size_t snippet_count, double measuring_seconds,
                               const std::vector<MaskSummary>& masks = {});

}  // namespace deckgen
