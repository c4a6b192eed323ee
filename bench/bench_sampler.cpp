// bench_sampler: runs one program through deckgen's real snippet runner, with or without
// sampling its threads, as a `run` block with and without `trace: threads` would. For
// bench/thread_sampling.sh (bench/paired.py compares the two) and for looking at a program's
// thread states:
//   bench_sampler on|off [--trace OUT.json] PROGRAM [ARG...]
// Prints the runner's wall time and, when sampling, the sampler's rate, missed ticks
// and CPU time, to stderr; the program's own output is not shown.
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "run/snippet_runner.h"
#include "run/thread_trace.h"
#include "util/files.h"

int main(int argc, char** argv) {
  using namespace deckgen;
  if (argc < 3 || (std::strcmp(argv[1], "on") != 0 && std::strcmp(argv[1], "off") != 0)) {
    std::cerr << "usage: bench_sampler on|off [--trace OUT.json] PROGRAM [ARG...]\n";
    return 2;
  }
  int at = 2;
  std::string trace_path;
  if (std::strcmp(argv[at], "--trace") == 0 && argc > at + 2) trace_path = argv[at + 1], at += 2;
  RunRequest request;
  request.argv.assign(argv + at, argv + argc);
  request.env = {{"PATH", "/usr/local/bin:/usr/bin:/bin"}, {"LANG", "C.UTF-8"}};
  if (const char* path = std::getenv("PYTHONPATH")) request.env["PYTHONPATH"] = path;
  for (const char* name : {"DECKGEN_TRACE", "DECKGEN_OUT_DIR"})
    if (const char* value = std::getenv(name)) request.env[name] = value;
  request.work_dir = std::filesystem::current_path();
  request.timeout = std::chrono::minutes(5);
  request.thread_sampling = std::strcmp(argv[1], "on") == 0 ? ThreadSampling::on : ThreadSampling::off;
  RunOutcome o = make_process_runner()->run(request);
  if (!o.started) {
    std::cerr << "cannot start " << request.argv[0] << ": " << o.start_error << "\n";
    return 2;
  }
  std::cerr << fmt::format("wall {:.4f} s", o.usage.wall_seconds);
  if (o.threads)
    std::cerr << fmt::format("; sampled {} threads at {:.0f} Hz, {} ticks missed (latest wake-up {:.2f} ms after its "
                             "tick, longest sample {:.2f} ms), sampler CPU {:.1f} ms ({:.1f} µs a tick; {:.1f} /proc reads "
                             "a tick, {} task folder listings)",
                             o.threads->threads.size(), o.threads->rate_hz(), o.threads->missed_ticks,
                             o.threads->latest_wake_ns / 1e6, o.threads->longest_sample_ns / 1e6,
                             o.threads->sampler_cpu_seconds * 1e3,
                             o.threads->sampler_cpu_seconds * 1e6 / double(std::max<uint64_t>(o.threads->ticks, 1)),
                             double(o.threads->proc_reads) / double(std::max<uint64_t>(o.threads->ticks, 1)),
                             o.threads->task_listings);
  if (o.threads && o.threads->started_threads)
    std::cerr << fmt::format("; {} threads started, counted by the kernel", *o.threads->started_threads);
  if (o.threads && !o.threads->short_threads_missed.empty()) std::cerr << "; " << o.threads->short_threads_missed;
  std::cerr << "\n";
  if (o.threads && !trace_path.empty()) write_file_atomically(trace_path, thread_trace_json(*o.threads));
  return o.exit_code == 0 ? 0 : 1;
}
