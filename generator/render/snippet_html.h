#pragma once
// A snippet on its slide: the code, what it printed, how long it took, and an
// unmistakable box when it failed in a way the author did not expect.
#include <optional>
#include <string>

#include "model/results.h"
#include "plan/plan.h"

namespace deckgen {

// `highlighted`: the shown code as highlighted HTML, or null to write it plain.
// `result`: nullptr when the snippet did not run (e.g. `build` was interrupted).
// `busy_note`: the timing line says during how many runs the machine was busy.
void write_snippet(std::string& out, const PlannedSnippet& snippet, const SnippetResult* result,
                   const std::string* highlighted, bool busy_note = false);

// "1.23 s ± 4.1 ms (n=5)": the median with its spread and run count, one spelling everywhere.
std::string format_spread(const Summary& s, std::string (*format)(double));

}  // namespace deckgen
