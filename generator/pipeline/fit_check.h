#pragma once
// `deckgen check`: does every slide fit its stage? The written page is laid out in
// headless Chromium (pdf/chromium_pdf.h) at the deck's size, where its own script
// shrinks what it may (write/fit_report.h); each slide still overflowing at the
// readable floor is reported with its file:line and how much is hidden.
#include <string_view>

#include "pdf/chromium_pdf.h"
#include "pipeline/status.h"

namespace deckgen {

// A slide that does not fit is a warning, or with --strict an error that fails the check.
enum class OverflowIs { warning, error };

struct FitCheck {
  bool measured = false;    // false: Chromium is missing or failed (a warning says why)
  size_t overflowing = 0;   // slides that do not fit even at the floor
};

FitCheck check_fit(std::string_view page, int width, int height, OverflowIs severity, Status& status,
                   const PageLayout& lay_out);

}  // namespace deckgen
