// Trace capture and named metrics for deckgen's C++ snippets: the C++ side of
// deckgen_trace.py, writing the same files. Header-only, C++17, Linux, no
// dependencies (link with -pthread when the snippet uses threads).
//
//   #include "deckgen_trace.h"
//   void fetch() {
//     deckgen::Span span("fetch");          // a span from here to the end of scope
//     ...
//   }
//   deckgen::name_thread("worker-1");       // the lane's name
//   deckgen::metric("ns_per_switch", 812.5, "ns");
//
// deckgen runs every snippet with DECKGEN_OUT_DIR set, and DECKGEN_TRACE=1 when
// its `run` block says `trace: true`. At exit (return from main or exit()),
// the process then writes DECKGEN_OUT_DIR/trace-<pid>.json (Chrome Trace Event
// Format) and, when metric() was called, metrics-<pid>.json, each through a
// temporary file and a rename. Without those variables nothing is recorded.
//
// Timestamps are CLOCK_MONOTONIC in microseconds, the clock deckgen_trace.py
// uses, so traces from C++ and Python processes line up. Each span carries
// args.cpu_us, the thread's CPU time inside it, so waiting shows beside running.
// A process that ends through _exit(), abort() or a signal writes nothing;
// call deckgen::flush() first if that matters.
#pragma once

#include <errno.h>   // program_invocation_short_name (GNU)
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deckgen {

namespace detail {

inline double clock_us(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<double>(now.tv_sec) * 1e6 + static_cast<double>(now.tv_nsec) / 1e3;
}

inline long this_thread_id() {
  thread_local const long tid = static_cast<long>(gettid());
  return tid;
}

inline void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

inline void append_json_number(std::string& out, double value, const char* format = "%.3f") {
  if (!std::isfinite(value)) {  // JSON has no NaN or infinity
    out += "null";
    return;
  }
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  out += text;
}

struct Event {
  char phase;  // 'X' span, 'i' instant, 'C' counter
  std::string name;
  long tid;
  double ts_us;
  double dur_us;    // spans
  double cpu_us;    // spans
  double value;     // counters
};

struct Metric {
  double value;
  std::string unit;
};

// Holds one process's events and metrics; writes them when the process exits.
class Recorder {
 public:
  Recorder() {
    const char* out_dir = std::getenv("DECKGEN_OUT_DIR");
    const char* trace = std::getenv("DECKGEN_TRACE");
    if (out_dir != nullptr && *out_dir != '\0') out_dir_ = out_dir;
    tracing_ = !out_dir_.empty() && trace != nullptr && std::string_view(trace) == "1";
  }
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  bool tracing() const { return tracing_; }
  bool keeps_metrics() const { return !out_dir_.empty(); }

  void add(Event event) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (events_.size() < kMaxEvents)
      events_.push_back(std::move(event));
    else
      ++dropped_;
  }
  void set_metric(std::string name, Metric metric) {
    std::lock_guard<std::mutex> lock(mutex_);
    metrics_[std::move(name)] = std::move(metric);
  }
  void name_thread(long tid, std::string name) {
    std::lock_guard<std::mutex> lock(mutex_);
    thread_names_[tid] = std::move(name);
  }

  // Complete snapshots: flushing again later writes a superset.
  void flush() {
    std::lock_guard<std::mutex> lock(mutex_);
    const long pid = static_cast<long>(getpid());
    if (tracing_ && !events_.empty())
      write_atomically(path_for("trace", pid), trace_json(pid));
    if (!metrics_.empty())
      write_atomically(path_for("metrics", pid), metrics_json());
  }

 private:
  std::string path_for(const char* kind, long pid) const {
    return out_dir_ + "/" + kind + "-" + std::to_string(pid) + ".json";
  }

  static void append_metadata(std::string& out, long pid, long tid, const char* what,
                              std::string_view name) {
    out += "{\"ph\":\"M\",\"name\":\"";
    out += what;
    out += "\",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid) +
           ",\"args\":{\"name\":";
    append_json_string(out, name);
    out += "}},\n";
  }

  std::string trace_json(long pid) const {
    std::string out = "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"clock\":\"CLOCK_MONOTONIC\","
                      "\"writer\":\"deckgen_trace.h\",\"dropped_events\":" +
                      std::to_string(dropped_) + "},\n\"traceEvents\":[\n";
    append_metadata(out, pid, 0, "process_name", program_invocation_short_name);
    std::map<long, std::string> names = thread_names_;
    names.emplace(pid, "main");  // the main thread's id is the pid; a given name wins
    for (const auto& [tid, name] : names) append_metadata(out, pid, tid, "thread_name", name);
    bool first = true;
    for (const Event& event : events_) {
      if (!first) out += ",\n";
      first = false;
      out += "{\"ph\":\"";
      out += event.phase;
      out += "\",\"name\":";
      append_json_string(out, event.name);
      out += ",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(event.tid) + ",\"ts\":";
      append_json_number(out, event.ts_us);
      if (event.phase == 'X') {
        out += ",\"dur\":";
        append_json_number(out, event.dur_us);
        out += ",\"args\":{\"cpu_us\":";
        append_json_number(out, event.cpu_us);
        out += "}}";
      } else if (event.phase == 'C') {
        out += ",\"args\":{\"value\":";
        append_json_number(out, event.value, "%.17g");
        out += "}}";
      } else {
        out += ",\"s\":\"t\",\"args\":{}}";
      }
    }
    out += "\n]}\n";
    return out;
  }

  std::string metrics_json() const {
    std::string out = "{\"metrics\":{";
    bool first = true;
    for (const auto& [name, metric] : metrics_) {
      if (!first) out += ",";
      first = false;
      append_json_string(out, name);
      out += ":{\"value\":";
      append_json_number(out, metric.value, "%.17g");
      out += ",\"unit\":";
      append_json_string(out, metric.unit);
      out += "}";
    }
    out += "}}\n";
    return out;
  }

  // Write beside the target, then rename: a reader sees the old file or the
  // new, never half of one. The dot keeps a leftover out of trace-*.json.
  static void write_atomically(const std::string& path, const std::string& text) {
    const std::string::size_type slash = path.rfind('/');
    std::string temporary = path.substr(0, slash + 1) + ".deckgen-XXXXXX";
    const int fd = mkstemp(temporary.data());
    bool written = fd >= 0 && fchmod(fd, 0644) == 0;  // mkstemp makes it private
    for (std::size_t done = 0; written && done < text.size();) {
      const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      written = n > 0;
      if (written) done += static_cast<std::size_t>(n);
    }
    if (fd >= 0 && close(fd) != 0) written = false;
    if (written && std::rename(temporary.c_str(), path.c_str()) == 0) return;
    if (fd >= 0) unlink(temporary.c_str());
    // A snippet must not fail because its trace could not be written.
    std::fprintf(stderr, "deckgen_trace.h: could not write %s\n", path.c_str());
  }

  // A runaway loop must not exhaust memory; as in deckgen_trace.py.
  static constexpr std::size_t kMaxEvents = 1000000;

  std::mutex mutex_;
  std::string out_dir_;
  bool tracing_ = false;
  std::vector<Event> events_;
  std::size_t dropped_ = 0;
  std::map<std::string, Metric> metrics_;
  std::map<long, std::string> thread_names_;
};

// Built on first use and never destroyed, so that a span in some other static
// object's destructor stays harmless; the files are written by a companion
// static object's destructor at exit.
inline Recorder& recorder() {
  static Recorder* const instance = new Recorder();
  static const struct WriteAtExit {
    ~WriteAtExit() { instance->flush(); }
  } write_at_exit;
  return *instance;
}

}  // namespace detail

