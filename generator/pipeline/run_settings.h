#pragma once
// The run stage's own settings (issue 22, item 8): what `build` hands the stage that runs
// snippets or takes them from the cache, made from the command line's Options by
// run_settings_of. The stage reads these, not the Options, so that a build can run it
// with other settings (`--cpus 1,all`'s further masks) without a second Options.
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "cli/options.h"

namespace deckgen {

struct RunSettings {
  std::filesystem::path cache_dir;  // the deck's cache folder (cache/cache_folder.h)
  bool use_cache = true;            // --no-cache: neither read nor write stored results
  bool force = false;               // --force: rerun everything, trusting nothing stored
  std::set<std::string> only;       // --only ID...: rerun these; the rest from the cache
  StoreResults store = StoreResults::yes;
  std::optional<std::string> cpus;  // the mask the runs are made under, as asked (provenance)
  bool remeasure_busy = true;       // Options::remeasure_busy
  bool live_rerun = false;          // Options::live_rerun: present's ▶
  ClaimFamily family = ClaimFamily::each;  // for the claims that sampling decides
};

RunSettings run_settings_of(const Options& options);

}  // namespace deckgen
