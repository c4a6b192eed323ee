#include "pipeline/run_settings.h"

#include "cache/cache_folder.h"

namespace deckgen {

RunSettings run_settings_of(const Options& options) {
  RunSettings s;
  s.cache_dir = cache_dir_for(options.inputs);
  s.use_cache = options.use_cache;
  s.force = options.force;
  s.only = options.only;
  s.store = options.store_results;
  s.cpus = options.cpus;
  s.remeasure_busy = options.remeasure_busy;
  s.live_rerun = options.live_rerun;
  s.family = options.family;
  return s;
}

}  // namespace deckgen
