#pragma once
// What `deckgen check` learns from the deck laid out in headless Chromium. Opened with
// fit_report_query(), the page's own script (assets/deck.js) fits every slide as it
// would on screen and marks each one it cannot fit even at the readable floor with
// data-overflow (how much is hidden); this reads those marks back from the DOM Chromium
// dumps. Knows the page's markup (write/page.cpp), not Chromium.
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

// The URL query that makes the page fit every slide and mark the result.
std::string fit_report_query();

struct SlideOverflow {
  std::string where;    // the slide's file:line:column, or what the slide is ("title slide")
  std::string hidden;   // "310 px below the bottom (about 12 lines of code)"
};

struct FitReport {
  bool complete = false;                  // the script marked the page as done
  std::vector<SlideOverflow> overflowing;  // in slide order
};

FitReport read_fit_report(std::string_view dom);

}  // namespace deckgen
