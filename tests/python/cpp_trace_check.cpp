// A C++ snippet using deckgen_trace.h, run by test_deckgen_trace.py: one lane
// that computes, one that sleeps, a span name that needs escaping, a metric.
#include "deckgen_trace.h"

#include <chrono>
#include <thread>

namespace {

double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

void compute(double cpu_ms) {
  deckgen::Span span("compute");
  const double until = thread_cpu_ms() + cpu_ms;
  while (thread_cpu_ms() < until) {
  }
}

}  // namespace

int main() {
  deckgen::Span whole("main");
  std::thread busy([] {
    deckgen::name_thread("worker-1");
    compute(20);
  });
  std::thread idle([] {
    deckgen::name_thread("worker-2");
    deckgen::Span span("sleep");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  });
  busy.join();
  idle.join();
  { deckgen::Span odd("say \"hi\"\n"); }
  deckgen::instant("joined");
  deckgen::counter("threads", 2);
  deckgen::metric("ns_per_switch", 812.5, "ns");
  std::puts("done");
}
