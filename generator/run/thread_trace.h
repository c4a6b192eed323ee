#pragma once
// What thread sampling leaves for the stages after it: the states as a Chrome trace
// (complete events of category deckgen.sched, named by state, on the threads' own pid
// and tid, so they share a lane with deckgen_trace's spans of that thread) and the
// per-run `threads.*` metrics that placeholders and claims read.
#include <map>
#include <string>
#include <utility>

#include "run/thread_samples.h"

namespace deckgen {

// The category of the state events, and the metadata event that carries the sampler's
// own numbers (rate, missed ticks, CPU time, threads too short to draw).
inline constexpr const char* kSchedCategory = "deckgen.sched";
inline constexpr const char* kSamplerMetadata = "deckgen_sampler";

// One Chrome Trace Event Format document: process and thread names, a ph X event per
// state interval (args.cpu for running), and the sampler's numbers. Times in µs of
// CLOCK_MONOTONIC. A thread seen at one tick only is left out (short_threads counts it).
std::string thread_trace_json(const ThreadSamples& samples);

// name -> (value, unit), as a snippet's recorded metrics are:
//   threads.overlap   % of the ticks with a thread at which two or more ran at once;
//   threads.running, threads.runnable, threads.lock, threads.io, threads.sleep,
//   threads.other     % of all thread samples in that state;
//   threads.sample_rate  Hz achieved; threads.missed_ticks; threads.sampler_cpu (s);
//   threads.started   threads and processes started, counted by the kernel, and
//   threads.short     those of them too short to draw: only where every start was counted.
// Nothing when no thread was ever sampled.
std::map<std::string, std::pair<double, std::string>> thread_metrics(const ThreadSamples& samples);

// Why threads.started and threads.short are not given (threads shorter than a tick may
// be missed), in words for the run's metric problems; empty when they are.
std::string thread_count_problem(const ThreadSamples& samples);

}  // namespace deckgen
