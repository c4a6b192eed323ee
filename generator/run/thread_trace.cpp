#include "run/thread_trace.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace deckgen {
namespace {

// A name as a JSON string (comm may hold any byte but NUL and '/').
std::string quoted(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Microseconds with three decimals: the nanoseconds the sampler read, kept.
std::string micros(int64_t ns) { return fmt::format("{}.{:03}", ns / 1000, ns % 1000); }

}  // namespace

std::string thread_trace_json(const ThreadSamples& samples) {
  std::string out = R"({"displayTimeUnit":"ms","otherData":{"clock":"CLOCK_MONOTONIC","writer":"deckgen thread sampler"},"traceEvents":[)";
  bool first = true;
  auto add = [&](const std::string& event) {
    if (!first) out += ",\n";
    out += event;
    first = false;
  };
  for (const SampledProcess& p : samples.processes)
    add(fmt::format(R"({{"ph":"M","name":"process_name","pid":{},"tid":0,"args":{{"name":{}}}}})", p.pid,
                    quoted(p.name)));
  for (const SampledThread& t : samples.threads) {
    if (t.intervals.empty() || t.samples <= 1) continue;  // too short to draw: counted in short_threads
    add(fmt::format(R"({{"ph":"M","name":"thread_name","pid":{},"tid":{},"args":{{"name":{}}}}})", t.pid, t.tid,
                    quoted(t.tid == t.pid ? t.name + " (main)" : t.name)));
    for (const StateInterval& i : t.intervals) {
      std::string args = i.cpu >= 0 ? fmt::format(R"(,"args":{{"cpu":{}}})", i.cpu) : std::string();
      add(fmt::format(R"({{"ph":"X","cat":"{}","name":"{}","ts":{},"dur":{},"pid":{},"tid":{}{}}})", kSchedCategory,
                      thread_state_name(i.state), micros(i.start_ns), micros(i.end_ns - i.start_ns), t.pid, t.tid,
                      args));
    }
  }
  add(fmt::format(R"({{"ph":"M","name":"{}","pid":0,"tid":0,"args":{{"interval_us":{},"rate_hz":{:.1f},)"
                  R"("ticks":{},"missed_ticks":{},"latest_wake_us":{},"longest_sample_us":{},)"
                  R"("sampler_cpu_ms":{:.3f},"threads":{},"short_threads":{},"dropped_intervals":{}{}{}}}}})",
                  kSamplerMetadata, micros(samples.interval_ns), samples.rate_hz(), samples.ticks,
                  samples.missed_ticks, micros(samples.latest_wake_ns), micros(samples.longest_sample_ns),
                  samples.sampler_cpu_seconds * 1e3, samples.threads.size(), samples.short_threads,
                  samples.dropped_intervals,
                  samples.started_threads ? fmt::format(R"(,"started_threads":{})", *samples.started_threads) : "",
                  samples.short_threads_missed.empty()
                      ? ""
                      : fmt::format(R"(,"short_threads_missed":{})", quoted(samples.short_threads_missed))));
  out += "]}\n";
  return out;
}

std::map<std::string, std::pair<double, std::string>> thread_metrics(const ThreadSamples& samples) {
  std::map<std::string, std::pair<double, std::string>> metrics;
  uint64_t thread_samples = 0;
  for (uint64_t n : samples.state_samples) thread_samples += n;
  if (thread_samples == 0 || samples.ticks_with_threads == 0) return metrics;
  metrics["threads.overlap"] = {100.0 * double(samples.ticks_overlapping) / double(samples.ticks_with_threads), "%"};
  for (size_t i = 0; i < kThreadStateCount; ++i)
    metrics[fmt::format("threads.{}", thread_state_name(ThreadState(i)))] = {
        100.0 * double(samples.state_samples[i]) / double(thread_samples), "%"};
  metrics["threads.sample_rate"] = {samples.rate_hz(), "Hz"};
  metrics["threads.missed_ticks"] = {double(samples.missed_ticks), ""};
  metrics["threads.sampler_cpu"] = {samples.sampler_cpu_seconds, "s"};
  if (samples.started_threads && samples.short_threads_missed.empty()) {
    metrics["threads.started"] = {double(*samples.started_threads), ""};
    metrics["threads.short"] = {double(samples.short_threads), ""};
  }
  return metrics;
}

std::string thread_count_problem(const ThreadSamples& samples) {
  if (samples.short_threads_missed.empty()) return {};
  return fmt::format("threads.started and threads.short are not known, and threads shorter than a tick may be missed: {}",
                     samples.short_threads_missed);
}

}  // namespace deckgen
