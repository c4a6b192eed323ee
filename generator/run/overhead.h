#pragma once
// The harness's own cost, measured once per build and reported beside the results:
// a run of /bin/true, and the interpreter starting and doing nothing.
#include <string>

#include "model/results.h"
#include "run/snippet_runner.h"

namespace deckgen {

HarnessOverhead measure_overhead(Runner& runner, const std::string& python, const std::string& path_env);

}  // namespace deckgen
