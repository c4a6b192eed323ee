#include "pipeline/build_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <new>

#include "cache/cache_folder.h"
#include "cache/cache_store.h"
#include "draw/diagrams.h"
#include "draw/math.h"
#include "highlight/highlight.h"
#include "measure/busy_claims.h"
#include "measure/busy_notes.h"
#include "measure/claims.h"
#include "measure/machine.h"
#include "measure/values.h"
#include "model/input_error.h"
#include "pipeline/baseline_check.h"
#include "pipeline/cpu_masks.h"
#include "pipeline/fit_check.h"
#include "pipeline/output_paths.h"
#include "pipeline/run_snippets.h"
#include "pipeline/summary.h"
#include "plan/plan.h"
#include "read/deck_reader.h"
#include "render/claim_html.h"
#include "render/html.h"
#include "render/figure_widths.h"
#include "render/figures.h"
#include "render/provenance_slide.h"
#include "render/slides.h"
#include "run/snippet_runner.h"
#include "util/files.h"
#include "util/stage_times.h"
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

// Beside each claim about a snippet rerun live: what its runs say now and what the
// build's said ("just now: 1.12×, build: 1.15×"). Only a number: the verdict shown is
// the build's, decided on all its runs, and a few runs on a busy stage never flip it.
void add_live_estimates(Figures& figures, const Deck& deck, const Measured& live) {
  const Machine& machine = live.provenance.machine;
  ClaimContext context{deck.meta.confidence, {machine.usable_cores, machine.logical_cores}};
  std::vector<ClaimResult> now = check_claims(deck.claims, live.results, context);
  auto estimate = [](const ClaimResult& c) -> std::string {
    if (c.ratio) return fmt::format("{:.3g}×", *c.ratio);
    if (c.measured) return fmt::format("{:.4g}", *c.measured);
    return "–";
  };
  for (size_t i = 0; i < now.size() && i < figures.claims.size(); ++i) {
    const ClaimSpec& spec = now[i].spec;
    bool rerun = live.build_results.count(spec.a) || live.build_results.count(spec.b) ||
                 live.build_results.count(spec.value.id);
    if (!rerun) continue;
    figures.block_html[spec.pos] += fmt::format("<p class=\"claim-live\">just now: {}, build: {}</p>\n",
                                                escape_html(estimate(now[i])), escape_html(estimate(figures.claims[i])));
  }
}

// Measured values checked by the deck's claims and drawn in its figures.
// `mask`: the CPU mask the claims were decided under, when there are several (cpu_masks.h).
Figures claims_and_figures(const Deck& deck, const Measured& measured, Strictness strictness, ClaimFamily family,
                           const std::string& mask, Status& status) {
  Figures f;
  const Machine& machine = measured.provenance.machine;
  f.claims = check_claims_without_load(deck.claims, measured.results, claim_context(deck, machine, family));
  for (ClaimResult& c : f.claims) {
    add_sampling_note(c, measured.sampling);
    f.block_html[c.spec.pos] = claim_html(c);
    // Every claim's verdict line, with the advice for the author under it (never on a slide).
    if (report_claim(c, strictness, mask, status)) ++f.failed;
  }
  // Each figure is drawn for the box it stands in: the text column, or its column.
  std::map<SourcePos, double> widths = figure_widths(deck, stage_width(deck.meta));
  auto width_at = [&](const SourcePos& pos) {
    auto found = widths.find(pos);
    return found != widths.end() ? found->second : figure_width(stage_width(deck.meta));
  };
  for (const ChartSpec& c : deck.charts) f.block_html[c.pos] = chart_html(c, measured.results, width_at(c.pos));
  for (const TimelineSpec& t : deck.timelines) {
    auto r = measured.results.find(t.snippet);
    TimelineFigure fig = timeline_html(t, r == measured.results.end() ? nullptr : &r->second, width_at(t.pos));
    for (const std::string& w : fig.warnings) status.warning(fmt::format("{}: warning: trace of '{}': {}", t.pos, t.snippet, w));
    if (!fig.error.empty()) {
      status.error(fmt::format("{}: error: {}", t.pos, fig.error));
      ++f.failed;
    }
    f.block_html[t.pos] = std::move(fig.html);
  }
  return f;
}

