#include "run/trace_helpers.h"

#include "util/embedded.h"

namespace deckgen {

std::vector<TraceHelperFile> trace_helper_files() {
  return {{"deckgen_trace.py", embedded_asset(Asset_id::trace_py)},
          {"deckgen_trace.h", embedded_asset(Asset_id::trace_h)}};
}

TraceHelperFolder::TraceHelperFolder() : folder_("helpers") {
  for (const TraceHelperFile& f : trace_helper_files()) write_file_atomically(folder_.path() / f.name, f.content);
}

}  // namespace deckgen
