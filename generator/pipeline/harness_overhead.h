#pragma once
// The harness's own cost (a run of /bin/true, the interpreter starting), measured alone
// before anything runs. When no snippet runs this build (everything came from the
// cache) the figure stored by the build that ran them is shown with them.
#include <string>

#include "cache/cache_store.h"
#include "model/results.h"
#include "pipeline/status.h"
#include "run/snippet_runner.h"

namespace deckgen {

enum class SnippetsToRun { none, some };

struct OverheadContext {
  const CacheStore* cache = nullptr;  // null: --no-cache
  std::string machine_fingerprint;
  std::string python;
  std::string path_env;
};

// Measures through `runner` unless nothing runs and the cache holds this machine's and
// interpreter's figure; a stored figure that cannot be read or written is a warning.
HarnessOverhead harness_overhead(const OverheadContext& context, SnippetsToRun snippets, Runner& runner,
                                 Status& status);

}  // namespace deckgen
