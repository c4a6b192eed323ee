#include "measure/claims.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "measure/claim_runs.h"
#include "measure/stats.h"
#include "measure/units.h"
#include "model/metrics.h"

namespace deckgen {
namespace {

std::string samples_note(const Summary& s, const std::string& metric, const std::string& unit) {
  return fmt::format("median {} ± {} (n={})", format_metric_value(s.median, metric, unit),
                     format_metric_value(s.mad, metric, unit), s.n);
}

std::string percent(double p) { return fmt::format("{:.3g}%", p * 100); }

// "0.6 * min(machine.cores, 4) = 1.2" for a bound that depends on the machine, else
// just the value, formatted by `format`.
template <typename Format>
std::string describe_bound(const Expression& e, double value, Format format) {
  if (!e.uses_machine_facts()) return format(value);
  return fmt::format("{} = {}", e.text, format(value));
}

std::string fragile_note(bool fragile) {
  return fragile ? "; fragile: leaving out a single run changes the verdict" : "";
}

ClaimOutcome outcome_of(Verdict v) {
  switch (v) {
    case Verdict::holds: return ClaimOutcome::holds;
    case Verdict::fails: return ClaimOutcome::fails;
    case Verdict::undecided: return ClaimOutcome::undecided;
  }
  return ClaimOutcome::undecided;
}

void take_decision(ClaimResult& r, const Decision& d) {
  r.outcome = outcome_of(d.verdict);
  r.fragile = d.fragile;
  r.interval = d.interval;
  r.n_a = d.n_a;
  r.n_b = d.n_b;
  r.p_value = d.p_value;
  r.paired = d.paired;
}

std::string name_of(const std::string& id, const ClaimContext& ctx) {
  auto found = ctx.labels.find(id);
  return found != ctx.labels.end() ? found->second : id;
}

// "(likely 1.03× to 1.30×)": the interval in words, or nothing when it is open.
template <typename Format>
std::string likely(const Interval& i, Format format) {
  if (!i.bounded) return "";
  return fmt::format(" (likely {} to {})", format(i.lower), format(i.upper));
}

// The looks of a claim's design, for the evidence: "decided at look 2 of 4 (12 runs
// each; this look's level 1.25%, 5% over all looks)".
std::string look_note(const ClaimResult& r, const char* unit) {
  if (!r.look) return "";
  return fmt::format("; look {} of {} ({} {}, level {}; {} over all looks)", r.look->index + 1,
                     std::max<size_t>(r.looks.size(), static_cast<size_t>(r.look->index + 1)), r.look->size, unit,
                     percent(r.look->alpha), percent(1 - r.confidence));
}

// What would help an undecided claim, for the author.
std::string undecided_advice(size_t next_size, int max_runs) {
  if (next_size > static_cast<size_t>(max_runs))
    return fmt::format("its next look needs {} runs of each snippet, past `max_runs: {}`: raise `max_runs:` "
                       "(the same design continues), or make the effect clearer or the snippets steadier",
                       next_size, max_runs);
  return fmt::format("its next look is at {} runs of each snippet: a larger `budget:` lets sampling reach it "
                     "(or the next build continues from the cache)", next_size);
}

// The strongest lag-1 autocorrelation among the series a decision read, in run order:
// the per-round log ratios when paired, else each side on the log scale. Below
// kMinRunsForDependence runs, nullopt: too few to tell.
std::optional<double> dependence(const Sides& s) {
  auto logs = [](const std::vector<double>& v) {
    std::vector<double> out;
    for (double x : v) out.push_back(x > 0 ? std::log(x) : 0);
    return out;
  };
  if (std::min(s.a.size(), s.b.size()) < kMinRunsForDependence) return std::nullopt;
  if (s.paired) {
    std::vector<double> d;
    for (size_t i = 0; i < s.a.size(); ++i) d.push_back(s.a[i] > 0 && s.b[i] > 0 ? std::log(s.b[i] / s.a[i]) : 0);
    return lag_one_autocorrelation(d);
  }
  return std::max(lag_one_autocorrelation(logs(s.a)), lag_one_autocorrelation(logs(s.b)));
}

std::string serial_note(std::optional<double> lag_one) {
  return lag_one ? fmt::format("; lag-1 autocorrelation {:.2f}", *lag_one) : std::string();
}

// Turns a decision on runs that depend on each other into "undecided", saying why.
void check_dependence(ClaimResult& r, std::optional<double> lag_one, size_t runs) {
  if (!lag_one || *lag_one <= kMaxLagOneCorrelation || r.outcome == ClaimOutcome::undecided) return;
  r.outcome = ClaimOutcome::undecided;
  r.fragile = false;
  r.verdict = fmt::format("not decided: these runs depend on each other (each follows the one before), so they "
                          "cannot tell");
  r.advice = fmt::format("lag-1 autocorrelation {:.2f} over {} runs, above {}: the runs drift or depend on each "
                         "other (a cache warming, a CPU changing its clock, state kept between runs); make the "
                         "runs independent, or the snippet steadier", *lag_one, runs, kMaxLagOneCorrelation);
}

// The comparison's runs at its current look: the first `look.size` of each side (of the
// pairs, when paired).
Sides at_look(const Sides& s, size_t size) {
  Sides out = s;
  if (out.a.size() > size) out.a.resize(size);
  if (out.b.size() > size) out.b.resize(size);
  return out;
}

ClaimResult compare(const ClaimSpec& c, const Results& results, const ClaimContext& ctx) {
  ClaimResult r;
  r.spec = c;
  r.confidence = ctx.confidence;
  Sides sides = comparison_sides(results, c.a, c.b, c.metric, c.pos);
  std::optional<Summary> summary_a = metric_summary(results, c.a, c.metric, c.pos);
  std::optional<Summary> summary_b = metric_summary(results, c.b, c.metric, c.pos);
  if (sides.a.empty() || sides.b.empty() || !summary_a || !summary_b) {
    r.verdict = fmt::format("cannot check: snippet '{}' has no measurements (it failed)",
                            sides.a.empty() || !summary_a ? c.a : c.b);
    return r;
  }
  const std::string a = name_of(c.a, ctx), b = name_of(c.b, ctx);
  const char* adjective = c.less_wording ? "less" : "faster";
  std::string what = c.metric == "wall" ? "" : fmt::format(" ({})", metric_label(c.metric, ""));
  std::string unit = metric_unit(results, c.a, c.metric);
  auto ratio = [](double v) { return format_ratio(v); };

  // The design: looks on pairs (paired rounds) or on runs per side.
  int max_runs = c.max_runs.value_or(kDefaultMaxRuns);
  size_t initial = std::min(initial_runs(results, c.a), initial_runs(results, c.b));
  LookSchedule schedule(initial, sides.paired ? LookTest::signed_rank : LookTest::rank_sum, 1 - ctx.confidence);
  r.looks = schedule.sizes_up_to(static_cast<size_t>(max_runs));
  size_t available = std::min(sides.a.size(), sides.b.size());
  r.available = available;
  r.look = schedule.reached(available);
  const char* per = sides.paired ? "pairs" : "runs each";
  r.paired = sides.paired;
  r.n_a = sides.a.size();
  r.n_b = sides.b.size();

  // The claim in words, for every outcome.
  std::optional<double> needed;  // faster by, or the margin
  std::string claim_words;
  switch (c.kind) {
    case ClaimSpec::Kind::faster:
      if (c.by) {
        double by = evaluate(*c.by, ctx.machine);
        // A factor of at most 1 cannot show that A is faster (a constant one is an input
        // error; this one depends on the machine): the claim fails and says so.
        if (!(by > 1) || !std::isfinite(by)) {
          r.verdict = fmt::format("`by: {}` is {} on this machine, not a factor above 1: the claim could not fail "
                                  "here", c.by->text, by);
          r.advice = "make the factor above 1 on every machine (e.g. `max(1.5, …)`), or add a `when:`";
          return r;
        }
        needed = by;
        claim_words = fmt::format("at least {} {}", describe_bound(*c.by, by, ratio), adjective);
      } else {
        claim_words = adjective;
      }
      r.procedure = sides.paired ? "Wilcoxon signed-rank test on paired rounds, with its Hodges–Lehmann ratio interval"
                    : c.by       ? "Hodges–Lehmann ratio interval (Mann–Whitney)"
                                 : "one-sided Mann–Whitney U test, with the Hodges–Lehmann ratio interval";
      break;
    case ClaimSpec::Kind::not_faster:
      needed = c.margin.value_or(kDefaultMargin);
      claim_words = fmt::format("not more than {} {}", Ratio{*needed}, adjective);
      r.procedure = fmt::format("non-superiority test (one-sided, margin {}) on the {}", Ratio{*needed},
                                sides.paired ? "signed-rank ratio interval of paired rounds" : "Hodges–Lehmann ratio interval");
      break;
    case ClaimSpec::Kind::equivalent:
      needed = c.margin.value_or(kDefaultMargin);
      claim_words = fmt::format("within {} of each other", Ratio{*needed});
      r.procedure = fmt::format("equivalence by two one-sided tests (TOST, margin {}) on the {}", Ratio{*needed},
                                sides.paired ? "signed-rank ratio interval of paired rounds" : "Hodges–Lehmann ratio interval");
      break;
    case ClaimSpec::Kind::value: break;  // not a comparison
  }
  r.bound = needed;
  auto subject = [&] {
    return c.kind == ClaimSpec::Kind::equivalent ? fmt::format("{} and {} are {}{}", a, b, claim_words, what)
                                                 : fmt::format("{} is {} than {}{}", a, claim_words, b, what);
  };

  if (!r.look) {
    r.outcome = ClaimOutcome::undecided;
    r.verdict = fmt::format("not yet decided whether {}: too few runs to tell", subject());
    r.advice = fmt::format("its first look needs {} {} ({} so far): give the snippets `runs: {}`, or let "
                           "sampling add them (`budget:`)", schedule.first_size(), per, available, schedule.first_size());
    r.evidence = fmt::format("{} and {} runs; the claim's first look is at {} {}, where its {} can decide at "
                             "{} (most of its {} error; later looks share the rest)",
                             sides.a.size(), sides.b.size(), schedule.first_size(), per, r.procedure,
                             percent(schedule.first_alpha()), percent(schedule.alpha()));
    return r;
  }
  Sides look_sides = at_look(sides, r.look->size);
  double level = 1 - r.look->alpha;
  Decision d;
  switch (c.kind) {
    case ClaimSpec::Kind::faster: d = decide_faster(look_sides, needed, level); break;
    case ClaimSpec::Kind::not_faster: d = decide_not_faster(look_sides, *needed, level); break;
    case ClaimSpec::Kind::equivalent: d = decide_equivalent(look_sides, *needed, level); break;
    case ClaimSpec::Kind::value: break;
  }
  take_decision(r, d);
  r.ratio = d.interval.estimate;
  std::optional<double> lag_one = dependence(look_sides);
  Ratio estimate{d.interval.estimate};
  std::string range = likely(d.interval, ratio);
  std::string measured = c.kind == ClaimSpec::Kind::equivalent
                             ? fmt::format("{} took {} the time of {}", b, estimate, a)
                             : fmt::format("{} was {} {} than {}{}", a, estimate, adjective, b, what);
  switch (r.outcome) {
    case ClaimOutcome::holds:
      // "faster" reads best as what was measured; "not faster" and "equivalent" need
      // their own words, or "was 1.01× faster" would seem to contradict them.
      r.verdict = c.kind == ClaimSpec::Kind::faster ? fmt::format("{}{}", measured, range)
                                                    : fmt::format("{}: {}{}", subject(), estimate, range);
      break;
    case ClaimOutcome::fails:
      r.verdict = fmt::format("contradicted: {}; the slide says {}", measured + range, subject());
      break;
    case ClaimOutcome::undecided:
    case ClaimOutcome::skipped:
      r.verdict = fmt::format("not yet decided whether {}: {}{}", subject(), estimate, range);
      r.advice = undecided_advice(schedule.next(available).size, max_runs);
      break;
  }
  std::string test = d.p_value ? fmt::format("; one-sided Mann–Whitney U test p = {:.3g}", *d.p_value) : "";
  std::string bounds = d.interval.bounded
                           ? fmt::format("{} to {} (one-sided {} each, achieved {:.2f}%)", Ratio{d.interval.lower},
                                         Ratio{d.interval.upper}, percent(level), d.interval.achieved * 100)
                           : fmt::format("no bound at {} with these runs", percent(level));
  std::string pairs = sides.paired ? fmt::format("{} paired rounds", d.n_a)
                                   : fmt::format("{} against {} runs, unpaired", d.n_a, d.n_b);
  std::string serial = serial_note(lag_one);
  r.evidence = fmt::format("{}: {}; {}: {}; {}; ratio {}/{}: Hodges–Lehmann estimate {}, interval {}{}; "
                           "decided by {}{}{}{}",
                           c.a, samples_note(*summary_a, c.metric, unit), c.b, samples_note(*summary_b, c.metric, unit),
                           pairs, c.b, c.a, estimate, bounds, test, r.procedure, look_note(r, per), serial,
                           fragile_note(d.fragile));
  check_dependence(r, lag_one, look_sides.a.size());
  return r;
}

// min, max and n describe the runs made: no interval, no level, no looks.
bool is_observed_fact(Statistic stat) {
  switch (stat) {
    case Statistic::min:
    case Statistic::max:
    case Statistic::n: return true;
    case Statistic::median:
    case Statistic::mean:
    case Statistic::sd:
    case Statistic::mad: return false;
  }
  return false;
}

LookTest look_test(Statistic stat) {
  return stat == Statistic::median ? LookTest::median : LookTest::bootstrap;
}

ClaimResult bound(const ClaimSpec& c, const Results& results, const ClaimContext& ctx) {
  ClaimResult r;
  r.spec = c;
  r.confidence = ctx.confidence;
  std::vector<double> values = metric_samples(results, c.value.id, c.value.metric, c.pos);
  std::string name = fmt::format("{}.{}", c.value.id, c.value.metric);
  if (c.value.stat != Statistic::median) name += fmt::format(".{}", statistic_name(c.value.stat));
  std::optional<Summary> summary = metric_summary(results, c.value.id, c.value.metric, c.pos);
  if (values.empty() || !summary) {
    r.verdict = fmt::format("cannot check {}: snippet '{}' has no measurements (it failed)", name, c.value.id);
    return r;
  }
  const Summary& s = *summary;
  std::string unit = metric_unit(results, c.value.id, c.value.metric);
  auto show = [&](double v) { return c.value.stat == Statistic::n ? format_count(v) : format_metric_value(v, c.value.metric, unit); };
  std::optional<double> below, above;
  if (c.below) below = evaluate(*c.below, ctx.machine);
  if (c.above) above = evaluate(*c.above, ctx.machine);
  // A constant infinite or NaN bound is an input error; one that names machine facts can
  // only turn out so here (1 / (machine.cores - 2) on 2 cores), and then means nothing.
  for (const auto& [key, spec, value] : {std::tuple{"below", &c.below, below}, std::tuple{"above", &c.above, above}})
    if (value && !std::isfinite(*value)) {
      r.verdict = fmt::format("`{}: {}` is {} on this machine, not a bound", key, (*spec)->text,
                              std::isnan(*value) ? "NaN" : *value > 0 ? "infinite" : "minus infinite");
      r.advice = "make the bound finite on every machine, or add a `when:`";
      return r;
    }
  r.bound = below ? below : above;
  std::string needed;
  if (below && above)
    needed = fmt::format("between {} and {}", describe_bound(*c.above, *above, show), describe_bound(*c.below, *below, show));
  else if (below) needed = fmt::format("below {}", describe_bound(*c.below, *below, show));
  else needed = fmt::format("above {}", describe_bound(*c.above, *above, show));
  // "the speedup of 4 processes": the value shown carries the unit, so the label does not.
  std::string metric_words = metric_label(c.value.metric, "");
  std::string label = fmt::format("the {} of {}", metric_words, name_of(c.value.id, ctx));
  std::string stat_words =
      c.value.stat == Statistic::median ? "" : fmt::format(" ({})", statistic_name(c.value.stat));

  // min and max are facts about the runs made: no interval, no level, no looks.
  bool exact = is_observed_fact(c.value.stat);
  if (exact) {
    Decision d = decide_bound(values, c.value.stat, below, above, ctx.confidence);
    take_decision(r, d);
    r.observed_fact = true;
    r.measured = d.interval.estimate;
    r.procedure = "observed over the runs made (a fact about them, not a statistical claim)";
    std::string which = c.value.stat == Statistic::min ? "smallest" : c.value.stat == Statistic::max ? "largest" : "count";
    r.verdict = fmt::format("observed: the {} {} of {} over {} run{} was {} ({})", which, metric_words,
                            name_of(c.value.id, ctx), values.size(), values.size() == 1 ? "" : "s",
                            show(d.interval.estimate), needed);
    if (r.outcome == ClaimOutcome::fails) r.verdict = "contradicted: " + r.verdict;
    r.evidence = fmt::format("{}: {}; min {}, max {}; {}", name, samples_note(s, c.value.metric, unit),
                             format_metric_value(s.min, c.value.metric, unit),
                             format_metric_value(s.max, c.value.metric, unit), r.procedure);
    return r;
  }

  int max_runs = c.max_runs.value_or(kDefaultMaxRuns);
  LookSchedule schedule(initial_runs(results, c.value.id), look_test(c.value.stat), 1 - ctx.confidence);
  r.looks = schedule.sizes_up_to(static_cast<size_t>(max_runs));
  r.look = schedule.reached(values.size());
  r.n_a = values.size();
  r.available = values.size();
  r.procedure = c.value.stat == Statistic::median
                    ? std::string("order-statistic interval of the median")
                    : fmt::format("BCa bootstrap interval of the {} ({} seeded resamples; its level is approximate)",
                                  statistic_name(c.value.stat), kBootstrapResamples);
  if (!r.look) {
    r.outcome = ClaimOutcome::undecided;
    r.measured = statistic_of(values, c.value.stat);
    r.verdict = fmt::format("not yet decided whether {}{} is {}: too few runs to tell", label, stat_words, needed);
    r.advice = fmt::format("its first look needs {} runs ({} so far): give the snippet `runs: {}`, or let sampling "
                           "add them (`budget:`)", schedule.first_size(), values.size(), schedule.first_size());
    r.evidence = fmt::format("{}: {}; the claim's first look is at {} runs, where the {} can decide at {}",
                             name, samples_note(s, c.value.metric, unit), schedule.first_size(), r.procedure,
                             percent(schedule.first_alpha()));
    return r;
  }
  std::vector<double> look_values(values.begin(), values.begin() + static_cast<long>(r.look->size));
  double level = 1 - r.look->alpha;
  Decision d = decide_bound(look_values, c.value.stat, below, above, level);
  take_decision(r, d);
  r.measured = d.interval.estimate;
  std::string range = likely(d.interval, show);
  std::string measured = fmt::format("{}{} was {}{}", label, stat_words, show(d.interval.estimate), range);
  switch (r.outcome) {
    case ClaimOutcome::holds: r.verdict = measured; break;
    case ClaimOutcome::fails: r.verdict = fmt::format("contradicted: {}; the slide says {}", measured, needed); break;
    case ClaimOutcome::undecided:
    case ClaimOutcome::skipped:
      r.verdict = fmt::format("not yet decided whether {}{} is {}: {}{}", label, stat_words, needed,
                              show(d.interval.estimate), range);
      r.advice = undecided_advice(schedule.next(values.size()).size, max_runs);
      break;
  }
  std::string interval = d.interval.bounded
                             ? fmt::format("{} to {} (each bound one-sided at {})", show(d.interval.lower),
                                           show(d.interval.upper), percent(level))
                             : fmt::format("no bound at {} from {} runs", percent(level), look_values.size());
  std::optional<double> lag_one;
  if (look_values.size() >= kMinRunsForDependence) lag_one = lag_one_autocorrelation(look_values);
  std::string serial = serial_note(lag_one);
  r.evidence = fmt::format("{}: {}; min {}, max {}; interval {}; needed {}; decided by the {}{}{}{}", name,
                           samples_note(s, c.value.metric, unit), format_metric_value(s.min, c.value.metric, unit),
                           format_metric_value(s.max, c.value.metric, unit), interval, needed, r.procedure,
                           look_note(r, "runs"), serial, fragile_note(d.fragile));
  check_dependence(r, lag_one, look_values.size());
  return r;
}

}  // namespace

bool claim_fails_build(const ClaimResult& result, Strictness strictness) {
  switch (result.outcome) {
    // Under --strict a claim the deck did not check fails, unless its block says that
    // the deck may be built where it does not apply (`skip_ok: true`).
    case ClaimOutcome::skipped: return strictness == Strictness::strict && !result.spec.skip_ok;
    case ClaimOutcome::holds: return strictness == Strictness::strict && result.fragile;
    case ClaimOutcome::undecided: return strictness != Strictness::lenient;
    case ClaimOutcome::fails: return true;
  }
  return true;
}

std::string family_statement(const std::vector<ClaimResult>& results) {
  size_t decided = 0, facts = 0;
  double confidence = kDefaultConfidence;
  bool family = false;
  for (const ClaimResult& r : results) {
    if (r.outcome == ClaimOutcome::skipped) continue;
    if (r.observed_fact) ++facts;
    else ++decided, confidence = r.confidence, family = r.family_adjusted;
  }
  if (decided == 0) return facts ? fmt::format("{} observed facts about the runs made; no statistical claim", facts) : "";
  double alpha = 1 - confidence;
  std::string line =
      family
          ? fmt::format("the {} statistical claims are decided as a family (--family bonferroni): each at {}, so "
                        "the chance that any of them is wrong is at most {}",
                        decided, percent(alpha), percent(alpha * static_cast<double>(decided)))
          : fmt::format("each of the {} statistical claims is decided wrongly at most {} of the time, however many "
                        "runs sampling added; were every one exactly on its bound, about {:.1f} would hold by chance",
                        decided, percent(alpha), static_cast<double>(decided) * alpha);
  if (facts) line += fmt::format("; {} more are observed facts about the runs made", facts);
  return line;
}

const char* outcome_name(ClaimOutcome outcome) {
  switch (outcome) {
    case ClaimOutcome::holds: return "holds";
    case ClaimOutcome::fails: return "fails";
    case ClaimOutcome::undecided: return "undecided";
    case ClaimOutcome::skipped: return "skipped";
  }
  return "fails";
}

std::string claims_summary(const std::vector<ClaimResult>& results) {
  size_t hold = 0, fragile = 0, failed = 0, undecided = 0, skipped = 0;
  for (const ClaimResult& r : results) {
    hold += r.outcome == ClaimOutcome::holds;
    fragile += r.outcome == ClaimOutcome::holds && r.fragile;
    failed += r.outcome == ClaimOutcome::fails;
    undecided += r.outcome == ClaimOutcome::undecided;
    skipped += r.outcome == ClaimOutcome::skipped;
  }
  size_t facts = 0;
  for (const ClaimResult& r : results) facts += r.observed_fact && r.outcome == ClaimOutcome::holds;
  std::string line = fmt::format("claims: {} hold", hold);
  if (facts) line += fmt::format(" ({} of them observed facts)", facts);
  if (fragile) line += fmt::format(" ({} fragile)", fragile);
  line += fmt::format(", {} failed", failed);
  if (undecided) line += fmt::format(", {} undecided", undecided);
  if (skipped) line += fmt::format(", {} skipped", skipped);
  return line;
}

ClaimContext claim_context(const Deck& deck, const Machine& machine, ClaimFamily family) {
  ClaimContext context{deck.meta.confidence,
                       {machine.usable_cores, machine.logical_cores, machine.usable_physical_cores}};
  for (const ChartSpec& chart : deck.charts)
    for (size_t i = 0; i < chart.snippets.size() && i < chart.labels.size(); ++i)
      context.labels.emplace(chart.snippets[i], chart.labels[i]);
  context.family = family;
  context.deck_confidence = deck.meta.confidence;
  if (family == ClaimFamily::bonferroni) {
    size_t statistical = 0;
    for (const ClaimSpec& c : deck.claims) {
      if (c.when && evaluate(*c.when, context.machine) == 0) continue;  // skipped here: no error to spend
      bool fact = c.kind == ClaimSpec::Kind::value && is_observed_fact(c.value.stat);
      statistical += !fact;
    }
    if (statistical > 1) context.confidence = 1 - (1 - deck.meta.confidence) / static_cast<double>(statistical);
  }
  return context;
}

std::vector<ClaimResult> check_claims(const std::vector<ClaimSpec>& claims, const Results& results,
                                      const ClaimContext& context) {
  std::vector<ClaimResult> out;
  for (const ClaimSpec& c : claims) {
    if (c.when && evaluate(*c.when, context.machine) == 0) {
      ClaimResult skipped;
      skipped.spec = c;
      skipped.confidence = context.confidence;
      skipped.outcome = ClaimOutcome::skipped;
      skipped.verdict = fmt::format("skipped: {}", explain_unmet(*c.when, context.machine));
      skipped.evidence = fmt::format("the claim applies `when: {}`, which is false here", c.when->text);
      out.push_back(std::move(skipped));
      continue;
    }
    out.push_back(compares_two(c.kind) ? compare(c, results, context) : bound(c, results, context));
    out.back().family_adjusted = context.family == ClaimFamily::bonferroni && context.confidence != context.deck_confidence;
  }
  return out;
}

}  // namespace deckgen
