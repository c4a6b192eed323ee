#include "cache/result_json.h"

#include <nlohmann/json.hpp>

namespace deckgen {
namespace {

using json = nlohmann::json;

json text_to_json(const CapturedText& t) {
  return {{"text", t.text}, {"total_bytes", t.total_bytes}, {"cut_bytes", t.cut_bytes}};
}

json run_to_json(const RunRecord& r) {
  return {{"index", r.index}, {"exit_code", r.exit_code}, {"signal", r.signal}, {"timed_out", r.timed_out},
          {"wall_seconds", r.wall_seconds}, {"user_seconds", r.user_seconds}, {"system_seconds", r.system_seconds},
          {"max_rss_kib", r.max_rss_kib}, {"voluntary_switches", r.voluntary_switches},
          {"involuntary_switches", r.involuntary_switches}, {"other_cpu_seconds", r.other_cpu_seconds},
          {"busy", r.busy}, {"round", r.round}, {"round_position", r.round_position}};
}

// Readers below throw nlohmann's exceptions on a missing key or a wrong type;
// result_from_json turns them into a miss. get<T>() accepts any number for a number, so
// types are checked first: a string where a number belongs is corruption, not a zero.
template <typename T>
void read(const json& j, const char* key, T& out) {
  const json& v = j.at(key);
  bool ok = true;
  if constexpr (std::is_same_v<T, bool>) ok = v.is_boolean();
  else if constexpr (std::is_integral_v<T>) ok = v.is_number_integer();
  else if constexpr (std::is_floating_point_v<T>) ok = v.is_number();
  else if constexpr (std::is_same_v<T, std::string>) ok = v.is_string();
  if (!ok) throw std::invalid_argument(std::string("field '") + key + "' has the wrong type");
  out = v.get<T>();
}

const json& object_at(const json& j, const char* key) {
  const json& v = j.at(key);
  if (!v.is_object()) throw std::invalid_argument(std::string("field '") + key + "' is not an object");
  return v;
}

const json& array_at(const json& j, const char* key) {
  const json& v = j.at(key);
  if (!v.is_array()) throw std::invalid_argument(std::string("field '") + key + "' is not a list");
  return v;
}


CapturedText text_from_json(const json& j) {
  CapturedText t;
  read(j, "text", t.text);
  read(j, "total_bytes", t.total_bytes);
  read(j, "cut_bytes", t.cut_bytes);
  return t;
}

RunRecord run_from_json(const json& j) {
  if (!j.is_object()) throw std::invalid_argument("a run is not an object");
  RunRecord r;
  read(j, "index", r.index);
  read(j, "exit_code", r.exit_code);
  read(j, "signal", r.signal);
  read(j, "timed_out", r.timed_out);
  read(j, "wall_seconds", r.wall_seconds);
  read(j, "user_seconds", r.user_seconds);
  read(j, "system_seconds", r.system_seconds);
  read(j, "max_rss_kib", r.max_rss_kib);
  read(j, "voluntary_switches", r.voluntary_switches);
  read(j, "involuntary_switches", r.involuntary_switches);
  read(j, "other_cpu_seconds", r.other_cpu_seconds);
  read(j, "busy", r.busy);
  read(j, "round", r.round);
  read(j, "round_position", r.round_position);
  return r;
}

}  // namespace

json result_to_json(const SnippetResult& r) {
  json runs = json::array();
  for (const RunRecord& run : r.runs) runs.push_back(run_to_json(run));
  json stats = json::object();
  for (const auto& [name, s] : r.stats) stats[name] = summary_to_json(s);
  json metrics = json::object();
  for (const auto& [name, m] : r.metrics) metrics[name] = {{"unit", m.unit}, {"values", m.values}};
  json metric_stats = json::object();
  for (const auto& [name, s] : r.metric_stats) metric_stats[name] = summary_to_json(s);
  return {{"id", r.id},
          {"outcome", r.outcome == Outcome::passed ? "passed" : "failed"},
          {"failure", r.failure},
          {"compiled", r.compiled},
          {"compile_seconds", r.compile_seconds},
          {"compile_output", r.compile_output},
          {"compile_reused", r.compile_reused},
          {"warmup_runs", r.warmup_runs},
          {"warmup_seconds", r.warmup_seconds},
          {"runs", runs},
          {"out", text_to_json(r.out)},
          {"err", text_to_json(r.err)},
          {"stats", stats},
          {"metrics", metrics},
          {"metric_stats", metric_stats},
          {"metric_problems", r.metric_problems},
          {"busy_runs", r.busy_runs},
          {"shown_run", r.shown_run},
          {"traces", r.traces},
          {"trace_problems", r.trace_problems}};
}

std::optional<SnippetResult> result_from_json(const json& j, std::string* error) {
  try {
    if (!j.is_object()) throw std::invalid_argument("the result is not an object");
    SnippetResult r;
    read(j, "id", r.id);
    std::string outcome;
    read(j, "outcome", outcome);
    if (outcome != "passed" && outcome != "failed") throw std::invalid_argument("unknown outcome '" + outcome + "'");
    r.outcome = outcome == "passed" ? Outcome::passed : Outcome::failed;
    read(j, "failure", r.failure);
    read(j, "compiled", r.compiled);
    read(j, "compile_seconds", r.compile_seconds);
    read(j, "compile_output", r.compile_output);
    if (j.contains("compile_reused")) read(j, "compile_reused", r.compile_reused);
    read(j, "warmup_runs", r.warmup_runs);
    if (j.contains("warmup_seconds")) read(j, "warmup_seconds", r.warmup_seconds);
    for (const json& run : array_at(j, "runs")) r.runs.push_back(run_from_json(run));
    r.out = text_from_json(object_at(j, "out"));
    r.err = text_from_json(object_at(j, "err"));
    for (const auto& [name, s] : object_at(j, "stats").items()) r.stats[name] = summary_from_json(s);
    for (const auto& [name, m] : object_at(j, "metrics").items()) {
      if (!m.is_object()) throw std::invalid_argument("metric '" + name + "' is not an object");
      MetricSeries series;
      read(m, "unit", series.unit);
      for (const json& v : array_at(m, "values")) {
        if (!v.is_number()) throw std::invalid_argument("a value of metric '" + name + "' is not a number");
        series.values.push_back(v.get<double>());
      }
      r.metrics[name] = std::move(series);
    }
    for (const auto& [name, s] : object_at(j, "metric_stats").items()) r.metric_stats[name] = summary_from_json(s);
    if (j.contains("metric_problems")) {
      for (const json& p : array_at(j, "metric_problems")) {
        if (!p.is_string()) throw std::invalid_argument("a metric problem is not text");
        r.metric_problems.push_back(p.get<std::string>());
      }
    }
    read(j, "busy_runs", r.busy_runs);
    if (j.contains("shown_run")) read(j, "shown_run", r.shown_run);  // older entries: the last run's output
    for (const json& t : array_at(j, "traces")) {
      if (!t.is_string()) throw std::invalid_argument("a trace is not text");
      r.traces.push_back(t.get<std::string>());
    }
    for (const json& t : array_at(j, "trace_problems")) {
      if (!t.is_string()) throw std::invalid_argument("a trace problem is not text");
      r.trace_problems.push_back(t.get<std::string>());
    }
    return r;
  } catch (const std::exception& e) {  // nlohmann::json::exception or the checks above
    if (error) *error = e.what();
    return std::nullopt;
  }
}

json summary_to_json(const Summary& s) {
  return {{"n", s.n}, {"median", s.median}, {"mad", s.mad}, {"mean", s.mean}, {"stddev", s.stddev},
          {"min", s.min}, {"max", s.max}, {"outliers", s.outliers}, {"unstable", s.unstable}};
}

Summary summary_from_json(const json& j) {
  if (!j.is_object()) throw std::invalid_argument("a summary is not an object");
  Summary s;
  read(j, "n", s.n);
  read(j, "median", s.median);
  read(j, "mad", s.mad);
  read(j, "mean", s.mean);
  read(j, "stddev", s.stddev);
  read(j, "min", s.min);
  read(j, "max", s.max);
  for (const json& i : array_at(j, "outliers")) {
    if (!i.is_number_unsigned()) throw std::invalid_argument("an outlier index is not a count");
    s.outliers.push_back(i.get<size_t>());
  }
  read(j, "unstable", s.unstable);
  return s;
}

}  // namespace deckgen
