#include "run/overhead.h"

#include <filesystem>

namespace deckgen {
namespace {

// Empty when a run fails: a partial series would understate the cost.
std::vector<double> time_runs(Runner& runner, std::vector<std::string> argv, const std::string& path_env, int runs) {
  RunRequest request;
  request.argv = std::move(argv);
  request.env = {{"PATH", path_env}, {"LANG", "C.UTF-8"}};
  request.work_dir = std::filesystem::temp_directory_path();
  request.timeout = std::chrono::seconds(30);
  request.purpose = RunPurpose::harness_overhead;
  std::vector<double> wall;
  for (int i = -1; i < runs; ++i) {  // one warmup
    RunOutcome o = runner.run(request);
    if (!o.started || o.exit_code != 0) return {};
    if (i >= 0) wall.push_back(o.usage.wall_seconds);
  }
  return wall;
}

}  // namespace

OverheadSamples sample_overhead(Runner& runner, const std::string& python, const std::string& path_env) {
  OverheadSamples o;
  o.true_wall = time_runs(runner, {"/bin/true"}, path_env, 20);
  if (!python.empty()) o.python_start_wall = time_runs(runner, {python, "-c", "pass"}, path_env, 10);
  return o;
}

}  // namespace deckgen
