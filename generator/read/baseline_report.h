#pragma once
// An earlier build's `--report` JSON, read back for `--baseline`: the runs of each
// snippet and the machine they ran on. Only what a comparison needs.
#include <filesystem>
#include <string>

#include <map>

#include "model/results.h"

namespace deckgen {

struct BaselineReport {
  std::filesystem::path file;
  std::string fingerprint;  // provenance.machine.fingerprint
  std::string date;         // provenance.date
  std::map<std::string, SnippetResult> snippets;  // runs and recorded metrics, as the report has them
};

// Throws InputError (naming the file) when it cannot be read or is not a
// deckgen-report/1 document: a typo in --baseline must not pass as "no changes".
BaselineReport read_baseline_report(const std::filesystem::path& file);

}  // namespace deckgen
