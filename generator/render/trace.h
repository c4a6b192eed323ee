#pragma once
// Traces in the Chrome Trace Event Format (what Perfetto, chrome://tracing, VizTracer,
// Chromium itself and deckgen_trace.py write), parsed and merged into the plain
// data the timeline is drawn from.
//
// Read: phases X (complete), B/E (begin/end, matched per pid/tid as a stack), i/I
// (instant), C (counter) and M (process_name, thread_name, process_sort_index,
// thread_sort_index). Every other phase (async b/e/n, flows s/t/f, marks R, ...) is
// skipped with one warning; unknown fields are ignored; events may come in any order.
// ts and dur are microseconds; times are kept as read (CLOCK_MONOTONIC for deckgen's
// helpers, so several processes' files line up) and drawn from the smallest.
//
// CPU time per span, where known: args.cpu_us (deckgen's helpers: the lane's own CPU
// time in the span), else Chromium's thread-clock duration (tdur on X, tts on B/E).
// args.thread_cpu_us is the whole thread's CPU time, including other asyncio tasks that
// ran meanwhile, so it is deliberately not taken as the span's CPU time.
//
// Malformed input is a TraceError, never a crash: text that is not JSON, a document that
// is not an array of events or an object with traceEvents, an event without a numeric
// ts, a negative duration (the message names the event), a file larger than max_bytes.
// Limits keep a broken or hostile trace bounded in time and memory (a trace beyond one
// is a TraceError naming it): kMaxTraceEvents events kept, kMaxTraceLanes lanes,
// fields nested kMaxTraceNesting deep, and times (ts, dur, and the whole trace's span)
// finite and within kMaxTraceMicroseconds, so that the axis and the pixel scale stay
// meaningful in doubles.
// Thread states sampled by deckgen from outside the snippet (ph X, cat "deckgen.sched",
// named running, runnable, lock, io, sleep or other; args.cpu on running) are kept apart
// from spans, as `states`, and drawn as the lane's state strip rather than nested bars;
// the metadata event "deckgen_sampler" carries the sampler's own numbers.
// A B without its E is not an error: tracing that stops mid-span (Chromium's
// --trace-startup-duration, a killed process) writes exactly that, and Perfetto draws
// such a span up to the end of the trace. It is closed at the trace's end and reported
// in `warnings`, as is an E without its B.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "render/trace_events.h"  // kMaxTraceNesting

namespace deckgen {

struct TraceEvent {
  char phase = 'X';        // 'X' (B/E pairs become X), 'i' (I too) or 'C'
  std::string name, category;
  double ts_us = 0;        // as in the file (absolute); Trace::start_us is the origin
  double dur_us = 0;       // 0 for instants and counters
  int64_t pid = 0, tid = 0;
  std::optional<double> cpu_us;                  // CPU time in the span, when known
  std::map<std::string, double> counter_values;  // C: series name → value
  int depth = 0;           // X: nesting level in its lane (0 = outermost)
  int cpu = -1;            // a state: the CPU it ran on (args.cpu), else -1
  bool unfinished = false; // X: a B whose E never came, closed at the trace's end
};

struct Lane {
  enum class Kind { thread, counter };
  Kind kind = Kind::thread;
  int64_t pid = 0;
  int64_t tid = 0;                // a thread lane's tid; 0 for a counter lane
  std::string process_name;       // from M process_name, else "process PID"
  std::string thread_name;        // from M thread_name, else "thread TID"; a counter's name
  int process_sort_index = 0;
  int sort_index = 0;
  double first_ts_us = 0;         // the lane's earliest event, to order equal sort indexes
  int depth_count = 0;            // thread lane: nesting levels of its spans
  // Indexes into Trace::spans / instants / counters / states, ordered by time.
  std::vector<size_t> spans, instants, counters, states;
};

// What deckgen's thread sampler said of itself (the "deckgen_sampler" metadata event).
struct SamplerNote {
  double interval_us = 0, rate_hz = 0, cpu_ms = 0;
  double ticks = 0, missed_ticks = 0, threads = 0, short_threads = 0, dropped_intervals = 0;
  std::optional<double> started_threads;  // counted by the kernel, where it was
  std::string short_threads_missed;       // why threads shorter than a tick may be missed
};

// The category of sampled thread states.
inline constexpr const char* kStateCategory = "deckgen.sched";

struct Trace {
  std::vector<TraceEvent> spans;      // X and matched B/E, by (pid, tid, ts)
  std::vector<TraceEvent> instants;
  std::vector<TraceEvent> counters;
  std::vector<TraceEvent> states;     // sampled thread states (deckgen.sched), by (pid, tid, ts)
  std::optional<SamplerNote> sampler;
  // Display order: processes by (process sort index, first event, pid); in each, its
  // thread lanes by (sort index, first event, tid), then its counters by name. Lanes with
  // no events (threads named in metadata only) are left out.
  std::vector<Lane> lanes;
  double start_us = 0, end_us = 0;    // smallest ts; largest ts + dur
  std::vector<std::string> warnings;  // one line each, for the slide and the terminal
};

struct TraceError {
  std::string message;   // what is wrong, for the slide and the terminal
};

// The default and suggested limit for one trace file.
inline constexpr size_t kMaxTraceBytes = size_t{256} << 20;
// Events kept (spans, B/E halves, instants, counters, metadata) over all files: 100,000
// is a large snippet's trace, and each kept event costs about 200 bytes.
inline constexpr size_t kMaxTraceEvents = 1'000'000;
// Distinct lanes (threads, tasks, counters); a slide shows a dozen.
inline constexpr size_t kMaxTraceLanes = 10'000;
// 2^53 µs (285 years): every µs of it is exact in a double.
inline constexpr double kMaxTraceMicroseconds = 9007199254740992.0;

// The error for a file of `bytes` when the limit is `max_bytes`, or nothing when it fits.
// Callers should check a file's size (std::filesystem::file_size) with this BEFORE
// reading it, so that a file of gigabytes is never loaded; merge_traces checks again.
std::optional<TraceError> check_trace_size(uintmax_t bytes, size_t max_bytes = kMaxTraceBytes);

// Parses and merges several trace files (each the text of one JSON file: a JSON array of
// events, or an object with traceEvents). Processes are told apart by pid across files.
// Messages name the file by its position ("file 2") when there are several. Parsing
// discards each event once read, so memory is proportional to the events kept, not to
// the JSON document.
std::variant<Trace, TraceError> merge_traces(const std::vector<std::string>& files,
                                             size_t max_bytes = kMaxTraceBytes);

}  // namespace deckgen
