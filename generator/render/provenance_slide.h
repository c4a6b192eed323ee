#pragma once
// The deck's last slide when it ran snippets: the machine and tools that produced
// every number, so an audience knows what the figures are figures of.
#include "measure/provenance.h"
#include "render/slides.h"

namespace deckgen {

RenderedSlide provenance_slide(const Provenance& p, size_t snippet_count, double measuring_seconds);

}  // namespace deckgen
