#include "pipeline/baseline_check.h"

#include <fmt/format.h>

namespace deckgen {

BaselineOutcome check_against_baseline(const BaselineReport& baseline, const Results& now, const Machine& machine,
                                       double confidence, std::optional<double> fail_on_regression_percent,
                                       Status& status) {
  BaselineOutcome out;
  out.fail_on_regression_percent = fail_on_regression_percent;
  std::string here = machine_fingerprint(machine);
  if (baseline.fingerprint != here)
    status.warning(fmt::format("{}: warning: the baseline was measured on another machine ({}; this one: {}): "
                               "changes may be the machine's, not the code's",
                               baseline.file.generic_string(), baseline.fingerprint, here));
  out.comparison = compare_with_baseline(baseline.snippets, now, confidence);
  for (const MetricChange& c : out.comparison.changes) {
    if (fail_on_regression_percent && is_regression(c, *fail_on_regression_percent)) {
      ++out.regressions;
      status.error(fmt::format("error: regression beyond {:g}%: {}", *fail_on_regression_percent, describe_change(c)));
    } else {
      status.info(fmt::format("changed: {}", describe_change(c)));
    }
  }
  status.summary(fmt::format("baseline {}{}: {} significant changes, {} not significant{}",
                             baseline.file.generic_string(), baseline.date.empty() ? "" : " (" + baseline.date + ")",
                             out.comparison.changes.size(), out.comparison.not_significant,
                             out.comparison.not_compared.empty()
                                 ? std::string()
                                 : fmt::format(", not compared: {}", fmt::join(out.comparison.not_compared, ", "))));
  return out;
}

}  // namespace deckgen
