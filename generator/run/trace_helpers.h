#pragma once
// The trace helpers a snippet imports or includes (deckgen_trace.py, deckgen_trace.h)
// ship inside deckgen, so a new deck needs no copy of them. deckgen writes them into a
// private folder that goes AFTER the snippets folder on the import and include paths
// (PYTHONPATH, and CPATH for C and C++ compilers): a deck that keeps its own copy in
// its snippets folder gets that one.
#include <filesystem>
#include <string_view>
#include <vector>

#include "util/files.h"

namespace deckgen {

struct TraceHelperFile {
  std::string_view name;     // "deckgen_trace.py"
  std::string_view content;  // as compiled into deckgen
};

// Both helpers, in a fixed order (the cache key lists them).
std::vector<TraceHelperFile> trace_helper_files();

// A private folder holding both helpers: made once per process (a `watch` session
// builds many times) and removed at its exit. Every call checks both files against
// deckgen's own copies and writes again one that a snippet changed or removed.
std::filesystem::path trace_helpers_folder();

}  // namespace deckgen
