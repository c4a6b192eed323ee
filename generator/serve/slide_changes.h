#pragma once
// What changed between two versions of a served deck, slide by slide: the answer to an
// open page that asks, after a rebuild, what to replace (serve/live_reload.h). A page
// that only has to swap the slides it is told about waits for a few kilobytes, not for
// the whole page to be fetched and parsed again.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "util/text.h"

namespace deckgen {

// A published page and where its top-level slides lie in it (write/page.h).
struct PageVersion {
  uint64_t version = 0;
  std::shared_ptr<const std::string> page;
  std::vector<TextSpan> slides;  // empty: not known, so never swapped slide by slide
};

// The JSON an open page showing `from` gets to become `now`:
//   {"version": N, "count": C, "slides": [{"index": I, "html": "<section ...>...</section>"}, ...]}
// with only the slides whose HTML differs, or {"version": N, "reload": true} when more
// than slides' contents changed: the page around them (styles, scripts, embedded
// traces), the number of slides, a slide's own attributes other than data-source (its
// class, its background), or `from` is not known (null).
std::string slide_changes_json(const PageVersion* from, const PageVersion& now);

}  // namespace deckgen
