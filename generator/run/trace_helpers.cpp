#include "run/trace_helpers.h"

#include <mutex>

#include "util/embedded.h"

namespace deckgen {

std::vector<TraceHelperFile> trace_helper_files() {
  return {{"deckgen_trace.py", embedded_asset(Asset_id::trace_py)},
          {"deckgen_trace.h", embedded_asset(Asset_id::trace_h)}};
}

std::filesystem::path trace_helpers_folder() {
  static TempFolder folder("helpers");
  static std::mutex writing;
  std::lock_guard lock(writing);
  for (const TraceHelperFile& f : trace_helper_files()) write_file_if_changed(folder.path() / f.name, f.content);
  return folder.path();
}

}  // namespace deckgen
