#pragma once
// `deckgen check`: does every slide fit its stage? The written page is laid out in
// headless Chromium (pdf/chromium_pdf.h) at the deck's size, where its own script
// shrinks what it may (write/fit_report.h); each slide still overflowing at the
// readable floor is reported with its file:line and how much is hidden.
#include <functional>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace deckgen {

// A slide that does not fit is a warning, or with --strict an error that fails the check.
enum class OverflowIs { warning, error };

// Lays `page` out with `query` in a window of width × height and returns the DOM its
// scripts left, or why it could not. The seam tests replace; the real one is Chromium's.
struct LaidOut {
  bool ok = false;
  std::string dom;
  std::string problem;
};
using LayOut = std::function<LaidOut(std::string_view page, std::string_view query, int width, int height)>;
LayOut chromium_layout();

struct FitCheck {
  bool measured = false;    // false: Chromium is missing or failed (a warning says why)
  size_t overflowing = 0;   // slides that do not fit even at the floor
};

FitCheck check_fit(std::string_view page, int width, int height, OverflowIs severity, Status& status,
                   const LayOut& lay_out);

}  // namespace deckgen
