#include "read/option_blocks.h"

#include <cmath>
#include <cstdlib>

#include "model/metrics.h"
#include "read/yaml_values.h"

namespace deckgen {
namespace {

// The largest `margin:` of `not_faster`: the speed-up that still counts as "not faster".
// Beyond 3× the claim says "less than 3× faster", which is a bound on a speed-up, not a
// statement that there is none: a margin of 1000000 would hold for nearly anything.
constexpr double kMaxMargin = 3;

// A claim that cannot fail checks nothing, yet its ✓ would look like evidence: each of
// these is an input error at its key, saying what to write instead.

// `by:` is a factor above 1 (at most 1000000); one that names machine facts is checked
// when it is evaluated, on the machine (measure/claims.cpp).
Expression factor(const YamlValues& v, const YAML::Node& n, const std::string& key) {
  Expression e = parse_expression(v.scalar(n, key), v.pos(n), ExpressionKind::number);
  if (e.uses_machine_facts()) return e;
  double constant = evaluate(e, {});
  if (!std::isfinite(constant))
    throw InputError(v.pos(n), fmt::format("'{}: {}' is not a finite number", key, e.text),
                     "write a factor above 1, like `by: 1.5`");
  if (constant <= 1)
    throw InputError(v.pos(n), fmt::format("'{}: {}' is a factor of at most 1: it would hold for a snippet that is "
                                           "not faster, so the claim cannot fail", key, e.text),
                     "to claim that A is faster at all, leave out `by:`; to claim how much faster, give a factor "
                     "above 1, like `by: 1.5`; to claim that A is not much slower, write `not_faster: B` / `than: A`");
  if (constant > 1e6)
    throw InputError(v.pos(n), fmt::format("'{}: {}' is more than 1000000", key, e.text),
                     "give a factor above 1 and at most 1000000");
  return e;
}

double margin_of(const YamlValues& v, const YAML::Node& n, const std::string& key) {
  std::string text = v.scalar(n, key);
  char* end = nullptr;
  double m = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(m))
    throw InputError(v.pos(n), fmt::format("'{}' must be a number above 1 and at most {}, not '{}'", key, kMaxMargin, text),
                     "give the largest speed-up you would still call \"not faster\", like `margin: 1.10`");
  if (m <= 1)
    throw InputError(v.pos(n), fmt::format("'{}: {}' leaves no room: the claim could hold only if A were measurably "
                                           "slower", key, text),
                     fmt::format("to claim that B is faster, write `faster: B` / `than: A`; otherwise give the largest "
                                 "speed-up you would still call \"not faster\": above 1 and at most {} (default 1.10)",
                                 kMaxMargin));
  if (m > kMaxMargin)
    throw InputError(v.pos(n), fmt::format("'{}: {}' is not \"not faster\": the claim would hold for A up to {}× "
                                           "faster than B", key, text, text),
                     fmt::format("give the largest speed-up you would still call \"not faster\": above 1 and at most "
                                 "{} (default 1.10); to bound a speed-up, record it as a metric and write `value: "
                                 "ID.m.speedup` / `below: {}`", kMaxMargin, text));
  return m;
}

// `below:`/`above:`: a constant bound must be a finite number (`1/0` is not).
Expression bound(const YamlValues& v, const YAML::Node& n, const std::string& key) {
  Expression e = parse_expression(v.scalar(n, key), v.pos(n), ExpressionKind::number);
  if (double value = e.uses_machine_facts() ? 0 : evaluate(e, {}); !std::isfinite(value))
    throw InputError(v.pos(n), fmt::format("'{}: {}' is {}, not a finite number", key, e.text,
                                           std::isnan(value) ? "NaN" : value > 0 ? "infinite" : "minus infinite"),
                     fmt::format("write a finite bound, like `{}: 100`", key));
  return e;
}

// `value: ID.METRIC.n` is the number of runs, which the deck and the sampler choose.
MetricRef measured_value(const YamlValues& v, const YAML::Node& n, const std::string& key) {
  MetricRef ref = parse_metric_ref(v.scalar(n, key), v.pos(n));
  if (ref.stat == Statistic::n)
    throw InputError(v.pos(n), fmt::format("'{}' is the number of runs, which the deck and the sampler choose: "
                                           "it is not measured, so a claim on it cannot fail", v.scalar(n, key)),
                     fmt::format("to check what the snippet did, give its run block an `expect:`; to show the "
                                 "run count, write {{{{{}}}}} in the text", v.scalar(n, key)));
  return ref;
}

}  // namespace

