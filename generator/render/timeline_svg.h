#pragma once
// A trace drawn as an inline SVG timeline: no script, no external references, so it
// shows in the self-contained deck and on a projector at 1280×720.
//
// What is drawn: a time axis from the trace's first event (ticks of 1, 2 or 5 × 10^k in
// µs, ms or s); under a header per process, one lane per thread or asyncio task in the
// trace's order, nested spans on up to `max_depth` rows; spans coloured by a stable hash
// of their name (legend below); where the CPU time of a span is known, the span is
// outlined and filled with an opacity in proportion to its CPU share (a trace says how
// much of a span ran, not when, so nothing is drawn at a particular time within it);
// instants (a failure, a cancellation) as a triangle and a line through the lane with
// a tag naming them; counters as step lines in lanes of their own.
//
// Sampled thread states (deckgen.sched, from `trace: threads`) are a strip on their
// thread's lane, coloured by state with a legend in words; with spans on the same lane
// the strip is a thin band above them. Each pixel column shows the state the thread
// spent most of that column's time in. With `cpu_rows`, a row per CPU shows which
// thread ran on it, in the colour of that thread's name.
//
// Height: the drawing keeps to about 440 units however deep spans nest or however many
// lanes are asked for: span rows per lane are cut first (deeper spans drawn on the last
// row), then rows are made lower down to a floor, then CPU rows and lanes are left out
// (the notes say how many). The legend keeps to three rows at any width (names that do
// not fit are one "+N more" entry; the colour keys stay, in short words where needed, and
// join "+N more" only in the narrowest columns), the notes to four, the CPU rows to eight.
//
// Large traces: spans narrower than a pixel that follow one another within a pixel are
// drawn as one bar (in their colour when they share a name, else grey), so the output is
// bounded by the drawing's width rather than the number of events; a note under the
// legend says how many spans were merged. The trace's warnings are shown as notes too.
// Text is sized for a projector (18 px and up when drawn at the slide's text width) and takes the
// page's colour (currentColor), so it reads on light and dark themes. Output is
// deterministic: the same trace gives the same bytes.
#include <cstddef>
#include <string>

#include "render/trace.h"

namespace deckgen {

struct TimelineOptions {
  double width = 1168;     // SVG units: the text column of a 1280×720 slide, shown 1:1; the height follows from the lanes
  std::string title;       // drawn above the axis when not empty
  size_t max_lanes = 12;   // lanes beyond these are left out, and a note says how many
  int max_depth = 3;       // span rows per lane; deeper spans are drawn on the last row
  bool cpu_rows = false;   // a row per CPU showing which sampled thread ran on it
};

std::string timeline_svg(const Trace& trace, const TimelineOptions& options = {});

}  // namespace deckgen
