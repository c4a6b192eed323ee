#pragma once
// Where runs go, and the pool of threads that shares untimed work among them.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pdf/chromium_pdf.h"
#include "run/snippet_runner.h"

namespace deckgen {

// `main` takes the timed runs and the harness-overhead runs; with a factory and
// parallelism > 1, untimed work (compiles, snippets whose timing nothing shows) also
// goes to up to parallelism - 1 more runners at once. Every command builds through the
// same scheduler: one runner is parallelism 1, not another code path.
struct Runners {
  // (A constructor, so that the seams after `parallelism` may be left out.)
  Runners(Runner& main_runner, std::function<std::unique_ptr<Runner>()> more = nullptr, unsigned how_many = 1,
          std::function<std::optional<std::string>(const std::string& mask)> move_to_cpus = nullptr,
          PageLayout layout = nullptr)
      : main(main_runner), make_more(std::move(more)), parallelism(how_many), use_cpus(std::move(move_to_cpus)),
        fit_layout(std::move(layout)) {}

  Runner& main;
  std::function<std::unique_ptr<Runner>()> make_more;
  unsigned parallelism = 1;
  // `--cpus 1,all`: moves deckgen (and so what it starts next) to one more mask, before
  // the deck is measured again under it; the error as a sentence. Null: the mask stays
  // (tests, whose fake runners start nothing).
  std::function<std::optional<std::string>(const std::string& mask)> use_cpus;
  // How `check` lays the page out to see that every slide fits: empty is headless
  // Chromium (pdf/chromium_pdf.h, pipeline/fit_check.h); tests give a fake.
  PageLayout fit_layout;

  // One runner, everything one after the other: the seam tests with a fake runner use.
  static Runners single(Runner& runner) { return Runners(runner); }
};

// Runs `work(item, runner)` for every item on up to `runners.parallelism` threads, each
// with its own runner (the calling thread uses `main`). The first exception (an
// interrupt) stops handing out items and is rethrown once every thread has stopped.
void in_parallel(const std::vector<size_t>& items, Runners& runners,
                 const std::function<void(size_t, Runner&)>& work);

}  // namespace deckgen
