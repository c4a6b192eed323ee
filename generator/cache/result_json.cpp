#include "cache/result_json.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

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
          {"busy", r.busy}, {"busy_judged", r.busy_judged}, {"round", r.round}, {"round_position", r.round_position}};
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


// A well-formed entry can still say what no run could have measured; the page would
// show it as measured (issue 24). Each check names what is wrong; the caller makes the
// entry a miss with a warning.
constexpr double kMaxSeconds = 1e6;  // 11 days: far beyond any timeout a run block allows

void check_seconds(double seconds, const std::string& what) {
  if (!std::isfinite(seconds) || seconds < 0 || seconds > kMaxSeconds)
    throw std::invalid_argument(what + " is " + std::to_string(seconds) + " s, which no run measures");
}

void check_summary(const Summary& s, size_t expected_n, const std::string& what) {
  if (s.n != expected_n)
    throw std::invalid_argument(what + " counts " + std::to_string(s.n) + " values, not the " +
                                std::to_string(expected_n) + " recorded");
  for (double v : {s.median, s.mad, s.min, s.max})  // a mean of huge values may overflow
    if (!std::isfinite(v)) throw std::invalid_argument(what + " holds a number that is not finite");
  if (s.n > 0 && !(s.min <= s.median && s.median <= s.max))
    throw std::invalid_argument(what + "'s median is outside its min and max");
  for (size_t i : s.outliers)
    if (i >= s.n) throw std::invalid_argument(what + " names an outlier past its values");
}

void check_meaning(const SnippetResult& r) {
  const size_t runs = r.runs.size();
  check_seconds(r.compile_seconds, "compile_seconds");
  check_seconds(r.warmup_seconds, "warmup_seconds");
  if (r.warmup_runs < 0) throw std::invalid_argument("warmup_runs is negative");
  for (size_t i = 0; i < runs; ++i) {
    const RunRecord& run = r.runs[i];
    std::string what = "run " + std::to_string(i);
    if (run.index != static_cast<int>(i)) throw std::invalid_argument(what + " has index " + std::to_string(run.index));
    check_seconds(run.wall_seconds, what + "'s wall time");
    check_seconds(run.user_seconds, what + "'s user time");
    check_seconds(run.system_seconds, what + "'s system time");
    check_seconds(run.other_cpu_seconds, what + "'s other CPU time");
    if (run.max_rss_kib < 0 || run.voluntary_switches < 0 || run.involuntary_switches < 0)
      throw std::invalid_argument(what + " has a negative count");
  }
  if (r.shown_run < -1 || r.shown_run >= static_cast<int>(runs))
    throw std::invalid_argument("shown_run " + std::to_string(r.shown_run) + " is not one of the " +
                                std::to_string(runs) + " runs");
  if (r.busy_runs < 0 || r.busy_runs > static_cast<int>(runs))
    throw std::invalid_argument("busy_runs is not a count of the runs");
  for (const auto& [name, s] : r.stats) check_summary(s, runs, "the " + name + " statistics");
  for (const auto& [name, series] : r.metrics)
    for (double v : series.values)
      if (!std::isfinite(v)) throw std::invalid_argument("metric '" + name + "' holds a number that is not finite");
  for (const auto& [name, s] : r.metric_stats) {
    auto series = r.metrics.find(name);
    if (series == r.metrics.end()) throw std::invalid_argument("statistics of metric '" + name + "', which has no values");
    check_summary(s, series->second.values.size(), "metric '" + name + "' statistics");
  }
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
  if (j.contains("busy_judged")) read(j, "busy_judged", r.busy_judged);  // older entries: judged
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
    check_meaning(r);
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
