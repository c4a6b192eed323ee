#include "pipeline/clean_command.h"

#include <fmt/format.h>

#include "cache/cache_store.h"
#include "pipeline/cache_folder.h"

namespace fs = std::filesystem;

namespace deckgen {

int run_clean(const Options& options, Status& status) {
  fs::path dir = cache_folder(options);
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
