#include "pipeline/fit_check.h"

#include <fmt/format.h>

#include "write/fit_report.h"

namespace deckgen {

FitCheck check_fit(std::string_view page, int width, int height, OverflowIs severity, Status& status,
                   const PageLayout& lay_out) {
  FitCheck check;
  DomResult laid_out = lay_out(page, fit_report_query(), width, height);
  FitReport report = laid_out.ok ? read_fit_report(laid_out.dom) : FitReport{};
  if (!laid_out.ok || !report.complete) {
    status.warning(fmt::format("cannot check that every slide fits: {}",
                               laid_out.ok ? "the page did not finish laying itself out" : laid_out.error));
    return check;
  }
  check.measured = true;
  check.overflowing = report.overflowing.size();
  for (const SlideOverflow& s : report.overflowing) {
    std::string line = fmt::format("{}: {}: the slide does not fit {}×{} even with its code, output, tables and "
                                   "figures at 60% size: {} is hidden\n  split the slide, show a `region:` of the "
                                   "snippet, or cut lines",
                                   s.where, severity == OverflowIs::error ? "error" : "warning", width, height, s.hidden);
    if (severity == OverflowIs::error) status.error(line);
    else status.warning(line);
  }
  return check;
}

}  // namespace deckgen
