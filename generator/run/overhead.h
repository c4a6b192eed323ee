#pragma once
// The harness's own cost, sampled once per build and reported beside the results: runs
// of /bin/true, and the interpreter starting and doing nothing. Raw wall times only;
// measure/overhead.h summarises them.
#include <string>
#include <vector>

#include "run/snippet_runner.h"

namespace deckgen {

struct OverheadSamples {
  std::vector<double> true_wall;          // seconds per run of /bin/true
  std::vector<double> python_start_wall;  // empty without Python, or when it would not start
};

OverheadSamples sample_overhead(Runner& runner, const std::string& python, const std::string& path_env);

}  // namespace deckgen
