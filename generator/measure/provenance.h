#pragma once
// Where and with what the numbers were measured, recorded once per build and shown on
// the deck's last slide and in the report.
#include <filesystem>
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

Provenance collect_provenance(const std::filesystem::path& deck_dir, std::vector<ToolInfo> tools);

}  // namespace deckgen
