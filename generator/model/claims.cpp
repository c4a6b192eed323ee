#include "model/claims.h"

#include <fmt/format.h>

#include <sstream>

#include "model/input_error.h"
#include "model/metrics.h"

namespace deckgen {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) parts.push_back(part);
  if (!s.empty() && s.back() == sep) parts.push_back("");
  return parts;
}

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

bool is_known_metric(const std::string& metric) {
  if (metric.starts_with("m.") && metric.size() > 2) return true;
  return find_builtin_metric(metric) != nullptr;
}

MetricRef parse_metric_ref(const std::string& text, const SourcePos& pos) {
  std::vector<std::string> parts = split(text, '.');
  MetricRef ref;
  auto bad = [&](const std::string& why) {
    return InputError(pos, fmt::format("'{}' {}", text, why),
                      fmt::format("write ID.METRIC or ID.METRIC.STAT: METRIC is {} or m.NAME; "
                                  "STAT is {}", builtin_metric_names(), statistic_names()));
  };
  if (parts.size() < 2 || parts[0].empty()) throw bad("does not name a snippet and a metric");
  ref.id = parts[0];
  size_t next = 2;
  if (parts[1] == "threads" || (parts[1] == "m" && parts.size() > 2 && parts[2] == "threads")) {
    // What sampling the snippet's threads recorded (`trace: threads`): ID.threads.NAME,
    // kept with the snippet's own metrics as m.threads.NAME.
    size_t name = parts[1] == "m" ? 3 : 2;
    if (parts.size() <= name || parts[name].empty()) throw bad("names no thread metric after 'threads.'");
    ref.metric = "m.threads." + parts[name];
    next = name + 1;
  } else if (parts[1] == "m") {
    if (parts.size() < 3 || parts[2].empty()) throw bad("names no recorded metric after 'm.'");
    ref.metric = "m." + parts[2];
    next = 3;
  } else {
    ref.metric = parts[1];
  }
  if (!is_known_metric(ref.metric)) throw bad(fmt::format("has an unknown metric '{}'", ref.metric));
  if (parts.size() > next) {
    std::optional<Statistic> stat = find_statistic(parts[next]);
    if (!stat) throw bad(fmt::format("has an unknown statistic '{}'", parts[next]));
    ref.stat = *stat;
  }
  if (parts.size() > next + 1) throw bad("has too many parts");
  return ref;
}

Placeholder parse_placeholder(const std::string& raw, const SourcePos& pos) {
  Placeholder p;
  p.pos = pos;
  p.text = trimmed(raw);
  if (p.text.starts_with("ratio ")) {
    std::stringstream in(p.text.substr(6));
    std::string a, b, metric = "wall", extra;
    in >> a >> b;
    if (!(in >> metric)) metric = "wall";
    if (a.empty() || b.empty() || (in >> extra))
      throw InputError(pos, fmt::format("'{{{{{}}}}}' is not a ratio of two snippets", p.text),
                       "write {{ratio A B}} or {{ratio A B METRIC}}");
    p.kind = Placeholder::Kind::ratio;
    p.a = parse_metric_ref(a + "." + metric, pos);
    p.b = parse_metric_ref(b + "." + metric, pos);
    return p;
  }
  if (p.text == "machine.cores" || p.text == "machine.physical_cores" || p.text == "machine.logical_cores" ||
      p.text == "machine.cpu" || p.text == "machine.memory") {
    p.kind = Placeholder::Kind::machine;
    p.field = p.text;
    return p;
  }
  if (p.text == "python.version") {
    p.kind = Placeholder::Kind::python;
    p.field = p.text;
    return p;
  }
  p.kind = Placeholder::Kind::stat;
  p.a = parse_metric_ref(p.text, pos);
  return p;
}

bool compares_two(ClaimSpec::Kind kind) {
  switch (kind) {
    case ClaimSpec::Kind::faster:
    case ClaimSpec::Kind::not_faster:
    case ClaimSpec::Kind::equivalent: return true;
    case ClaimSpec::Kind::value: return false;
  }
  return false;
}

std::vector<std::string> claim_snippets(const ClaimSpec& c) {
  if (compares_two(c.kind)) return {c.a, c.b};
  return {c.value.id};
}

const std::string& claim_metric(const ClaimSpec& c) { return compares_two(c.kind) ? c.metric : c.value.metric; }

}  // namespace deckgen
