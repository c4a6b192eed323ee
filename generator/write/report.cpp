#include "write/report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/metrics.h"
#include "util/text.h"

namespace deckgen {
namespace {

using json = nlohmann::ordered_json;

// Text for an XML 1.0 attribute or element, whatever bytes it came from: invalid UTF-8
// becomes U+FFFD, and so does every character XML 1.0 forbids even as a character
// reference (C0 controls other than tab, newline and carriage return, and U+FFFE and
// U+FFFF), since one of them makes the whole JUnit file unreadable to a CI dashboard.
std::string escape_xml(std::string_view raw) {
  const std::string text = sanitize_utf8(raw);
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += kReplacement;
    } else if (c == 0xEF && i + 2 < text.size() && text[i + 1] == '\xBF' &&
               (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      out += kReplacement;  // U+FFFE, U+FFFF
      i += 2;
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '\'') {
      out += "&apos;";
    } else if (c == '\r' || c == '\t') {
      out += fmt::format("&#{};", static_cast<int>(c));  // kept as they are, even in attributes
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

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
                    {"other_cpu_seconds", run.busy_judged ? json(run.other_cpu_seconds) : json(nullptr)},
                    {"busy", run.busy_judged ? json(run.busy) : json(nullptr)},
                    {"round", run.round}, {"round_position", run.round_position}});
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
          {"metric_problems", r.metric_problems},
          {"busy_runs", r.busy_runs},
          {"sampled_runs", r.sampled_runs},
          {"sampled_for", r.sampled_for},
          {"shown_run", r.shown_run},
          {"stdout_bytes", r.out.total_bytes},
          {"stderr_bytes", r.err.total_bytes}};
}

