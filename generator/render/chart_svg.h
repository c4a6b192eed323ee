#pragma once
// A bar chart comparing snippets on one metric, as an inline SVG (no script): one
// horizontal bar per snippet at its median, a whisker over its spread, the value with
// its unit at the end, and an axis that starts at zero so bar lengths compare honestly.
//
// The spread: deckgen passes the minimum and maximum of the timed runs (with five runs,
// every run is then inside the whisker, and nothing is estimated); the caption under
// the axis says so through `spread_label`. Text takes the page's colour (currentColor),
// is 18 px and up when drawn at the slide's text width (readable from the back of a room at 1280×720),
// and the output is deterministic. A chart of few bars gets thicker rows, so that it
// fills most of what a slide with a heading leaves free (440 of about 590 px) without scaling its text.
//
// Scale: linear from zero by default. When the medians span more than 20×, the small
// bars are slivers, so the caption adds a hint to write `scale: log`; a log axis runs
// over whole decades around the values, and its caption says bar lengths are then
// not proportional to the values.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "measure/units.h"

namespace deckgen {

struct ChartEntry {
  std::string label;          // the snippet's label, or its id
  double median = 0;
  double spread_low = 0;      // whisker from here ...
  double spread_high = 0;     // ... to here (min and max of the runs)
  size_t n = 0;               // runs; 0 = no measurement, drawn as "no data"
};

enum class ChartScale { linear, log };

struct ChartData {
  std::string title;          // drawn above the bars when not empty
  std::string metric_label;   // "wall time", "peak RSS", "ns_per_switch", ...
  // Turns a value into text with its unit (format_duration for seconds, format_bytes,
  // format_count): used for the values and the axis ticks.
  std::function<std::string(double)> format = format_count;
  std::string spread_label = "min–max";   // what the whiskers show, for the caption
  std::vector<ChartEntry> entries;
  ChartScale scale = ChartScale::linear;
  double width = 1168;        // SVG units: the text column of a 1280×720 slide, shown 1:1
};

std::string chart_svg(const ChartData& chart);

}  // namespace deckgen
