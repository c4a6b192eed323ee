#include "pipeline/clean_command.h"

#include <fmt/format.h>

#include "cache/cache_folder.h"
#include "cache/cache_store.h"

namespace fs = std::filesystem;

namespace deckgen {

// The deck's cache (-o no longer decides where it is; it is accepted and ignored).
int run_clean(const Options& options, Status& status) {
  fs::path dir = cache_dir_for(options.inputs);
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    status.summary(fmt::format("no cache at {}", dir.generic_string()));
    return exit_ok;
  }
  std::string error;
  if (!CacheStore::clean(dir, &error)) {
    status.error(error);
    return exit_input_error;
  }
  status.summary(fmt::format("removed {}", dir.generic_string()));
  return exit_ok;
}

}  // namespace deckgen
