#include "read/option_blocks.h"

#include <cmath>

#include "model/metrics.h"
#include "read/yaml_values.h"

namespace deckgen {
ClaimSpec parse_claim_block(std::string_view yaml, const SourcePos& block) {
  ClaimSpec c;
  c.pos = block;
  YamlValues v(block.file, block.line + 1);
  constexpr std::string_view example = "`faster: A` / `than: B` / `by: 3`, or `value: ID.m.NAME` / `below: 100`";
  YAML::Node root = v.load_block(yaml, block, "claim block", fmt::format("for example: {}", example));
  InputErrorList key_errors;
  v.collect_key_errors(key_errors);
  int kinds = 0;
  bool has_than = false;
  // `by:` is a factor of at least 1; one that names machine facts is checked when it is
  // evaluated, on the machine.
  auto factor = [&v](const YAML::Node& n, const std::string& key) {
    Expression e = parse_expression(v.scalar(n, key), v.pos(n), ExpressionKind::number);
    double constant = e.uses_machine_facts() ? 1 : evaluate(e, {});
    if (constant < 1 || constant > 1e6)
      throw InputError(v.pos(n), fmt::format("'{}' must be a number from 1 to 1000000, not '{}'", key, e.text));
    return e;
  };
  // `below: 1/0` would hold for every measurement: a bound that is not a finite number
  // means nothing, so a constant one is refused here (one that names machine facts is
  // checked when it is evaluated).
  auto bound = [&v](const YAML::Node& n, const std::string& key) {
    Expression e = parse_expression(v.scalar(n, key), v.pos(n), ExpressionKind::number);
    if (double value = e.uses_machine_facts() ? 0 : evaluate(e, {}); !std::isfinite(value))
      throw InputError(v.pos(n), fmt::format("'{}: {}' is {}, not a finite number", key, e.text,
                                             std::isnan(value) ? "NaN" : value > 0 ? "infinite" : "minus infinite"),
                       "write a finite bound, like `below: 100`");
    return e;
  };
  v.for_each_key(root, "claim block",
                 {"faster", "less", "not_faster", "not_less", "than", "by", "margin", "metric", "value", "below", "above",
                  "when", "budget", "max_runs"},
                 [&](const std::string& key, const YAML::Node& n) {
                   if (key == "faster" || key == "less") {
                     c.kind = ClaimSpec::Kind::faster, c.a = v.scalar(n, key), ++kinds;
                     c.less_wording = key == "less";
                   }
                   if (key == "not_faster" || key == "not_less") {
                     c.kind = ClaimSpec::Kind::not_faster, c.a = v.scalar(n, key), ++kinds;
                     c.less_wording = key == "not_less";
                   }
                   if (key == "value") c.kind = ClaimSpec::Kind::value, c.value = parse_metric_ref(v.scalar(n, key), v.pos(n)), ++kinds;
                   if (key == "than") c.b = v.scalar(n, key), has_than = true;
                   if (key == "by") c.by = factor(n, key);
                   if (key == "margin") c.margin = v.number(n, key, 1.0, 1e6);
                   if (key == "below") c.below = bound(n, key);
                   if (key == "above") c.above = bound(n, key);
                   if (key == "when") c.when = parse_expression(v.scalar(n, key), v.pos(n), ExpressionKind::condition);
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
    throw InputError(block, "a claim says exactly one of faster, less, not_faster, not_less or value",
                     fmt::format("for example: {}", example));
  if (c.kind == ClaimSpec::Kind::value) {
    if (!c.below && !c.above) throw InputError(block, "a value claim needs `below:` or `above:`");
    if (has_than || c.by) throw InputError(block, "`than:` and `by:` belong to faster/less claims, not value claims");
  } else {
    if (!has_than) throw InputError(block, "the claim says what is compared but not `than:` what");
    if (c.below || c.above) throw InputError(block, "`below:` and `above:` belong to value claims");
    if (c.by && c.kind == ClaimSpec::Kind::not_faster) throw InputError(block, "`by:` belongs to faster/less claims");
    if (c.margin && c.kind == ClaimSpec::Kind::faster)
      throw InputError(block, "`margin:` belongs to not_faster/not_less claims", "a faster claim states its factor with `by:`");
  }
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
  v.for_each_key(root, "timeline block", {"snippet", "title", "lanes"}, [&](const std::string& key, const YAML::Node& n) {
    if (key == "snippet") t.snippet = v.scalar(n, key), has_snippet = true;
    if (key == "title") t.title = v.scalar(n, key);
    if (key == "lanes") t.lanes = static_cast<int>(v.integer(n, key, 1, 100));
  });
  key_errors.throw_if_any();
  if (!has_snippet) throw InputError(block, "a timeline needs `snippet: ID` (a run block with `trace: true`)");
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
