#include "pipeline/dispatch.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "pipeline/build_command.h"
#include "pipeline/clean_command.h"
#include "pipeline/init_command.h"
#include "pipeline/pdf_command.h"
#include "pipeline/talk_folder.h"
#include "pipeline/watch_command.h"
#include "run/cpu_affinity.h"
#include "util/files.h"

namespace deckgen {
namespace {

// The process runner is made on first use: it writes the launcher into a memfd, which
// a deck without snippets (or a build that takes everything from the cache) never needs.
class LazyRunner final : public Runner {
 public:
  RunOutcome run(const RunRequest& request) override {
    if (!runner_) runner_ = make_process_runner();
    return runner_->run(request);
  }

 private:
  std::unique_ptr<Runner> runner_;
};

}  // namespace

int run_command(const Options& options) {
  auto status = make_terminal_status(options.quiet     ? Verbosity::quiet
                                     : options.verbose ? Verbosity::verbose
                                                       : Verbosity::normal);
  // Before any thread or process starts: they all inherit the mask. Every mask asked
  // for is checked first, against the mask deckgen started with ("all" is that one).
  const std::vector<int> started_with = allowed_cpus();
  for (const std::string& mask : options.compare_cpus)
    if (auto problem = cpu_request_problem(mask, started_with)) {
      status->error(fmt::format("error: --cpus {}: {}", mask, *problem));
      return exit_input_error;
    }
  if (options.cpus) {
    if (auto problem = restrict_to_cpus(*options.cpus, started_with)) {
      status->error(fmt::format("error: --cpus {}: {}", *options.cpus, *problem));
      return exit_input_error;
    }
  }
  install_interrupt_handling();
  // What a killed deckgen could not remove (issue 24): the next run does.
  std::error_code ec;
  sweep_abandoned_temp_folders(std::filesystem::temp_directory_path(ec));
  LazyRunner runner;
  // Untimed snippets run side by side on the CPUs deckgen may use (the mask, --cpus).
  unsigned cores = std::max<unsigned>(1u, static_cast<unsigned>(allowed_cpus().size()));
  auto use_cpus = [started_with](const std::string& mask) { return restrict_to_cpus(mask, started_with); };
  return run_command(options, *status, Runners{runner, [] { return std::make_unique<LazyRunner>(); }, cores, use_cpus});
}

int run_command(const Options& given, Status& status, Runners runners) {
  const Options options = with_talk_folder_resolved(given);
  switch (options.command) {
    case Command::build:
    case Command::check: return run_build(BuildRequest{.options = options}, status, runners);
    case Command::watch:
    case Command::present: return run_watch(options, status, runners);
    case Command::pdf: return run_pdf(options, status, runners);
    case Command::clean: return run_clean(options, status);
    case Command::init: return run_init(options, status);
  }
  return exit_input_error;  // not reached: every Command is a case above
}

}  // namespace deckgen
