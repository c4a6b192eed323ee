#pragma once
// `deckgen pdf`: builds the deck like `build` into a temporary HTML file beside the PDF
// (so it shares that folder's cache), then prints it through headless Chromium
// (pdf/chromium_pdf.h) to Options::pdf_output, one slide per page.
#include "cli/options.h"
#include "pipeline/status.h"
#include "pipeline/worker_pool.h"

namespace deckgen {

// Exit codes as for `build`: 2 also when Chromium is missing or fails to print (nothing
// is written then, the previous PDF stays); 1 when the PDF was written but something in
// the deck failed.
int run_pdf(const Options& options, Status& status, Runners runners);

}  // namespace deckgen
