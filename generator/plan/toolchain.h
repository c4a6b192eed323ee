#pragma once
// Finds the programs that build and run each language, as they really are: a Python
// named `python3` may be a version manager's shim script that costs ~50 ms per start,
// so the interpreter is asked for its own executable and that is what runs.
#include <map>
#include <string>
#include <vector>

#include "model/results.h"
#include "plan/plan.h"

namespace deckgen {

struct Toolchains {
  std::string python;                // resolved interpreter path ("" if not needed or not found)
  std::vector<ToolInfo> tools;       // one per language used, for provenance
  std::map<std::string, std::string> missing;  // language -> why it cannot run
};

// Resolves what `plan` needs; `python` is the front matter's interpreter name.
Toolchains resolve_toolchains(const Plan& plan, const std::string& python);

}  // namespace deckgen
