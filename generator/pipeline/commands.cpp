#include "pipeline/commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "measure/provenance.h"
#include "measure/snippet_result.h"
#include "measure/units.h"
#include "model/input_error.h"
#include "pipeline/pdf_command.h"
#include "pipeline/watch_command.h"
#include "plan/plan.h"
#include "plan/toolchain.h"
#include "read/deck_reader.h"
#include "render/highlight.h"
#include "render/provenance_slide.h"
#include "render/slides.h"
#include "run/execute.h"
#include "run/overhead.h"
#include "util/files.h"
#include "write/page.h"
#include "write/report.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// Caches live beside the output, so decks built to different places do not share them.
fs::path cache_dir(const Options& o) { return o.output.parent_path() / ".cache"; }

std::string path_for_snippets() {
  const char* path = std::getenv("PATH");
  return path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
}

struct Measured {
  std::map<std::string, SnippetResult> results;
  Provenance provenance;
  double seconds = 0;
};

Measured run_and_measure(const Deck& deck, const Plan& plan, Status& status, Runner& runner) {
  Measured m;
  Toolchains tools = resolve_toolchains(plan, deck.meta.python);
  ExecuteContext ctx;
  ctx.snippets_dir = plan.snippets_dir;
  ctx.python = tools.python;
  ctx.path_env = path_for_snippets();
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  ctx.progress = [&](size_t i, size_t n, const std::string& id, const std::string& phase) {
    status.progress({i, n, id, phase, elapsed()});
  };

  m.provenance = collect_provenance(deck.deck_dir, tools.tools);
  m.provenance.overhead = measure_overhead(runner, tools.python, ctx.path_env);
  for (size_t i = 0; i < plan.snippets.size(); ++i) {
    const PlannedSnippet& s = plan.snippets[i];
    if (auto missing = tools.missing.find(s.spec.language); missing != tools.missing.end()) {
      SnippetResult r;
      r.id = s.spec.id;
      r.outcome = Outcome::failed;
      r.failure = fmt::format("cannot run {}: {}", s.spec.language, missing->second);
      m.results[r.id] = std::move(r);
      continue;
    }
    RawSnippetRuns raw = execute_snippet(s, i, plan.snippets.size(), ctx, runner);
    SnippetResult r = measure_snippet(s, raw);
    status.progress_done();
    if (r.outcome == Outcome::failed)
      status.error(fmt::format("{}: error: snippet '{}' failed: {}", s.spec.pos, r.id, r.failure));
    else if (r.busy_runs > 0)
      status.warning(fmt::format("{}: warning: snippet '{}': the machine was busy during {} of {} runs; its timings "
                                 "are less trustworthy", s.spec.pos, r.id, r.busy_runs, r.runs.size()));
    m.results[r.id] = std::move(r);
  }
  status.progress_done();
  m.seconds = elapsed();
  return m;
}

void print_summary(const Plan& plan, const Measured& m, Status& status) {
  size_t failed = 0;
  std::vector<std::pair<double, std::string>> slowest;
  for (const auto& [id, r] : m.results) {
    failed += r.outcome == Outcome::failed;
    double total = r.compile_seconds;
    for (const RunRecord& run : r.runs) total += run.wall_seconds;
    slowest.push_back({total, id});
  }
  std::sort(slowest.rbegin(), slowest.rend());
  std::vector<std::string> top;
  for (size_t i = 0; i < std::min<size_t>(3, slowest.size()); ++i)
    top.push_back(fmt::format("{} {}", slowest[i].second, format_duration(slowest[i].first)));
  status.info(fmt::format("snippets: {} passed, {} failed, {} in all, measured in {}{}", plan.snippets.size() - failed,
                          failed, plan.snippets.size(), format_duration(m.seconds),
                          top.empty() ? "" : fmt::format(" (slowest: {})", fmt::join(top, ", "))));
}

int build(const Options& options, Status& status, Runner& runner) {
  Deck deck = read_deck(options.inputs);
  Plan plan = make_plan(deck, options.snippets_dir);

  Measured measured;
  if (!plan.snippets.empty()) measured = run_and_measure(deck, plan, status, runner);
  SnippetViews views{&plan, &measured.results};

  auto highlighter = make_pygments_highlighter(cache_dir(options) / "highlight.bin");
  HighlightResult highlighted = highlighter->highlight(code_blocks_to_highlight(deck, views));
  if (!highlighted.warning.empty()) status.warning(highlighted.warning);

  std::vector<RenderedSlide> slides = render_slides(deck, highlighted.html, views);
  if (!plan.snippets.empty()) slides.push_back(provenance_slide(measured.provenance, plan.snippets.size(), measured.seconds));
  std::string page = write_page(deck.meta, slides);

  BuildResults results{plan, measured.results, measured.provenance};
  if (options.report) write_file_atomically(*options.report, report_json(results));
  if (options.junit) write_file_atomically(*options.junit, junit_xml(results));
  if (options.write_deck) {
    write_file_atomically(options.output, page);
    status.info(fmt::format("wrote {} ({} slides, {} KiB)", options.output.generic_string(),
                            slides.size() + (deck.meta.title.empty() ? 0 : 1), (page.size() + 1023) / 1024));
  }
  if (!plan.snippets.empty()) print_summary(plan, measured, status);
  bool failed = std::any_of(measured.results.begin(), measured.results.end(),
                            [](const auto& r) { return r.second.outcome == Outcome::failed; });
  return failed ? exit_deck_failed : exit_ok;
}

}  // namespace

int run_command(const Options& options) {
  auto status = make_terminal_status(options.quiet);
  install_interrupt_handling();
  auto runner = make_process_runner();
  return run_command(options, *status, *runner);
}

int run_command(const Options& options, Status& status, Runner& runner) {
  // watch and pdf (issue 5) build through this function with Command::build.
  if (options.command == Command::watch) return run_watch(options, status, runner);
  if (options.command == Command::pdf) return run_pdf(options, status, runner);
  try {
    return build(options, status, runner);
  } catch (const InputError& e) {
    status.error(e.message());
    return exit_input_error;
  } catch (const Interrupted& e) {
    status.progress_done();
    status.error("interrupted: every snippet process was stopped, nothing was written");
    return e.exit_code();
  } catch (const std::system_error& e) {
    status.error(fmt::format("{} ({})", e.what(), e.code().message()));
    return exit_input_error;
  }
}

}  // namespace deckgen
