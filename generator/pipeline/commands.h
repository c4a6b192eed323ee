#pragma once
// The orchestrator: the only code that knows every stage. It runs them in order —
// read deck → plan → run → measure → render → write — and turns the outcome into an
// exit code.
#include <functional>
#include <memory>

#include "pipeline/options.h"
#include "pipeline/status.h"
#include "run/snippet_runner.h"

namespace deckgen {

int run_command(const Options& options);
// With a given runner and status: the seam the tests use (a fake runner makes runs
// deterministic). Everything runs one at a time through `runner`.
int run_command(const Options& options, Status& status, Runner& runner);

// Where runs go. With a factory and parallelism > 1, untimed work (compiles, snippets
// whose timing nothing shows) runs on up to `parallelism` runners at once, and timed
// runs go one at a time through `main` afterwards.
struct Runners {
  Runner& main;
  std::function<std::unique_ptr<Runner>()> make_more;
  unsigned parallelism = 1;
};
int run_command(const Options& options, Status& status, Runners runners);

}  // namespace deckgen
