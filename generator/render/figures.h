#pragma once
// The HTML of `chart` and `timeline` blocks: figures drawn at build time from this
// build's measurements and traces (inline SVG; no charting script in the deck).
#include <string>
#include <vector>

#include "measure/values.h"
#include "model/claims.h"

namespace deckgen {

std::string chart_html(const ChartSpec& chart, const Results& results);

struct TimelineFigure {
  std::string html;
  std::vector<std::string> warnings;  // worth printing; the figure shows them too
  std::string error;                  // the trace could not be drawn: the build fails
};
TimelineFigure timeline_html(const TimelineSpec& timeline, const SnippetResult* result);

}  // namespace deckgen
