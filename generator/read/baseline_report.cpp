#include "read/baseline_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/input_error.h"
#include "util/files.h"

namespace deckgen {
namespace {

using nlohmann::json;

SnippetResult snippet_from(const json& s) {
  SnippetResult r;
  r.id = s.at("id").get<std::string>();
  r.outcome = s.value("outcome", std::string("passed")) == "passed" ? Outcome::passed : Outcome::failed;
  for (const json& run : s.at("runs")) {
    RunRecord rec;
    rec.index = run.value("index", 0);
    rec.exit_code = run.value("exit_code", 0);
    rec.wall_seconds = run.at("wall_seconds").get<double>();
    rec.user_seconds = run.value("user_seconds", 0.0);
    rec.system_seconds = run.value("system_seconds", 0.0);
    rec.max_rss_kib = run.value("max_rss_bytes", 0L) / 1024;
    rec.voluntary_switches = run.value("voluntary_switches", 0L);
    rec.involuntary_switches = run.value("involuntary_switches", 0L);
    r.runs.push_back(rec);
  }
  if (s.contains("metrics"))
    for (const auto& [name, m] : s.at("metrics").items())
      r.metrics[name] = MetricSeries{m.value("unit", std::string()), m.at("values").get<std::vector<double>>()};
  return r;
}

}  // namespace

BaselineReport read_baseline_report(const std::filesystem::path& file) {
  SourcePos where{file.generic_string(), 0, 0};
  std::string text;
  if (!read_file(file, text))
    throw InputError(where, "cannot read the baseline report", "give --baseline a file an earlier `--report` wrote");
  BaselineReport b;
  b.file = file;
  try {
    json doc = json::parse(text);
    if (doc.value("schema", std::string()) != "deckgen-report/1")
      throw InputError(where, "not a deckgen report (its schema is not deckgen-report/1)",
                       "give --baseline a file an earlier `--report` wrote");
    const json& provenance = doc.at("provenance");
    b.date = provenance.value("date", std::string());
    b.fingerprint = provenance.at("machine").value("fingerprint", std::string());
    for (const json& s : doc.at("snippets")) {
      SnippetResult r = snippet_from(s);
      b.snippets[r.id] = std::move(r);
    }
  } catch (const json::exception& e) {
    throw InputError(where, fmt::format("the baseline report is malformed: {}", e.what()),
                     "give --baseline a file an earlier `--report` wrote");
  }
  return b;
}

}  // namespace deckgen