ClaimSpec parse_claim_block(std::string_view yaml, const SourcePos& block) {
  ClaimSpec c;
  c.pos = block;
  YamlValues v(block.file, block.line + 1);
  constexpr std::string_view example = "`faster: A` / `than: B` / `by: 3`, or `value: ID.m.NAME` / `below: 100`";
  YAML::Node root = v.load_block(yaml, block, "claim block", fmt::format("for example: {}", example));
  InputErrorList key_errors;
  v.collect_key_errors(key_errors);
  int kinds = 0;
  bool has_than = false, has_to = false;
  SourcePos than_at, skip_ok_at;
  v.for_each_key(root, "claim block",
                 {"faster", "less", "not_faster", "not_less", "equivalent", "than", "to", "by", "margin", "metric", "value",
                  "below", "above", "when", "skip_ok", "budget", "max_runs"},
                 [&](const std::string& key, const YAML::Node& n) {
                   if (key == "faster" || key == "less") {
                     c.kind = ClaimSpec::Kind::faster, c.a = v.scalar(n, key), ++kinds;
                     c.less_wording = key == "less";
                   }
                   if (key == "not_faster" || key == "not_less") {
                     c.kind = ClaimSpec::Kind::not_faster, c.a = v.scalar(n, key), ++kinds;
                     c.less_wording = key == "not_less";
                   }
                   if (key == "equivalent") c.kind = ClaimSpec::Kind::equivalent, c.a = v.scalar(n, key), ++kinds;
                   if (key == "to") c.b = v.scalar(n, key), has_to = true, than_at = v.pos(n);
                   if (key == "value") c.kind = ClaimSpec::Kind::value, c.value = measured_value(v, n, key), ++kinds;
                   if (key == "than") c.b = v.scalar(n, key), has_than = true, than_at = v.pos(n);
                   if (key == "by") c.by = factor(v, n, key);
                   if (key == "margin") c.margin = margin_of(v, n, key);
                   if (key == "below") c.below = bound(v, n, key);
                   if (key == "above") c.above = bound(v, n, key);
                   if (key == "when") c.when = parse_expression(v.scalar(n, key), v.pos(n), ExpressionKind::condition);
                   if (key == "skip_ok") c.skip_ok = v.boolean(n, key), skip_ok_at = v.pos(n);
                   if (key == "budget") c.budget_seconds = v.number(n, key, 0, 3600);
                   if (key == "max_runs") c.max_runs = static_cast<int>(v.integer(n, key, 1, 10000));
                   if (key == "metric") {
                     c.metric = v.scalar(n, key);
                     if (!is_known_metric(c.metric))
                       throw InputError(v.pos(n), fmt::format("unknown metric '{}'", c.metric),
                                        fmt::format("use {} or m.NAME (a metric the snippet recorded)", builtin_metric_names()));
                   }
                 });
  key_errors.throw_if_any();
  if (kinds != 1)
    throw InputError(block, "a claim says exactly one of faster, less, not_faster, not_less, equivalent or value",
                     fmt::format("for example: {}", example));
  if (c.kind == ClaimSpec::Kind::value) {
    if (!c.below && !c.above) throw InputError(block, "a value claim needs `below:` or `above:`");
    if (has_than || c.by) throw InputError(block, "`than:` and `by:` belong to faster/less claims, not value claims");
  } else if (c.kind == ClaimSpec::Kind::equivalent) {
    if (!has_to) throw InputError(block, "an equivalent claim says `to:` what", "for example: `equivalent: A` / `to: B` / `margin: 1.1`");
    if (has_than || c.by || c.below || c.above)
      throw InputError(block, "an equivalent claim takes `to:` and `margin:` only");
    if (c.a == c.b)
      throw InputError(than_at, fmt::format("the claim compares '{}' with itself", c.a),
                       "compare two different snippets");
  } else {
    if (has_to) throw InputError(block, "`to:` belongs to equivalent claims", "a faster claim compares with `than:`");
    if (!has_than) throw InputError(block, "the claim says what is compared but not `than:` what");
    if (c.below || c.above) throw InputError(block, "`below:` and `above:` belong to value claims");
    if (c.by && c.kind == ClaimSpec::Kind::not_faster) throw InputError(block, "`by:` belongs to faster/less claims");
    if (c.margin && c.kind == ClaimSpec::Kind::faster)
      throw InputError(block, "`margin:` belongs to not_faster/not_less claims", "a faster claim states its factor with `by:`");
    if (c.a == c.b)
      throw InputError(than_at, fmt::format("the claim compares '{}' with itself", c.a),
                       fmt::format("compare two different snippets; to bound the snippet's own measurement, write "
                                   "`value: {}.{}` / `below: …`", c.a, c.metric));
  }
  if (c.skip_ok && !c.when)
    throw InputError(skip_ok_at, "`skip_ok: true` without `when:`: the claim is never skipped",
                     "remove `skip_ok:`, or add the `when:` condition under which the claim applies");
  return c;
}

