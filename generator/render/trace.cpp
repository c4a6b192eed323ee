#include "render/trace.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "measure/units.h"
#include "render/trace_events.h"

namespace deckgen {
namespace {

using json = nlohmann::json;

// Thrown inside the parser's callback to stop at the first malformed event; caught in
// merge_traces and returned as a TraceError (expected failures leave as values).
struct Malformed {
  std::string message;
};

// Tids given as strings that are not numbers get ids from here, far above any real tid
// and above deckgen_trace.py's asyncio lanes (2^30).
constexpr int64_t kNamedIdBase = int64_t{1} << 40;

struct BeginOrEnd {
  bool begin;
  std::string name, category;
  double ts_us;
  std::optional<double> thread_ts_us;   // Chromium's tts: the thread's CPU clock
  std::optional<double> cpu_us;
  int64_t pid, tid;
  size_t order;                          // position in the input, to break ts ties
};

using LaneKey = std::pair<int64_t, int64_t>;  // pid, tid

// Everything read from the files, before B/E matching and lane building.
struct Collected {
  std::vector<TraceEvent> spans, instants, counters, states;
  std::optional<SamplerNote> sampler;
  std::vector<BeginOrEnd> begin_end;
  std::map<int64_t, std::string> process_names;
  std::map<int64_t, int> process_sort;
  std::map<LaneKey, std::string> thread_names;
  std::map<LaneKey, int> thread_sort;
  std::map<std::string, int64_t> named_ids;         // non-numeric pid/tid strings
  std::map<int64_t, std::string> named_id_names;
  std::map<std::string, size_t> skipped_phases;
  size_t kept_events = 0;                           // against kMaxTraceEvents
  std::set<LaneKey> thread_lanes;                   // against kMaxTraceLanes, with:
  std::set<std::pair<int64_t, std::string>> counter_lanes;
};

std::optional<double> number_at(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string string_at(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int clamp_to_int(double v) {
  if (!std::isfinite(v)) return 0;
  return static_cast<int>(std::clamp(v, double{std::numeric_limits<int>::min()},
                                     double{std::numeric_limits<int>::max()}));
}

// Reads the events of one file (render/trace_events.h walks its shape and hands over each
// event as it closes) into `out`.
class FileReader {
 public:
  FileReader(Collected& out, std::string where) : out_(out), where_(std::move(where)) {}

  void read(const std::string& text) {
    auto on_event = [this](json& event, size_t number) {
      event_number_ = number;
      take_event(event);
    };
    if (std::optional<std::string> unreadable = for_each_trace_event(text, on_event))
      throw Malformed{where_ + *unreadable};
  }

 private:
  std::string describe(const json& e) const {
    std::string name = string_at(e, "name");
    std::string phase = string_at(e, "ph");
    return fmt::format("{}event #{} ({}ph \"{}\")", where_, event_number_,
                       name.empty() ? std::string() : fmt::format("\"{}\", ", name), phase);
  }

  int64_t id_at(const json& e, const char* key) {
    auto it = e.find(key);
    if (it == e.end()) return 0;
    if (it->is_number_integer()) return it->get<int64_t>();
    if (it->is_number_unsigned())
      return static_cast<int64_t>(std::min<uint64_t>(it->get<uint64_t>(), INT64_MAX));
    if (it->is_number_float()) return static_cast<int64_t>(std::llround(it->get<double>()));
    if (it->is_string()) {
      const std::string& s = it->get_ref<const std::string&>();
      int64_t value = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
      if (ec == std::errc() && end == s.data() + s.size()) return value;
      auto [pos, inserted] = out_.named_ids.try_emplace(s, kNamedIdBase + int64_t(out_.named_ids.size()));
      if (inserted) out_.named_id_names[pos->second] = s;
      return pos->second;
    }
    return 0;
  }

  void take_event(const json& e) {
    std::string phase = string_at(e, "ph");
    if (phase.size() != 1) {
      ++out_.skipped_phases[phase.empty() ? "(none)" : phase];
      return;
    }
    char ph = phase[0];
    int64_t pid = id_at(e, "pid"), tid = id_at(e, "tid");
    static const json kNoArgs = json::object();
    auto args_it = e.find("args");
    const json& args = args_it != e.end() && args_it->is_object() ? *args_it : kNoArgs;
    bool drawn = ph == 'X' || ph == 'B' || ph == 'E' || ph == 'i' || ph == 'I' || ph == 'C';
    if (ph != 'M' && !drawn) {
      ++out_.skipped_phases[phase];
      return;
    }
    if (++out_.kept_events > kMaxTraceEvents)
      throw Malformed{fmt::format("{}more than {} events; record fewer spans", where_,
                                  format_count(double(kMaxTraceEvents)))};
    if (ph == 'M') return take_metadata(string_at(e, "name"), pid, tid, args);
    std::optional<double> ts = number_at(e, "ts");
    if (!ts) throw Malformed{describe(e) + ": no numeric \"ts\" (timestamp in µs)"};
    check_time(e, "ts", *ts);
    if (ph == 'C') {
      out_.counter_lanes.emplace(pid, string_at(e, "name"));
    } else {
      out_.thread_lanes.emplace(pid, tid);
    }
    if (out_.thread_lanes.size() + out_.counter_lanes.size() > kMaxTraceLanes)
      throw Malformed{fmt::format("{}more than {} lanes (threads, tasks and counters)", where_,
                                  format_count(double(kMaxTraceLanes)))};
    TraceEvent event;
    event.name = string_at(e, "name");
    event.category = string_at(e, "cat");
    event.ts_us = *ts;
    event.pid = pid;
    event.tid = tid;
    if (ph == 'B' || ph == 'E') {
      out_.begin_end.push_back({ph == 'B', std::move(event.name), std::move(event.category), *ts,
                                number_at(e, "tts"), number_at(args, "cpu_us"), pid, tid,
                                out_.begin_end.size()});
      return;
    }
    if (ph == 'X') {
      double dur = number_at(e, "dur").value_or(0);
      if (dur < 0)
        throw Malformed{fmt::format("{}: negative duration (dur {} µs)", describe(e), dur)};
      check_time(e, "dur", dur);
      event.dur_us = dur;
      if (event.category == kStateCategory) {
        event.cpu = clamp_to_int(number_at(args, "cpu").value_or(-1));
        out_.states.push_back(std::move(event));
        return;
      }
      event.cpu_us = number_at(args, "cpu_us");
      if (!event.cpu_us) event.cpu_us = number_at(e, "tdur");
      if (event.cpu_us && !(*event.cpu_us >= 0 && *event.cpu_us <= kMaxTraceMicroseconds)) event.cpu_us.reset();
      out_.spans.push_back(std::move(event));
    } else if (ph == 'C') {
      event.phase = 'C';
      for (const auto& [key, value] : args.items())
        if (value.is_number() && std::isfinite(value.get<double>())) event.counter_values[key] = value.get<double>();
      if (!event.counter_values.empty()) out_.counters.push_back(std::move(event));
    } else {
      event.phase = 'i';
      out_.instants.push_back(std::move(event));
    }
  }

  // A time beyond what a double holds to the µs (numbers like 1e308 parse as such, or as
  // infinity) would make the axis and the pixel scale meaningless.
  void check_time(const json& e, const char* field, double value) const {
    if (std::isfinite(value) && std::abs(value) <= kMaxTraceMicroseconds) return;
    throw Malformed{fmt::format("{}: \"{}\" {} µs is out of range (at most ±2^53 µs, 285 years)", describe(e),
                                field, value)};
  }

  void take_metadata(const std::string& name, int64_t pid, int64_t tid, const json& args) {
    if (name == "process_name") {
      if (auto n = string_at(args, "name"); !n.empty()) out_.process_names[pid] = n;
    } else if (name == "thread_name") {
      if (auto n = string_at(args, "name"); !n.empty()) out_.thread_names[{pid, tid}] = n;
    } else if (name == "process_sort_index") {
      if (auto i = number_at(args, "sort_index")) out_.process_sort[pid] = clamp_to_int(*i);
    } else if (name == "thread_sort_index") {
      if (auto i = number_at(args, "sort_index")) out_.thread_sort[{pid, tid}] = clamp_to_int(*i);
    } else if (name == "deckgen_sampler") {
      auto at = [&](const char* key) {
        double v = number_at(args, key).value_or(0);
        return std::isfinite(v) && v >= 0 ? v : 0.0;
      };
      out_.sampler = SamplerNote{at("interval_us"), at("rate_hz"), at("sampler_cpu_ms"), at("ticks"),
                                 at("missed_ticks"), at("threads"), at("short_threads"), at("dropped_intervals"),
                                 args.contains("started_threads") ? std::optional(at("started_threads")) : std::nullopt,
                                 string_at(args, "short_threads_missed")};
    }
  }

  Collected& out_;
  std::string where_;        // "" or "file 2: "
  size_t event_number_ = 0;  // of the event being taken, for messages
};

// Pairs each E with the latest open B of its thread, in time order (ties in input order).
// A B left open is closed at `end_us` and marked unfinished.
void match_begin_end(Collected& c, std::vector<std::string>& warnings) {
  std::stable_sort(c.begin_end.begin(), c.begin_end.end(), [](const auto& a, const auto& b) {
    return std::tie(a.pid, a.tid, a.ts_us, a.order) < std::tie(b.pid, b.tid, b.ts_us, b.order);
  });
  std::vector<const BeginOrEnd*> open;
  std::vector<const BeginOrEnd*> unfinished;
  size_t lone_ends = 0;
  for (size_t i = 0; i < c.begin_end.size(); ++i) {
    const BeginOrEnd& event = c.begin_end[i];
    if (i > 0 && (c.begin_end[i - 1].pid != event.pid || c.begin_end[i - 1].tid != event.tid)) {
      unfinished.insert(unfinished.end(), open.begin(), open.end());
      open.clear();
    }
    if (event.begin) {
      open.push_back(&event);
      continue;
    }
    if (open.empty()) {
      ++lone_ends;
      continue;
    }
    const BeginOrEnd& begin = *open.back();
    open.pop_back();
    TraceEvent span;
    span.name = begin.name.empty() ? event.name : begin.name;
    span.category = begin.category;
    span.ts_us = begin.ts_us;
    span.dur_us = event.ts_us - begin.ts_us;
    span.pid = begin.pid;
    span.tid = begin.tid;
    span.cpu_us = event.cpu_us ? event.cpu_us : begin.cpu_us;
    if (!span.cpu_us && begin.thread_ts_us && event.thread_ts_us)
      span.cpu_us = std::max(0.0, *event.thread_ts_us - *begin.thread_ts_us);
    c.spans.push_back(std::move(span));
  }
  unfinished.insert(unfinished.end(), open.begin(), open.end());
  if (lone_ends > 0)
    warnings.push_back(fmt::format("{} end (E) event{} without a begin (B) ignored",
                                   format_count(double(lone_ends)), lone_ends == 1 ? "" : "s"));
  if (unfinished.empty()) return;
  double end_us = -std::numeric_limits<double>::infinity();
  for (const auto* list : {&c.spans, &c.instants, &c.counters})
    for (const TraceEvent& e : *list) end_us = std::max(end_us, e.ts_us + e.dur_us);
  for (const BeginOrEnd* b : unfinished) end_us = std::max(end_us, b->ts_us);
  for (const BeginOrEnd* b : unfinished) {
    TraceEvent span;
    span.name = b->name;
    span.category = b->category;
    span.ts_us = b->ts_us;
    span.dur_us = end_us - b->ts_us;
    span.pid = b->pid;
    span.tid = b->tid;
    span.unfinished = true;
    c.spans.push_back(std::move(span));
  }
  const BeginOrEnd& first = *unfinished.front();
  warnings.push_back(fmt::format(
      "{} begin (B) event{} without an end (E), e.g. \"{}\" (pid {}, tid {}): drawn to the end of "
      "the trace",
      format_count(double(unfinished.size())), unfinished.size() == 1 ? "" : "s", first.name,
      first.pid, first.tid));
}

std::string skipped_phases_warning(const std::map<std::string, size_t>& skipped) {
  size_t total = 0;
  std::string list;
  for (const auto& [phase, count] : skipped) {
    total += count;
    if (!list.empty()) list += ", ";
    list += fmt::format("{} ×{}", phase, format_count(double(count)));
  }
  return fmt::format("{} event{} of phases not drawn here skipped ({})",
                     format_count(double(total)), total == 1 ? "" : "s", list);
}

// Nesting levels, per lane: a span starting before the enclosing one ends sits below it.
// `spans` must be sorted by (pid, tid, ts, longest first).
void assign_depths(std::vector<TraceEvent>& spans) {
  std::vector<double> open_ends;
  for (size_t i = 0; i < spans.size(); ++i) {
    TraceEvent& s = spans[i];
    if (i == 0 || spans[i - 1].pid != s.pid || spans[i - 1].tid != s.tid) open_ends.clear();
    while (!open_ends.empty() && open_ends.back() <= s.ts_us) open_ends.pop_back();
    s.depth = int(open_ends.size());
    open_ends.push_back(s.ts_us + s.dur_us);
  }
}

std::vector<Lane> build_lanes(Trace& t, const Collected& c) {
  std::map<LaneKey, Lane> threads;
  std::map<std::pair<int64_t, std::string>, Lane> counters;
  auto thread_lane = [&](const TraceEvent& e) -> Lane& {
    auto [it, inserted] = threads.try_emplace({e.pid, e.tid});
    Lane& lane = it->second;
    if (inserted) {
      lane.pid = e.pid;
      lane.tid = e.tid;
      lane.first_ts_us = e.ts_us;
    }
    lane.first_ts_us = std::min(lane.first_ts_us, e.ts_us);
    return lane;
  };
  for (size_t i = 0; i < t.spans.size(); ++i) {
    Lane& lane = thread_lane(t.spans[i]);
    lane.spans.push_back(i);
    lane.depth_count = std::max(lane.depth_count, t.spans[i].depth + 1);
  }
  for (size_t i = 0; i < t.instants.size(); ++i) thread_lane(t.instants[i]).instants.push_back(i);
  for (size_t i = 0; i < t.states.size(); ++i) thread_lane(t.states[i]).states.push_back(i);
  for (size_t i = 0; i < t.counters.size(); ++i) {
    const TraceEvent& e = t.counters[i];
    auto [it, inserted] = counters.try_emplace({e.pid, e.name});
    Lane& lane = it->second;
    if (inserted) {
      lane.kind = Lane::Kind::counter;
      lane.pid = e.pid;
      lane.thread_name = e.name;
      lane.first_ts_us = e.ts_us;
    }
    lane.first_ts_us = std::min(lane.first_ts_us, e.ts_us);
    lane.counters.push_back(i);
  }

  auto lookup = [](const auto& map, const auto& key, auto fallback) {
    auto it = map.find(key);
    return it != map.end() ? it->second : fallback;
  };
  auto name_of = [&](int64_t id, const char* kind) {
    return lookup(c.named_id_names, id, fmt::format("{} {}", kind, id));
  };
  std::map<int64_t, double> process_first_ts;
  std::vector<Lane> lanes;
  for (auto& [key, lane] : threads) {
    lane.thread_name = lookup(c.thread_names, key, name_of(lane.tid, "thread"));
    lane.sort_index = lookup(c.thread_sort, key, 0);
    lanes.push_back(std::move(lane));
  }
  for (auto& [key, lane] : counters) lanes.push_back(std::move(lane));
  for (Lane& lane : lanes) {
    lane.process_name = lookup(c.process_names, lane.pid, name_of(lane.pid, "process"));
    lane.process_sort_index = lookup(c.process_sort, lane.pid, 0);
    auto [it, inserted] = process_first_ts.try_emplace(lane.pid, lane.first_ts_us);
    if (!inserted) it->second = std::min(it->second, lane.first_ts_us);
  }
  std::sort(lanes.begin(), lanes.end(), [&](const Lane& a, const Lane& b) {
    auto key = [&](const Lane& l) {
      bool is_counter = l.kind == Lane::Kind::counter;
      return std::make_tuple(l.process_sort_index, process_first_ts[l.pid], l.pid, is_counter,
                             is_counter ? 0 : l.sort_index, is_counter ? 0.0 : l.first_ts_us,
                             l.tid, std::cref(l.thread_name));
    };
    return key(a) < key(b);
  });
  return lanes;
}

}  // namespace

std::optional<TraceError> check_trace_size(uintmax_t bytes, size_t max_bytes) {
  if (bytes <= max_bytes) return std::nullopt;
  return TraceError{fmt::format("trace file of {} is larger than the limit of {}",
                                format_bytes(double(bytes)), format_bytes(double(max_bytes)))};
}

std::variant<Trace, TraceError> merge_traces(const std::vector<std::string>& files,
                                             size_t max_bytes) {
  Collected collected;
  Trace trace;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string where = files.size() > 1 ? fmt::format("file {}: ", i + 1) : std::string();
    if (auto too_large = check_trace_size(files[i].size(), max_bytes))
      return TraceError{where + too_large->message};
    try {
      FileReader(collected, where).read(files[i]);
    } catch (const Malformed& m) {
      return TraceError{m.message};
    }
  }
  if (!collected.skipped_phases.empty())
    trace.warnings.push_back(skipped_phases_warning(collected.skipped_phases));
  match_begin_end(collected, trace.warnings);

  trace.spans = std::move(collected.spans);
  trace.instants = std::move(collected.instants);
  trace.counters = std::move(collected.counters);
  trace.states = std::move(collected.states);
  trace.sampler = collected.sampler;
  if (trace.spans.empty() && trace.instants.empty() && trace.counters.empty() && trace.states.empty())
    return TraceError{"the trace holds no spans, instants, counters or thread states to draw"};

  auto by_lane_then_time = [](const TraceEvent& a, const TraceEvent& b) {
    return std::make_tuple(a.pid, a.tid, a.ts_us, -a.dur_us) <
           std::make_tuple(b.pid, b.tid, b.ts_us, -b.dur_us);
  };
  std::stable_sort(trace.spans.begin(), trace.spans.end(), by_lane_then_time);
  std::stable_sort(trace.instants.begin(), trace.instants.end(), by_lane_then_time);
  std::stable_sort(trace.states.begin(), trace.states.end(), by_lane_then_time);
  std::stable_sort(trace.counters.begin(), trace.counters.end(),
                   [](const TraceEvent& a, const TraceEvent& b) {
                     return std::tie(a.pid, a.name, a.ts_us) < std::tie(b.pid, b.name, b.ts_us);
                   });
  assign_depths(trace.spans);

  trace.start_us = std::numeric_limits<double>::infinity();
  trace.end_us = -std::numeric_limits<double>::infinity();
  for (const auto* list : {&trace.spans, &trace.instants, &trace.counters, &trace.states})
    for (const TraceEvent& e : *list) {
      trace.start_us = std::min(trace.start_us, e.ts_us);
      trace.end_us = std::max(trace.end_us, e.ts_us + e.dur_us);
    }
  if (trace.end_us - trace.start_us > kMaxTraceMicroseconds)
    return TraceError{fmt::format("the trace spans {} µs, more than 2^53 µs (285 years): are its times in µs?",
                                  trace.end_us - trace.start_us)};
  trace.lanes = build_lanes(trace, collected);
  return trace;
}

}  // namespace deckgen
