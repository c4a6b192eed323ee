#pragma once
// The HTML of `chart` and `timeline` blocks: figures drawn at build time from this
// build's measurements and traces (inline SVG; no charting script in the deck).
#include <string>
#include <vector>

#include "measure/values.h"
#include "model/claims.h"

namespace deckgen {

// The width a figure is drawn at: the slide's text column, the stage (1280 or 960 px)
// less theme.css's 56 px padding each side. One SVG unit is then one px on the slide,
// so text drawn at 18 units shows at 18 px (at 1180 units a 1168 px column showed
// 17.8 px, and a 4:3 column 13 px).
double figure_width(int stage_width);

std::string chart_html(const ChartSpec& chart, const Results& results, double width = figure_width(1280));

struct TimelineFigure {
  std::string html;
  std::vector<std::string> warnings;  // worth printing; the figure shows them too
  std::string error;                  // the trace could not be drawn: the build fails
};
TimelineFigure timeline_html(const TimelineSpec& timeline, const SnippetResult* result,
                             double width = figure_width(1280));

}  // namespace deckgen