ChartSpec parse_chart_block(std::string_view yaml, const SourcePos& block) {
  ChartSpec c;
  c.pos = block;
  YamlValues v(block.file, block.line + 1);
  YAML::Node root = v.load_block(yaml, block, "chart block", "for example: `metric: wall` / `snippets: [a, b]`");
  InputErrorList key_errors;
  v.collect_key_errors(key_errors);
  v.for_each_key(root, "chart block", {"title", "metric", "snippets", "labels", "scale"}, [&](const std::string& key, const YAML::Node& n) {
    if (key == "title") c.title = v.scalar(n, key);
    if (key == "scale") {
      std::string scale = v.scalar(n, key);
      if (scale != "linear" && scale != "log")
        throw InputError(v.pos(n), fmt::format("unknown chart scale '{}'", scale), "use `scale: linear` or `scale: log`");
      c.scale = scale == "log" ? ChartSpec::Scale::log : ChartSpec::Scale::linear;
    }
    if (key == "snippets") c.snippets = v.list(n, key);
    if (key == "labels") c.labels = v.list(n, key);
    if (key == "metric") {
      c.metric = v.scalar(n, key);
      if (!is_known_metric(c.metric))
        throw InputError(v.pos(n), fmt::format("unknown metric '{}'", c.metric), fmt::format("use {} or m.NAME", builtin_metric_names()));
    }
  });
  key_errors.throw_if_any();
  if (c.snippets.empty()) throw InputError(block, "a chart needs `snippets: [a, b, ...]`");
  if (!c.labels.empty() && c.labels.size() != c.snippets.size())
    throw InputError(block, fmt::format("the chart has {} labels for {} snippets", c.labels.size(), c.snippets.size()));
  return c;
}

TimelineSpec parse_timeline_block(std::string_view yaml, const SourcePos& block) {
  TimelineSpec t;
  t.pos = block;
  YamlValues v(block.file, block.line + 1);
  YAML::Node root = v.load_block(yaml, block, "timeline block", "for example: `snippet: ID`");
  InputErrorList key_errors;
  v.collect_key_errors(key_errors);
  bool has_snippet = false;
  v.for_each_key(root, "timeline block", {"snippet", "title", "lanes", "cpus"}, [&](const std::string& key, const YAML::Node& n) {
    if (key == "snippet") t.snippet = v.scalar(n, key), has_snippet = true;
    if (key == "title") t.title = v.scalar(n, key);
    if (key == "lanes") t.lanes = static_cast<int>(v.integer(n, key, 1, 100));
    if (key == "cpus") t.cpus = v.boolean(n, key);
  });
  key_errors.throw_if_any();
  if (!has_snippet) throw InputError(block, "a timeline needs `snippet: ID` (a run block with `trace: true` or `trace: threads`)");
  return t;
}

std::vector<PlaceholderMatch> find_placeholders(std::string_view text, const SourcePos& pos) {
  std::vector<PlaceholderMatch> found;
  // Lines are counted from the previous placeholder on, not from the top each time:
  // counting from the top made 200,000 placeholders take 66 s (issue 24).
  size_t newlines = 0, counted_to = 0, line_start = 0;
  for (size_t at = 0; (at = text.find("{{", at)) != std::string_view::npos;) {
    size_t end = text.find("}}", at + 2);
    // Column of the placeholder: the text node's column plus its offset on the first line.
    SourcePos where = pos;
    for (; counted_to < at; ++counted_to)
      if (text[counted_to] == '\n') ++newlines, line_start = counted_to + 1;
    where.line += static_cast<int>(newlines);
    where.column = newlines ? static_cast<int>(at - line_start + 1) : pos.column + static_cast<int>(at);
    if (end == std::string_view::npos)
      throw InputError(where, "'{{' is never closed by '}}'", "write {{ID.METRIC}}, or `{{` in code to show braces");
    std::string_view written = text.substr(at + 2, end - at - 2);
    found.push_back({at, end + 2, written, parse_placeholder(std::string(written), where)});
    at = end + 2;
  }
  return found;
}

}  // namespace deckgen
