#pragma once
// `build` (and `check`): the stages in order — read deck → plan → run (or take from the
// cache) → measure → highlight → render → write — and the exit code. `watch` and `pdf`
// build through this too, with the same runners and so the same parallel scheduler.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cache/warm_cache.h"
#include "pipeline/build_request.h"
#include "pipeline/status.h"
#include "pipeline/worker_pool.h"
#include "util/text.h"

namespace deckgen {

// Input errors, an interrupt and a file that cannot be written end here: they are
// reported to `status` and become the exit code (nothing was written).
int run_build(const BuildRequest& request, Status& status, Runners runners);

// What a build that wrote its deck hands to `watch`, which serves it without reading
// the files back: the page, where its slides lie in it (write/page.h), and the traces
// written beside it by the URL path the page links them under ("/traces/ID.json").
// With what the build read, so that `watch` need not read the deck again: the folders
// its inputs are in and the ids of its snippets.
struct BuiltDeck {
  std::string page;
  std::vector<TextSpan> slides;
  std::map<std::string, std::string> traces;
  std::vector<std::filesystem::path> input_folders;  // the deck's, its images', its snippets'
  std::vector<std::string> snippet_ids;
};
// As above; `built` is filled when the deck was written (exit_ok or exit_deck_failed).
// `warm`: what a long-running deckgen keeps between its builds (cache/warm_cache.h).
int run_build(const BuildRequest& request, Status& status, Runners runners, BuiltDeck* built, WarmCache* warm = nullptr);

}  // namespace deckgen
