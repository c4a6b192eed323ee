#pragma once
// Finds the programs that build and run each language, as they really are: a Python
// named `python3` may be a version manager's shim script that costs ~50 ms per start,
// so the interpreter is asked for its own executable and that is what runs.
#include <map>
#include <string>
#include <vector>

#include "model/results.h"
#include "plan/plan.h"
#include "util/entry_store.h"

namespace deckgen {

struct Toolchains {
  std::string python;                // resolved interpreter path ("" if not needed or not found)
  std::vector<ToolInfo> tools;       // one per language used, for provenance
  std::map<std::string, std::string> missing;  // language -> why it cannot run
  std::vector<std::string> cache_warnings;     // kept answers that could not be used or written
};

// Resolves what `plan` needs; `python` is the front matter's interpreter name.
// `cache` (may be null) remembers the answers of real executables, keyed by their
// path, size, modification time and inode, so a rebuild does not start them again. A
// script (a version manager's shim) is asked every time: its answer depends on state
// (the selected version) that its file does not show.
Toolchains resolve_toolchains(const Plan& plan, const std::string& python,
                              const EntryStore* cache = nullptr);

}  // namespace deckgen