// The snippets whose timing line says "machine busy": shown, not hidden by `busy_notes:
// false`, and a number on it moved by the busy runs.
std::set<std::string> slides_with_busy_notes(const Deck& deck, const Plan& plan, const Results& results) {
  std::set<std::string> ids;
  if (!deck.meta.busy_notes) return ids;
  for (const PlannedSnippet& s : plan.snippets) {
    auto r = results.find(s.spec.id);
    if (s.spec.show_timing && s.spec.busy_notes && r != results.end() && busy_runs_change_timing_line(r->second))
      ids.insert(s.spec.id);
  }
  return ids;
}

// Pygments knows no lexer by that name: the block is shown uncoloured, which the author
// should hear about (a typo such as ```pyhton, or a name from another tool).
void warn_unknown_languages(const std::vector<CodeBlock>& blocks, const HighlightedCode& highlighted, Status& status) {
  for (const CodeBlock& b : blocks) {
    if (highlighted.count(b.pos) || b.language == "mermaid") continue;  // mermaid: warned by the reader
    status.warning(warning_message({b.pos, fmt::format("unknown code language '{}': shown without colours", b.language),
                                    "use a Pygments lexer name (python, c, cpp, rust, sh, json, yaml, text, ...)"}));
  }
}

int build_deck(const BuildRequest& request, Status& status, Runners runners, BuiltDeck* built, WarmCache* warm) {
  const Options& options = request.options;
  // Every input error found before anything runs is reported together.
  InputErrorList input_errors;
  StageTimes times;
  Deck deck = read_deck(options.inputs, input_errors);
  times.lap("read");
  for (const Warning& w : deck.warnings) status.warning(warning_message(w));
  Plan plan = make_plan(deck, options.snippets_dir, input_errors);
  fs::path cache_dir = cache_dir_for(options.inputs);
  // Before anything runs or is written: no output may destroy anything.
  std::vector<OutputPath> outputs = outputs_of(request, &plan);
  check_outputs(outputs, input_files(deck, plan), cache_dir);
  for (const OutputPath& out : outputs) remove_stale_temp_files(out.path);  // left by a kill -9
  // Read before anything runs: an unreadable baseline is an input error.
  std::optional<BaselineReport> baseline;
  if (options.baseline) input_errors.collect([&] { baseline = read_baseline_report(*options.baseline); });
  // Answers kept between builds go through the one cache store (none under --no-cache),
  // in the deck's cache folder, claimed before anything is written into it.
  CacheStore store(cache_dir);
  std::optional<CacheShelf> diagram_shelf, highlight_shelf, math_shelf;
  if (options.use_cache) {
    try {
      store.mark();  // refuses (exit 2) a folder deckgen did not make
      diagram_shelf.emplace(store, CacheKind::diagrams, ".svg");
      highlight_shelf.emplace(store, CacheKind::highlighting, ".html");
      math_shelf.emplace(store, CacheKind::formulas, ".html");
    } catch (const std::system_error& e) {
      status.warning(fmt::format("cannot create the cache folder: {}", e.what()));
    }
  }
  std::vector<std::string> cache_warnings;
  input_errors.collect([&] { draw_diagrams(deck, diagram_shelf ? &*diagram_shelf : nullptr, &cache_warnings); });
  input_errors.collect([&] { typeset_math(deck, math_shelf ? &*math_shelf : nullptr, &cache_warnings); });
  input_errors.throw_if_any();
  times.lap("plan");

  Measured measured;
  if (!plan.snippets.empty()) measured = run_snippets(deck, plan, run_settings_of(request), status, runners, &times, warm);
  else if (std::any_of(deck.placeholders.begin(), deck.placeholders.end(),
                       [](const Placeholder& p) { return p.kind == Placeholder::Kind::machine; })) {
    measured.provenance.machine = probe_machine();  // {{machine.cores}} needs no run block
    measured.provenance.machine.cpus_requested = options.cpus.value_or("");
  }

  // Measured values into prose, claims checked against them.
  // present's ▶ (RunControls::live_rerun): the values, claims and charts keep the build's
  // results; the live run shows in its snippet's box and beside each claim it is in.
  Measured build_side;
  if (request.run.live_rerun) {
    build_side = measured;
    for (const auto& [id, result] : measured.build_results) build_side.results[id] = result;
  }
  const Measured& decided = request.run.live_rerun ? build_side : measured;
  std::map<std::string, std::string> values = placeholder_values(deck.placeholders, decided.results, measured.provenance);
  Strictness strictness = options.strict                  ? Strictness::strict
                          : options.command == Command::check ? Strictness::normal
                                                              : Strictness::lenient;
  const std::string first_mask = options.compare_cpus.empty() ? "" : options.cpus.value_or("all");
  Figures figures = claims_and_figures(deck, decided, strictness, options.family, first_mask, status);
  if (request.run.live_rerun) add_live_estimates(figures, deck, measured);
  // --cpus 1,all: the deck measured again under each further mask; its slides keep the
  // first mask's runs, and every claim shows its verdict under each mask.
  OtherMasks other_masks;
  if (!options.compare_cpus.empty()) {
    other_masks = measure_under_other_masks(deck, plan, request, strictness,
                                            {first_mask, measured.provenance.machine, figures.claims,
                                             failed_snippet_ids(measured.results)},
                                            status, runners,
                                            warm);
    figures.failed += other_masks.failed;
    show_claims_per_mask(other_masks.masks, figures.block_html);
  }
  times.lap("claims and figures");
  std::set<std::string> busy_notes = slides_with_busy_notes(deck, plan, measured.results);
  SnippetViews views{&plan, &measured.results, &values, &figures.block_html, &busy_notes};

  auto highlighter = make_pygments_highlighter(highlight_shelf ? &*highlight_shelf : nullptr);
  std::string highlight_warning;
  std::vector<CodeBlock> code_blocks = code_blocks_to_highlight(deck, views);
  HighlightedCode highlighted = highlight_blocks(*highlighter, code_blocks, &highlight_warning, &cache_warnings);
  if (!highlight_warning.empty()) status.warning(highlight_warning);
  else warn_unknown_languages(code_blocks, highlighted, status);
  for (const std::string& w : cache_warnings) status.warning(w);
  times.lap("highlight");

  std::vector<RenderedSlide> slides = render_slides(deck, highlighted, views);
  if (!plan.snippets.empty()) {
    bool before_last = deck.meta.provenance == "before_last" && !slides.empty();
    slides.insert(before_last ? slides.end() - 1 : slides.end(),
                  provenance_slide(measured.provenance, plan.snippets.size(), measured.seconds,
                                   mask_summaries(other_masks.masks)));
  }
  // Each trace travels inside the deck (its timeline links to it), bounded, and also goes
  // beside it whole, for Perfetto and for `watch` to serve.
  std::vector<Attachment> traces, embedded_traces;
  for (const PlannedSnippet& s : plan.snippets) {
    auto r = measured.results.find(s.spec.id);
    if (!s.spec.records_trace() || r == measured.results.end() || r->second.traces.empty()) continue;
    traces.push_back({"traces/" + s.spec.id + ".json", merged_trace_json(r->second.traces)});
    EmbeddedTrace embedded = embedded_trace_json(r->second.traces);
    if (std::string left_out = embedded_trace_warning(s.spec.id, embedded); !left_out.empty())
      status.warning(warning_message({s.spec.pos, left_out, {}}));
    embedded_traces.push_back({traces.back().path, std::move(embedded.json)});
  }
  std::vector<TextSpan> slide_spans;
  std::string page = write_page(deck.meta, slides, embedded_traces, &slide_spans);
  times.lap("render");

  std::optional<BaselineOutcome> compared;
  if (baseline)
    compared = check_against_baseline(*baseline, measured.results, measured.provenance.machine, deck.meta.confidence,
                                      options.fail_on_regression_percent, status);
  BuildResults results{plan,     measured.results, measured.provenance, figures.claims,
                       strictness, compared ? &*compared : nullptr, measured.round_seed, measured.sampling.round_seed,
                       &other_masks.masks};
  // Every output is written out first and only then renamed into place, together: a
  // full disk used to leave a new report, JUnit file and traces/ beside the old deck.
  StagedWrites staged;
  if (options.write_deck && !request.deck_is_intermediate)
    for (const Attachment& t : traces) staged.add_if_changed(options.output.parent_path() / t.path, t.content);  // trace_path()
  if (options.report) staged.add(*options.report, report_json(results));
  if (options.junit) staged.add(*options.junit, junit_xml(results));
  if (options.write_deck) staged.add(options.output, page);
  staged.commit();
  if (options.write_deck) {
    if (!request.deck_is_intermediate)
      status.info(fmt::format("wrote {} ({} slides, {} KiB)", options.output.generic_string(),
                              slides.size() + (deck.meta.title.empty() ? 0 : 1), (page.size() + 1023) / 1024));
  }
  if (built && options.write_deck) {
    built->page = page;
    built->slides = std::move(slide_spans);
    built->traces.clear();
    for (const Attachment& t : traces) built->traces["/" + t.path] = t.content;
    built->input_folders = {deck.deck_dir, plan.snippets_dir};
    for (const auto& [image, _] : deck.images) built->input_folders.push_back(fs::path(image).parent_path());
    built->snippet_ids.clear();
    for (const PlannedSnippet& s : plan.snippets) built->snippet_ids.push_back(s.spec.id);
  }
  times.lap("write");
  // `check`: every slide must fit its stage, as headless Chromium lays the page out.
  size_t overflowing = 0;
  if (options.command == Command::check) {
    int width = stage_width(deck.meta);
    OverflowIs severity = options.strict ? OverflowIs::error : OverflowIs::warning;
    FitCheck fit = check_fit(page, width, 720, severity, status, runners.fit_layout ? runners.fit_layout : lay_out_in_chromium);
    if (severity == OverflowIs::error) overflowing = fit.overflowing;
    times.lap("fit");
  }
  status.detail("stage times: " + times.summary());
  if (!plan.snippets.empty()) print_summary(plan, measured, status);
  if (!figures.claims.empty()) {
    status.summary(first_mask.empty() ? claims_summary(figures.claims)
                                      : fmt::format("with --cpus {}: {}", first_mask, claims_summary(figures.claims)));
    std::string family = family_statement(figures.claims);
    if (!family.empty()) status.info(fmt::format("claims together: {}", family));
  }
  bool failed = figures.failed > 0 || overflowing > 0 || (compared && compared->regressions > 0) ||
                std::any_of(measured.results.begin(), measured.results.end(),
                                                  [](const auto& r) { return r.second.outcome == Outcome::failed; });
  return failed ? exit_deck_failed : exit_ok;
}

}  // namespace

int run_build(const BuildRequest& request, Status& status, Runners runners) {
  return run_build(request, status, runners, nullptr);
}

int run_build(const BuildRequest& request, Status& status, Runners runners, BuiltDeck* built, WarmCache* warm) {
  try {
    return build_deck(request, status, runners, built, warm);
  } catch (const InputErrors& e) {
    for (const InputError& one : e.errors()) status.error(one.message());
    size_t count = e.errors().size() + e.not_shown();
    if (count > 1)
      status.summary(fmt::format("{} input errors{}; nothing was written", count,
                                 e.not_shown() ? fmt::format(" ({} more not shown)", e.not_shown()) : ""));
    return exit_input_error;
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
  } catch (const std::bad_alloc&) {  // was std::terminate: an abort, no word why (issue 24)
    status.error("out of memory: nothing was written; split the largest slide file or snippet output");
    return exit_input_error;
  }
}

}  // namespace deckgen