// One claim as the report gives it (docs/ci.md, "Reports for CI").
json claim_json(const ClaimResult& c) {
  json claim = {{"block", fmt::format("{}", c.spec.pos)},
                {"holds", c.outcome == ClaimOutcome::holds},
                {"outcome", outcome_name(c.outcome)},
                {"fragile", c.fragile},
                {"verdict", c.verdict},
                {"evidence", c.evidence},
                {"procedure", c.procedure},
                {"advice", c.advice},
                {"observed_fact", c.observed_fact},
                {"paired", c.paired},
                {"planned_looks", c.looks},
                {"confidence", c.confidence}};
  if (c.look)
    claim["look"] = {{"index", c.look->index}, {"runs", c.look->size}, {"level", c.look->alpha},
                     {"overall_level", 1 - c.confidence}};
  if (c.outcome != ClaimOutcome::skipped) claim["runs"] = !compares_two(c.spec.kind)
                                                           ? json::array({c.n_a})
                                                           : json::array({c.n_a, c.n_b});
  if (c.interval && c.interval->bounded)
    claim["interval"] = {{"estimate", c.interval->estimate}, {"lower", c.interval->lower},
                         {"upper", c.interval->upper}, {"achieved_confidence", c.interval->achieved}};
  if (c.bound) claim["bound"] = *c.bound;
  if (c.ratio) claim["ratio"] = *c.ratio;
  if (c.p_value) claim["p_value"] = *c.p_value;
  if (c.measured) claim["measured"] = *c.measured;
  return claim;
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
          {"usable_cores", p.machine.usable_cores},
          {"physical_cores", p.machine.physical_cores}, {"usable_physical_cores", p.machine.usable_physical_cores},
          {"threads_per_core", p.machine.threads_per_core}, {"affinity", p.machine.affinity},
          {"cpu_quota", p.machine.cpu_quota ? json(*p.machine.cpu_quota) : json(nullptr)},
          {"cpus_requested", p.machine.cpus_requested.empty() ? json(nullptr) : json(p.machine.cpus_requested)},
          {"memory_bytes", p.machine.memory_bytes},
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
  doc["claims_together"] = family_statement(results.claims);
  doc["round_seeds"] = {{"runs", results.round_seed}, {"sampling", results.sampling_seed}};
  for (const ClaimResult& c : results.claims) doc["claims"].push_back(claim_json(c));
  if (results.masks && !results.masks->empty()) {
    doc["cpu_masks"] = json::array();
    for (const MaskClaims& mask : *results.masks) {
      json claims = json::array();
      for (const ClaimResult& c : mask.claims) claims.push_back(claim_json(c));
      doc["cpu_masks"].push_back({{"cpus", mask.cpus},
                                  {"affinity", mask.machine.affinity},
                                  {"usable_cores", mask.machine.usable_cores},
                                  {"usable_physical_cores", mask.machine.usable_physical_cores},
                                  {"failed_snippets", mask.failed_snippets},
                                  {"claims", std::move(claims)}});
    }
  }
  if (results.baseline) {
    json changes = json::array();
    for (const MetricChange& c : results.baseline->comparison.changes)
      changes.push_back({{"snippet", c.id}, {"metric", c.metric}, {"old_median", c.old_median},
                         {"new_median", c.new_median}, {"ratio", c.ratio.estimate}, {"lower", c.ratio.lower},
                         {"upper", c.ratio.upper}, {"runs", {c.old_runs, c.new_runs}},
                         {"regression", results.baseline->fail_on_regression_percent &&
                                            is_regression(c, *results.baseline->fail_on_regression_percent)}});
    doc["baseline"] = {{"changes", changes},
                       {"not_significant", results.baseline->comparison.not_significant},
                       {"not_compared", results.baseline->comparison.not_compared}};
  }
  // Snippet output, compiler diagnostics and tool versions may hold any bytes: invalid
  // UTF-8 becomes U+FFFD rather than an exception (controls are escaped by JSON itself).
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

// One test case per claim: a skipped claim (and an undecided one `build` only warns about)
// is <skipped/>, one that fails the build a
// <failure/> whose message is its verdict and whose text is its evidence.
// `mask`: the CPU mask they were decided under (--cpus 1,all), named in the suite and in
// each case, so that a dashboard keeps one case per claim per mask; empty with one mask.
std::string claims_suite(const std::vector<ClaimResult>& claims, Strictness strictness, const std::string& mask) {
  size_t failures = 0, skipped = 0;
  std::string cases;
  std::string under = mask.empty() ? "" : fmt::format(" (--cpus {})", mask);
  for (const ClaimResult& c : claims) {
    std::string where = escape_xml(fmt::format("{}", c.spec.pos));
    cases += fmt::format("    <testcase classname=\"deckgen.claim\" name=\"{}{}\" file=\"{}\"", where,
                         escape_xml(under), where);
    // An undecided claim that does not fail this command (`build`) was not shown to hold either.
    bool undecided_warning = c.outcome == ClaimOutcome::undecided && !claim_fails_build(c, strictness);
    if ((c.outcome == ClaimOutcome::skipped && !claim_fails_build(c, strictness)) || undecided_warning) {
      ++skipped;
      cases += fmt::format(">\n      <skipped message=\"{}\" />\n    </testcase>\n", escape_xml(c.verdict));
    } else if (claim_fails_build(c, strictness)) {
      ++failures;
      cases += fmt::format(">\n      <failure message=\"{}{}\">{}</failure>\n    </testcase>\n",
                           c.outcome == ClaimOutcome::holds     ? "fragile: "
                           : c.outcome == ClaimOutcome::skipped ? "--strict: "
                                                                : "",
                           escape_xml(c.verdict),
                           escape_xml(c.evidence));
    } else {
      cases += " />\n";
    }
  }
  return fmt::format("  <testsuite name=\"deckgen claims{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n{}"
                     "  </testsuite>\n", escape_xml(under), claims.size(), failures, skipped, cases);
}

// --cpus 1,all: the snippets that failed under a further mask (the snippets suite has the
// first mask's), one failing case each; nothing when none did.
std::string failed_snippets_suite(const MaskClaims& mask) {
  if (mask.failed_snippets.empty()) return {};
  std::string under = escape_xml(fmt::format(" (--cpus {})", mask.cpus)), cases;
  for (const std::string& id : mask.failed_snippets)
    cases += fmt::format("    <testcase classname=\"deckgen.snippet\" name=\"{}{}\">\n"
                         "      <failure message=\"failed{}\" />\n    </testcase>\n", escape_xml(id), under, under);
  return fmt::format("  <testsuite name=\"deckgen snippets{}\" tests=\"{}\" failures=\"{}\">\n{}  </testsuite>\n",
                     under, mask.failed_snippets.size(), mask.failed_snippets.size(), cases);
}

// One test case per significant change since the baseline; a regression beyond
// --fail-on-regression is a failure.
std::string baseline_suite(const BaselineOutcome& b) {
  std::string cases;
  for (const MetricChange& c : b.comparison.changes) {
    cases += fmt::format("    <testcase classname=\"deckgen.baseline\" name=\"{} {}\"", escape_xml(c.id),
                         escape_xml(c.metric));
    if (b.fail_on_regression_percent && is_regression(c, *b.fail_on_regression_percent))
      cases += fmt::format(">\n      <failure message=\"{}\" />\n    </testcase>\n", escape_xml(describe_change(c)));
    else
      cases += fmt::format(">\n      <system-out>{}</system-out>\n    </testcase>\n", escape_xml(describe_change(c)));
  }
  return fmt::format("  <testsuite name=\"deckgen baseline\" tests=\"{}\" failures=\"{}\">\n{}  </testsuite>\n",
                     b.comparison.changes.size(), b.regressions, cases);
}

}  // namespace

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
                         escape_xml(planned.spec.language), escape_xml(r.id), escape_xml(fmt::format("{}", planned.spec.pos)), time);
    if (r.outcome == Outcome::failed) {
      ++failures;
      std::string detail = r.compile_output.empty() ? r.err.text : r.compile_output;
      if (detail.size() > 4000) detail = detail.substr(detail.size() - 4000);
      cases += fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n", escape_xml(r.failure),
                           escape_xml(detail));
    } else {
      cases += " />\n";
    }
  }
  std::string suites = fmt::format("  <testsuite name=\"deckgen snippets\" tests=\"{}\" failures=\"{}\" time=\"{:.6f}\">\n{}"
                                   "  </testsuite>\n", results.plan.snippets.size(), failures, total, cases);
  if (results.masks && !results.masks->empty()) {  // --cpus 1,all: every mask's, the first's (`claims`) first
    for (size_t i = 0; i < results.masks->size(); ++i) {
      const MaskClaims& mask = (*results.masks)[i];
      if (i > 0) suites += failed_snippets_suite(mask);
      if (!mask.claims.empty()) suites += claims_suite(mask.claims, results.strictness, mask.cpus);
    }
  } else if (!results.claims.empty()) {
    suites += claims_suite(results.claims, results.strictness, "");
  }
  if (results.baseline) suites += baseline_suite(*results.baseline);
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n{}</testsuites>\n", suites);
}

}  // namespace deckgen
