#include "pipeline/build_request.h"

#include "cache/cache_folder.h"

namespace deckgen {

RunSettings run_settings_of(const BuildRequest& request) {
  return RunSettings{request.options, request.run, cache_dir_for(request.options.inputs)};
}

}  // namespace deckgen
