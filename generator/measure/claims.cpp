#include "measure/claims.h"

#include <fmt/format.h>

#include "measure/stats.h"
#include "measure/units.h"
#include "model/metrics.h"

namespace deckgen {
namespace {

std::string samples_note(const Summary& s, const std::string& metric, const std::string& unit) {
  return fmt::format("median {} ± {} (n={})", format_metric_value(s.median, metric, unit),
                     format_metric_value(s.mad, metric, unit), s.n);
}

ClaimResult compare(const ClaimSpec& c, const Results& results) {
  ClaimResult r;
  r.spec = c;
  std::vector<double> a = metric_samples(results, c.a, c.metric, c.pos);
  std::vector<double> b = metric_samples(results, c.b, c.metric, c.pos);
  const char* verb = c.less_wording ? "uses less" : "is faster";
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
  SignificanceTest test = mann_whitney_less(a, b);
  double ratio = sa.median > 0 ? sb.median / sa.median : 0;
  r.ratio = ratio;
  r.p_value = test.p_value;
  r.evidence = fmt::format("{}: {}; {}: {}; ratio of medians {}; one-sided Mann-Whitney U = {}, p = {:.3g}{}",
                           c.a, samples_note(sa, c.metric, unit), c.b, samples_note(sb, c.metric, unit),
                           format_ratio(ratio), test.u, test.p_value, test.exact ? " (exact)" : " (normal approximation)");
  if (c.kind == ClaimSpec::Kind::faster && c.by) {
    r.ok = ratio >= *c.by;
    r.verdict = fmt::format("{} {} than {} by {}{} (needed ≥ {})", c.a, verb, c.b, format_ratio(ratio), what,
                            format_ratio(*c.by));
    if (!r.ok && ratio < 1)
      r.verdict = fmt::format("{} is not {} than {}: {} as much{} (needed ≥ {})", c.a, c.less_wording ? "less" : "faster",
                              c.b, format_ratio(1 / ratio), what, format_ratio(*c.by));
    return r;
  }
  if (!test.enough_data) {
    r.verdict = fmt::format("too few runs to tell whether {} {} than {}: {} and {} runs cannot reach p < {} "
                            "(give both `runs: 5` or more)", c.a, verb, c.b, a.size(), b.size(), test.alpha);
    return r;
  }
  if (c.kind == ClaimSpec::Kind::faster) {
    r.ok = test.significant();
    r.verdict = r.ok ? fmt::format("{} {} than {}: {}{} (p = {:.2g})", c.a, verb, c.b, format_ratio(ratio), what, test.p_value)
                     : fmt::format("{} is not significantly {} than {}: {}{} (p = {:.2g})", c.a,
                                   c.less_wording ? "less" : "faster", c.b, format_ratio(ratio), what, test.p_value);
  } else {
    r.ok = !test.significant();
    r.verdict = r.ok ? fmt::format("{} is not significantly {} than {}: {}{} (p = {:.2g})", c.a,
                                   c.less_wording ? "less" : "faster", c.b, format_ratio(ratio), what, test.p_value)
                     : fmt::format("{} {} than {} after all: {}{} (p = {:.2g})", c.a, verb, c.b, format_ratio(ratio), what,
                                   test.p_value);
  }
  return r;
}

ClaimResult bound(const ClaimSpec& c, const Results& results) {
  ClaimResult r;
  r.spec = c;
  std::string name = fmt::format("{}.{}", c.value.id, c.value.metric);
  std::optional<Summary> summary = metric_summary(results, c.value.id, c.value.metric, c.pos);
  if (!summary) {
    r.verdict = fmt::format("cannot check {}: snippet '{}' has no measurements (it failed)", name, c.value.id);
    return r;
  }
  const Summary& s = *summary;
  std::string unit = metric_unit(results, c.value.id, c.value.metric);
  double v = statistic(s, c.value.stat);
  r.measured = v;
  r.ok = (!c.below || v < *c.below) && (!c.above || v > *c.above);
  std::string needed;
  if (c.below && c.above) needed = fmt::format("between {} and {}", format_metric_value(*c.above, c.value.metric, unit),
                                               format_metric_value(*c.below, c.value.metric, unit));
  else if (c.below) needed = fmt::format("below {}", format_metric_value(*c.below, c.value.metric, unit));
  else needed = fmt::format("above {}", format_metric_value(*c.above, c.value.metric, unit));
  r.verdict = fmt::format("{} {} {} (needed {})", name, c.value.stat == "median" ? "is" : c.value.stat + " is",
                          format_metric_value(v, c.value.metric, unit), needed);
  r.evidence = fmt::format("{}: {}; min {}, max {}", name, samples_note(s, c.value.metric, unit),
                           format_metric_value(s.min, c.value.metric, unit), format_metric_value(s.max, c.value.metric, unit));
  return r;
}

}  // namespace

std::vector<ClaimResult> check_claims(const std::vector<ClaimSpec>& claims, const Results& results) {
  std::vector<ClaimResult> out;
  for (const ClaimSpec& c : claims) out.push_back(c.kind == ClaimSpec::Kind::value ? bound(c, results) : compare(c, results));
  return out;
}

}  // namespace deckgen
