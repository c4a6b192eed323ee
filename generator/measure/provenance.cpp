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
  // One process, not `rev-parse` and then `status`: `watch` asks at every rebuild.
  ProcessResult status = run_process(*git, {"-C", dir.string(), "status", "--porcelain=v2", "--branch", "--", "."}, "",
                                     std::chrono::seconds(10));
  if (status.exit_code != 0) return {};
  return revision_from_git_status(status.out);
}

}  // namespace

Provenance collect_provenance(const std::filesystem::path& deck_dir, std::vector<ToolInfo> tools, AskGit ask_git) {
  Provenance p;
  p.machine = probe_machine();
  p.tools = std::move(tools);
  p.date = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
  p.deckgen_version = DECKGEN_VERSION;
  if (ask_git == AskGit::yes) p.git_revision = git_revision(deck_dir.empty() ? std::filesystem::path(".") : deck_dir);
  return p;
}

std::future<std::string> git_revision_of(const std::filesystem::path& deck_dir) {
  return std::async(std::launch::async, git_revision, deck_dir.empty() ? std::filesystem::path(".") : deck_dir);
}

std::string revision_from_git_status(std::string_view out) {
  std::string revision;
  bool dirty = false;
  LineCursor lines(out);
  for (std::string_view line; lines.next(line);) {
    constexpr std::string_view kOid = "# branch.oid ";
    if (line.starts_with(kOid)) {
      std::string_view oid = line.substr(kOid.size());
      bool hex = oid.size() >= 12 && oid.find_first_not_of("0123456789abcdef") == std::string_view::npos;
      if (hex) revision = std::string(oid.substr(0, 12));  // not "(initial)"
    } else if (!line.empty() && !line.starts_with('#')) {
      dirty = true;
    }
  }
  if (revision.empty()) return {};
  return dirty ? revision + "+dirty" : revision;
}

}  // namespace deckgen