// A span from construction to destruction on the calling thread's lane.
class Span {
 public:
  explicit Span(std::string_view name) : recording_(detail::recorder().tracing()) {
    if (!recording_) return;
    name_ = name;  // copied: the caller's string may not outlive the span
    start_us_ = detail::clock_us(CLOCK_MONOTONIC);
    start_cpu_us_ = detail::clock_us(CLOCK_THREAD_CPUTIME_ID);
  }
  ~Span() {
    if (!recording_) return;
    const double cpu_us = detail::clock_us(CLOCK_THREAD_CPUTIME_ID) - start_cpu_us_;
    const double end_us = detail::clock_us(CLOCK_MONOTONIC);
    detail::recorder().add({'X', std::move(name_), detail::this_thread_id(), start_us_,
                            end_us - start_us_, cpu_us, 0.0});
  }
  Span(const Span&) = delete;
  Span& operator=(const Span&) = delete;

 private:
  bool recording_;
  std::string name_;
  double start_us_ = 0;
  double start_cpu_us_ = 0;
};

// A point in time on the calling thread's lane.
inline void instant(std::string_view name) {
  if (!detail::recorder().tracing()) return;
  detail::recorder().add({'i', std::string(name), detail::this_thread_id(),
                          detail::clock_us(CLOCK_MONOTONIC), 0.0, 0.0, 0.0});
}

// A value over time, drawn as a counter track.
inline void counter(std::string_view name, double value) {
  if (!detail::recorder().tracing()) return;
  detail::recorder().add({'C', std::string(name), detail::this_thread_id(),
                          detail::clock_us(CLOCK_MONOTONIC), 0.0, 0.0, value});
}

// A named number slides can quote ({{id.m.NAME}}); kept whenever DECKGEN_OUT_DIR
// is set, tracing or not. The last value recorded under a name wins.
inline void metric(std::string_view name, double value, std::string_view unit = "") {
  if (!detail::recorder().keeps_metrics()) return;
  detail::recorder().set_metric(std::string(name), {value, std::string(unit)});
}

// Names the calling thread's lane in the timeline.
inline void name_thread(std::string_view name) {
  if (!detail::recorder().tracing()) return;
  detail::recorder().name_thread(detail::this_thread_id(), std::string(name));
}

// Writes this process's files now; they are written again, complete, at exit.
inline void flush() { detail::recorder().flush(); }

}  // namespace deckgen
