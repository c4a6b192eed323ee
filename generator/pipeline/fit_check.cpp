#include "pipeline/fit_check.h"

#include <fmt/format.h>

#include "pdf/chromium_pdf.h"
#include "write/fit_report.h"

namespace deckgen {

LayOut chromium_layout() {
  return [](std::string_view page, std::string_view query, int width, int height) {
    LaidOut out;
    ChromiumLookup chromium = find_chromium();
    if (!chromium.path) {
      out.problem = chromium.problem;
      return out;
    }
    DomResult dom = dump_dom(*chromium.path, page, query, width, height);
    out.ok = dom.ok;
    out.dom = std::move(dom.dom);
    out.problem = std::move(dom.error);
    return out;
  };
}

FitCheck check_fit(std::string_view page, int width, int height, OverflowIs severity, Status& status,
                   const LayOut& lay_out) {
  FitCheck check;
  LaidOut laid_out = lay_out(page, fit_report_query(), width, height);
  FitReport report = laid_out.ok ? read_fit_report(laid_out.dom) : FitReport{};
  if (!laid_out.ok || !report.complete) {
    status.warning(fmt::format("cannot check that every slide fits: {}",
                               laid_out.ok ? "the page did not finish laying itself out" : laid_out.problem));
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
