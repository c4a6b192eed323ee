#pragma once
// `--baseline OLD.json` and `--fail-on-regression PCT`: this build's snippets against an
// earlier report, told to the terminal (the JUnit output lists them too).
#include <optional>

#include "measure/baseline.h"
#include "measure/machine.h"
#include "pipeline/status.h"
#include "read/baseline_report.h"

namespace deckgen {

BaselineOutcome check_against_baseline(const BaselineReport& baseline, const Results& now, const Machine& machine,
                                       double confidence, std::optional<double> fail_on_regression_percent,
                                       Status& status);

}  // namespace deckgen
