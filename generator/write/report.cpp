#include "write/report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/metrics.h"
#include "render/html.h"

namespace deckgen {
namespace {

using json = nlohmann::ordered_json;

json summary_json(const Summary& s) {
  json outliers = json::array();
  for (size_t i : s.outliers) outliers.push_back(i);
  return {{"n", s.n}, {"median", s.median}, {"mad", s.mad}, {"mean", s.mean}, {"stddev", s.stddev},
          {"min", s.min}, {"max", s.max}, {"outliers", outliers}, {"unstable", s.unstable}};
}

json snippet_json(const PlannedSnippet& p, const SnippetResult& r) {
  json runs = json::array();
  for (const RunRecord& run : r.runs)
    runs.push_back({{"index", run.index}, {"exit_code", run.exit_code}, {"signal", run.signal},
                    {"timed_out", run.timed_out}, {"wall_seconds", run.wall_seconds},
                    {"user_seconds", run.user_seconds}, {"system_seconds", run.system_seconds},
                    {"max_rss_bytes", run.max_rss_kib * 1024}, {"voluntary_switches", run.voluntary_switches},
                    {"involuntary_switches", run.involuntary_switches},
                    {"other_cpu_seconds", run.other_cpu_seconds}, {"busy", run.busy}});
  json stats = json::object();
  for (const BuiltinMetric& m : builtin_metrics()) {
    auto s = r.stats.find(std::string(m.name));
    if (s == r.stats.end()) continue;
    json entry = summary_json(s->second);
    entry["label"] = m.label;
    entry["unit"] = unit_symbol(m.quantity);
    stats[std::string(m.name)] = std::move(entry);
  }
  json metrics = json::object();
  for (const auto& [name, m] : r.metrics)
    metrics[name] = {{"unit", m.unit}, {"values", m.values}, {"stats", summary_json(r.metric_stats.at(name))}};
  return {{"id", r.id},
          {"file", p.spec.display_file},
          {"block", fmt::format("{}", p.spec.pos)},
          {"language", p.spec.language},
          {"outcome", r.outcome == Outcome::passed ? "passed" : "failed"},
          {"failure", r.failure},
          {"from_cache", r.from_cache},
          {"compiled", r.compiled},
          {"compile_seconds", r.compile_seconds},
          {"compile_reused", r.compile_reused},
          {"warmup_runs", r.warmup_runs},
          {"warmup_seconds", r.warmup_seconds},
          {"runs", runs},
          {"stats", stats},
          {"metrics", metrics},
          {"busy_runs", r.busy_runs},
          {"stdout_bytes", r.out.total_bytes},
          {"stderr_bytes", r.err.total_bytes}};
}

}  // namespace

std::string report_json(const BuildResults& results) {
  const Provenance& p = results.provenance;
  json tools = json::array();
  for (const ToolInfo& t : p.tools) tools.push_back({{"language", t.language}, {"path", t.path}, {"version", t.version}});
  json doc = {
      {"schema", "deckgen-report/1"},
      {"provenance",
       {{"date", p.date},
        {"deckgen_version", p.deckgen_version},
        {"git_revision", p.git_revision},
        {"machine",
         {{"cpu_model", p.machine.cpu_model}, {"logical_cores", p.machine.logical_cores},
          {"physical_cores", p.machine.physical_cores}, {"memory_bytes", p.machine.memory_bytes},
          {"kernel", p.machine.kernel}, {"distribution", p.machine.distribution},
          {"fingerprint", machine_fingerprint(p.machine)}}},
        {"tools", tools},
        {"harness_overhead",
         {{"true_wall", summary_json(p.overhead.true_wall)},
          {"python_start_wall", summary_json(p.overhead.python_start_wall)}}}}},
      {"snippets", json::array()},
  };
  for (const PlannedSnippet& planned : results.plan.snippets) {
    auto found = results.snippets.find(planned.spec.id);
    if (found != results.snippets.end()) doc["snippets"].push_back(snippet_json(planned, found->second));
  }
  doc["claims"] = json::array();
  for (const ClaimResult& c : results.claims) {
    json claim = {{"block", fmt::format("{}", c.spec.pos)}, {"holds", c.ok}, {"verdict", c.verdict}, {"evidence", c.evidence}};
    if (c.ratio) claim["ratio"] = *c.ratio;
    if (c.p_value) claim["p_value"] = *c.p_value;
    if (c.measured) claim["measured"] = *c.measured;
    doc["claims"].push_back(claim);
  }
  return doc.dump(2) + "\n";
}

std::string junit_xml(const BuildResults& results) {
  size_t failures = 0;
  double total = 0;
  std::string cases;
  for (const PlannedSnippet& planned : results.plan.snippets) {
    auto found = results.snippets.find(planned.spec.id);
    if (found == results.snippets.end()) continue;
    const SnippetResult& r = found->second;
    double time = r.compile_seconds;
    for (const RunRecord& run : r.runs) time += run.wall_seconds;
    total += time;
    cases += fmt::format("    <testcase classname=\"deckgen.{}\" name=\"{}\" file=\"{}\" time=\"{:.6f}\"",
                         escape_html(planned.spec.language), escape_html(r.id), escape_html(fmt::format("{}", planned.spec.pos)), time);
    if (r.outcome == Outcome::failed) {
      ++failures;
      std::string detail = r.compile_output.empty() ? r.err.text : r.compile_output;
      if (detail.size() > 4000) detail = detail.substr(detail.size() - 4000);
      cases += fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n", escape_html(r.failure),
                           escape_html(detail));
    } else {
      cases += " />\n";
    }
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"deckgen snippets\" "
                     "tests=\"{}\" failures=\"{}\" time=\"{:.6f}\">\n{}  </testsuite>\n</testsuites>\n",
                     results.plan.snippets.size(), failures, total, cases);
}

}  // namespace deckgen
