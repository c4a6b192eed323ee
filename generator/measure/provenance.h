#pragma once
// Where and with what the numbers were measured, recorded once per build and shown on
// the deck's last slide and in the report.
#include <filesystem>
#include <future>
#include <string>
#include <vector>

#include "measure/machine.h"
#include "model/results.h"

namespace deckgen {

struct Provenance {
  Machine machine;
  std::vector<ToolInfo> tools;
  std::string date;            // UTC, ISO 8601
  std::string deckgen_version;
  std::string git_revision;    // of the deck; empty outside a git checkout; "+dirty" with local changes
  HarnessOverhead overhead;
};

// With AskGit::no, git_revision is left empty for the caller to fill from
// git_revision_of(), which asks git while the build goes on.
enum class AskGit { yes, no };
Provenance collect_provenance(const std::filesystem::path& deck_dir, std::vector<ToolInfo> tools,
                              AskGit ask_git = AskGit::yes);

// The deck folder's revision as Provenance::git_revision says, asked of git (one `git
// status`) on a thread of its own.
std::future<std::string> git_revision_of(const std::filesystem::path& deck_dir);

// The revision in `git status --porcelain=v2 --branch` output: the commit's first 12
// hex digits, "+dirty" when a file is listed as changed or untracked; empty before the
// first commit or when the output is not git's.
std::string revision_from_git_status(std::string_view porcelain_v2);

}  // namespace deckgen
