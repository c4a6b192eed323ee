#include "measure/claims.h"

#include <fmt/format.h>

#include <cmath>

#include "measure/stats.h"
#include "measure/units.h"
#include "model/metrics.h"

namespace deckgen {
namespace {

std::string samples_note(const Summary& s, const std::string& metric, const std::string& unit) {
  return fmt::format("median {} ± {} (n={})", format_metric_value(s.median, metric, unit),
                     format_metric_value(s.mad, metric, unit), s.n);
}

std::string percent(double confidence) { return fmt::format("{:g}%", confidence * 100); }

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
}

// What would help an undecided claim: more runs while the bounds are open or wide.
std::string undecided_help(const Decision& d) {
  if (!d.interval.bounded)
    return fmt::format("{} and {} runs are too few for any bound at {}: give both sides more runs (`runs:`, "
                       "or a larger `budget:`/`max_runs:`)", d.n_a, d.n_b, percent(d.interval.confidence));
  return "more runs would narrow the interval (`runs:`, or a larger `budget:`/`max_runs:`); if it stays wide, "
         "make the snippets less noisy";
}

ClaimResult compare(const ClaimSpec& c, const Results& results, const ClaimContext& ctx) {
  ClaimResult r;
  r.spec = c;
  r.confidence = ctx.confidence;
  std::vector<double> a = metric_samples(results, c.a, c.metric, c.pos);
  std::vector<double> b = metric_samples(results, c.b, c.metric, c.pos);
  const char* verb = c.less_wording ? "uses less" : "is faster";
  const char* adjective = c.less_wording ? "less" : "faster";
  std::string what = c.metric == "wall" ? "" : fmt::format(" ({})", metric_label(c.metric, ""));
  std::optional<Summary> summary_a = metric_summary(results, c.a, c.metric, c.pos);
  std::optional<Summary> summary_b = metric_summary(results, c.b, c.metric, c.pos);
  if (a.empty() || b.empty() || !summary_a || !summary_b) {
    r.verdict = fmt::format("cannot check: snippet '{}' has no measurements (it failed)",
                            a.empty() || !summary_a ? c.a : c.b);
    return r;
  }
  const Summary &sa = *summary_a, &sb = *summary_b;
  std::string unit = metric_unit(results, c.a, c.metric);
  std::string conf = percent(ctx.confidence);
  Ratio lower, upper;

  Decision d;
  std::string needed;
  if (c.kind == ClaimSpec::Kind::not_faster) {
    double margin = c.margin.value_or(kDefaultMargin);
    r.bound = margin;
    d = decide_not_faster(a, b, margin, ctx.confidence);
    r.procedure = "non-inferiority (Schuirmann's one-sided test) on the Hodges–Lehmann ratio interval";
    lower = {d.interval.lower}, upper = {d.interval.upper};
    take_decision(r, d);
    if (r.outcome == ClaimOutcome::holds)
      r.verdict = fmt::format("{} is not {} than {}: at most {}{} with {} confidence (margin {})", c.a, adjective, c.b,
                              upper, what, conf, Ratio{margin});
    else if (r.outcome == ClaimOutcome::fails)
      r.verdict = fmt::format("{} {} than {} after all: at least {}{} with {} confidence, beyond the {} margin", c.a,
                              verb, c.b, lower, what, conf, Ratio{margin});
    else
      r.verdict = fmt::format("undecided whether {} is more than {} {} than {}: {} to {}{} at {}; {}", c.a,
                              Ratio{margin}, adjective, c.b, lower, upper, what, conf, undecided_help(d));
  } else if (c.by) {
    double by = evaluate(*c.by, ctx.machine);
    r.bound = by;
    std::string needed_text = describe_bound(*c.by, by, [](double v) { return format_ratio(v); });
    if (!(by > 0) || !std::isfinite(by)) {
      r.verdict = fmt::format("`by: {}` is {} on this machine, not a factor", c.by->text, by);
      return r;
    }
    d = decide_faster(a, b, by, ctx.confidence);
    r.procedure = "Hodges–Lehmann ratio interval";
    lower = {d.interval.lower}, upper = {d.interval.upper};
    take_decision(r, d);
    Ratio estimate{d.interval.estimate};
    if (r.outcome == ClaimOutcome::holds)
      r.verdict = fmt::format("{} {} than {} by {}{} (at least {} with {} confidence; needed ≥ {})", c.a, verb, c.b,
                              estimate, what, lower, conf, needed_text);
    else if (r.outcome == ClaimOutcome::fails)
      r.verdict = fmt::format("{} is not {} than {} by {}{}: at most {} with {} confidence ({} measured)", c.a,
                              adjective, c.b, needed_text, what, upper, conf, estimate);
    else
      r.verdict = fmt::format("undecided whether {} {} than {} by {}{}: {} to {} at {}; {}", c.a, verb, c.b,
                              needed_text, what, lower, upper, conf, undecided_help(d));
  } else {
    d = decide_faster(a, b, std::nullopt, ctx.confidence);
    r.procedure = "one-sided Mann–Whitney U test, with the Hodges–Lehmann ratio interval";
    lower = {d.interval.lower}, upper = {d.interval.upper};
    take_decision(r, d);
    Ratio estimate{d.interval.estimate};
    if (r.outcome == ClaimOutcome::holds)
      r.verdict = fmt::format("{} {} than {}: {}{} (p = {:.2g}; at least {} with {} confidence)", c.a, verb, c.b,
                              estimate, what, *d.p_value, lower, conf);
    else if (r.outcome == ClaimOutcome::fails)
      r.verdict = fmt::format("{} is not {} than {}: {}{}, at most {} with {} confidence", c.a, adjective, c.b,
                              estimate, what, upper, conf);
    else
      r.verdict = fmt::format("undecided whether {} {} than {}: {}{} (p = {:.2g}, needed < {:g}); {}", c.a, verb, c.b,
                              estimate, what, *d.p_value, 1 - ctx.confidence, undecided_help(d));
  }
  r.ratio = d.interval.estimate;
  std::string test = d.p_value ? fmt::format("; one-sided Mann–Whitney U test p = {:.3g}", *d.p_value) : "";
  std::string bounds = d.interval.bounded
                           ? fmt::format("{} to {} (each bound at {}, achieved {:.1f}%)", lower, upper, conf,
                                         d.interval.achieved * 100)
                           : fmt::format("no bound at {} with these runs", conf);
  r.evidence = fmt::format("{}: {}; {}: {}; ratio {}/{}: Hodges–Lehmann estimate {}, interval {}{}; "
                           "decided by {}{}",
                           c.a, samples_note(sa, c.metric, unit), c.b, samples_note(sb, c.metric, unit), c.b, c.a,
                           Ratio{d.interval.estimate}, bounds, test, r.procedure, fragile_note(d.fragile));
  return r;
}

ClaimResult bound(const ClaimSpec& c, const Results& results, const ClaimContext& ctx) {
  ClaimResult r;
  r.spec = c;
  r.confidence = ctx.confidence;
  std::vector<double> values = metric_samples(results, c.value.id, c.value.metric, c.pos);
  std::string name = fmt::format("{}.{}", c.value.id, c.value.metric);
  if (c.value.stat != "median") name += "." + c.value.stat;
  std::optional<Summary> summary = metric_summary(results, c.value.id, c.value.metric, c.pos);
  if (values.empty() || !summary) {
    r.verdict = fmt::format("cannot check {}: snippet '{}' has no measurements (it failed)", name, c.value.id);
    return r;
  }
  const Summary& s = *summary;
  std::string unit = metric_unit(results, c.value.id, c.value.metric);
  auto show = [&](double v) { return c.value.stat == "n" ? format_count(v) : format_metric_value(v, c.value.metric, unit); };
  std::optional<double> below, above;
  if (c.below) below = evaluate(*c.below, ctx.machine);
  if (c.above) above = evaluate(*c.above, ctx.machine);
  r.bound = below ? below : above;
  Decision d = decide_bound(values, c.value.stat, below, above, ctx.confidence);
  take_decision(r, d);
  r.measured = d.interval.estimate;

  std::string needed;
  if (below && above)
    needed = fmt::format("between {} and {}", describe_bound(*c.above, *above, show), describe_bound(*c.below, *below, show));
  else if (below) needed = fmt::format("below {}", describe_bound(*c.below, *below, show));
  else needed = fmt::format("above {}", describe_bound(*c.above, *above, show));
  std::string conf = percent(ctx.confidence);
  bool exact = c.value.stat == "min" || c.value.stat == "max" || c.value.stat == "n";
  std::string interval = exact ? fmt::format("over the {} runs measured", values.size())
                         : d.interval.bounded ? fmt::format("{} to {} at {}", show(d.interval.lower), show(d.interval.upper), conf)
                                              : fmt::format("no bound at {} from {} runs", conf, values.size());
  if (c.value.stat == "median") r.procedure = "order-statistic interval of the median";
  else if (exact) r.procedure = "the runs' own extreme or count (exact)";
  else r.procedure = fmt::format("percentile bootstrap of the {} ({} seeded resamples)", c.value.stat, kBootstrapResamples);

  if (r.outcome == ClaimOutcome::undecided)
    r.verdict = fmt::format("undecided whether {} is {}: {} ({}); {}", name, needed, show(d.interval.estimate), interval,
                            d.interval.bounded ? "more runs would narrow it" : "it needs more runs");
  else
    r.verdict = fmt::format("{} is {} (needed {}; {})", name, show(d.interval.estimate), needed, interval);
  r.evidence = fmt::format("{}: {}; min {}, max {}; decided by the {}{}", name, samples_note(s, c.value.metric, unit),
                           format_metric_value(s.min, c.value.metric, unit), format_metric_value(s.max, c.value.metric, unit),
                           r.procedure, fragile_note(d.fragile));
  return r;
}

}  // namespace

bool claim_fails_build(const ClaimResult& result, Strictness strictness) {
  switch (result.outcome) {
    case ClaimOutcome::skipped: return false;
    case ClaimOutcome::holds: return strictness == Strictness::strict && result.fragile;
    case ClaimOutcome::undecided: return strictness != Strictness::lenient;
    case ClaimOutcome::fails: return true;
  }
  return true;
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
  std::string line = fmt::format("claims: {} hold", hold);
  if (fragile) line += fmt::format(" ({} fragile)", fragile);
  line += fmt::format(", {} failed", failed);
  if (undecided) line += fmt::format(", {} undecided", undecided);
  if (skipped) line += fmt::format(", {} skipped", skipped);
  return line;
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
    out.push_back(c.kind == ClaimSpec::Kind::value ? bound(c, results, context) : compare(c, results, context));
  }
  return out;
}

}  // namespace deckgen
