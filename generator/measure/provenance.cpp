#include "measure/provenance.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>

#include "run/process.h"
#include "util/text.h"

namespace deckgen {
namespace {

std::string git_revision(const std::filesystem::path& dir) {
  auto git = find_executable("git");
  if (!git) return {};
  ProcessResult rev = run_process(*git, {"-C", dir.string(), "rev-parse", "--short=12", "HEAD"}, "", std::chrono::seconds(10));
  if (rev.exit_code != 0) return {};
  std::string revision(trim(rev.out));
  ProcessResult status = run_process(*git, {"-C", dir.string(), "status", "--porcelain", "--", "."}, "", std::chrono::seconds(10));
  if (status.exit_code == 0 && !trim(status.out).empty()) revision += "+dirty";
  return revision;
}

}  // namespace

Provenance collect_provenance(const std::filesystem::path& deck_dir, std::vector<ToolInfo> tools) {
  Provenance p;
  p.machine = probe_machine();
  p.tools = std::move(tools);
  p.date = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
  p.deckgen_version = DECKGEN_VERSION;
  p.git_revision = git_revision(deck_dir.empty() ? std::filesystem::path(".") : deck_dir);
  return p;
}

}  // namespace deckgen
