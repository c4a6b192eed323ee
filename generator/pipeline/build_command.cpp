#include "pipeline/build_command.h"

#include <fmt/format.h>

#include <algorithm>

#include "cache/cache_folder.h"
#include "cache/cache_store.h"
#include "highlight/highlight.h"
#include "measure/claims.h"
#include "measure/machine.h"
#include "measure/values.h"
#include "model/input_error.h"
#include "pipeline/output_paths.h"
#include "pipeline/run_snippets.h"
#include "pipeline/summary.h"
#include "plan/plan.h"
#include "read/deck_reader.h"
#include "render/claim_html.h"
#include "render/figures.h"
#include "render/provenance_slide.h"
#include "render/slides.h"
#include "run/snippet_runner.h"
#include "util/files.h"
#include "write/page.h"
#include "write/report.h"
#include "write/trace_files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

struct Figures {
  std::map<SourcePos, std::string> block_html;  // claims, charts and timelines by position
  std::vector<ClaimResult> claims;
  size_t failed = 0;                            // claims that failed and figures that could not be drawn
};

// Measured values checked by the deck's claims and drawn in its figures.
Figures claims_and_figures(const Deck& deck, const Measured& measured, Status& status) {
  Figures f;
  f.claims = check_claims(deck.claims, measured.results);
  for (const ClaimResult& c : f.claims) {
    f.block_html[c.spec.pos] = claim_html(c);
    if (!c.ok) {
      status.error(fmt::format("{}: error: claim failed: {}", c.spec.pos, c.verdict));
      ++f.failed;
    }
  }
  for (const ChartSpec& c : deck.charts) f.block_html[c.pos] = chart_html(c, measured.results);
  for (const TimelineSpec& t : deck.timelines) {
    auto r = measured.results.find(t.snippet);
    TimelineFigure fig = timeline_html(t, r == measured.results.end() ? nullptr : &r->second);
    for (const std::string& w : fig.warnings) status.warning(fmt::format("{}: warning: trace of '{}': {}", t.pos, t.snippet, w));
    if (!fig.error.empty()) {
      status.error(fmt::format("{}: error: {}", t.pos, fig.error));
      ++f.failed;
    }
    f.block_html[t.pos] = std::move(fig.html);
  }
  return f;
}

int build_deck(const Options& options, Status& status, Runners runners) {
  Deck deck = read_deck(options.inputs);
  Plan plan = make_plan(deck, options.snippets_dir);
  fs::path cache_dir = cache_dir_for(options.inputs);
  // Before anything runs or is written: no output may destroy anything.
  std::vector<OutputPath> outputs = outputs_of(options);
  check_outputs(outputs, input_files(deck, plan), cache_dir);
  for (const OutputPath& out : outputs) remove_stale_temp_files(out.path);  // left by a kill -9
  if (options.use_cache) {
    try {
      CacheStore(cache_dir).mark();  // refuses (exit 2) a folder deckgen did not make
    } catch (const std::system_error& e) {
      status.warning(fmt::format("cannot create the cache folder: {}", e.what()));
    }
  }

  Measured measured;
  if (!plan.snippets.empty()) measured = run_snippets(deck, plan, options, status, runners);
  else if (std::any_of(deck.placeholders.begin(), deck.placeholders.end(),
                       [](const Placeholder& p) { return p.kind == Placeholder::Kind::machine; }))
    measured.provenance.machine = probe_machine();  // {{machine.cores}} needs no run block

  // Measured values into prose, claims checked against them.
  std::map<std::string, std::string> values = placeholder_values(deck.placeholders, measured.results, measured.provenance);
  Figures figures = claims_and_figures(deck, measured, status);
  SnippetViews views{&plan, &measured.results, &values, &figures.block_html};

  auto highlighter = make_pygments_highlighter(options.use_cache ? cache_dir / "highlight.bin" : fs::path());
  std::string highlight_warning;
  HighlightedCode highlighted = highlight_blocks(*highlighter, code_blocks_to_highlight(deck, views), &highlight_warning);
  if (!highlight_warning.empty()) status.warning(highlight_warning);

  std::vector<RenderedSlide> slides = render_slides(deck, highlighted, views);
  if (!plan.snippets.empty()) slides.push_back(provenance_slide(measured.provenance, plan.snippets.size(), measured.seconds));
  std::string page = write_page(deck.meta, slides);

  BuildResults results{plan, measured.results, measured.provenance, figures.claims};
  // Traces go beside the deck before it: the deck links to them.
  if (options.write_deck && !options.deck_is_intermediate) {
    for (const PlannedSnippet& s : plan.snippets) {
      auto r = measured.results.find(s.spec.id);
      if (!s.spec.trace || r == measured.results.end() || r->second.traces.empty()) continue;
      write_file_atomically(options.output.parent_path() / "traces" / (s.spec.id + ".json"),
                            merged_trace_json(r->second.traces));
    }
  }
  if (options.report) write_file_atomically(*options.report, report_json(results));
  if (options.junit) write_file_atomically(*options.junit, junit_xml(results));
  if (options.write_deck) {
    write_file_atomically(options.output, page);
    if (!options.deck_is_intermediate)
      status.info(fmt::format("wrote {} ({} slides, {} KiB)", options.output.generic_string(),
                              slides.size() + (deck.meta.title.empty() ? 0 : 1), (page.size() + 1023) / 1024));
  }
  if (!plan.snippets.empty()) print_summary(plan, measured, status);
  size_t failed_claims = std::count_if(figures.claims.begin(), figures.claims.end(), [](const ClaimResult& c) { return !c.ok; });
  if (!figures.claims.empty())
    status.summary(fmt::format("claims: {} hold, {} failed", figures.claims.size() - failed_claims, failed_claims));
  bool failed = figures.failed > 0 || std::any_of(measured.results.begin(), measured.results.end(),
                                                  [](const auto& r) { return r.second.outcome == Outcome::failed; });
  return failed ? exit_deck_failed : exit_ok;
}

}  // namespace

int run_build(const Options& options, Status& status, Runners runners) {
  try {
    return build_deck(options, status, runners);
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
