#pragma once
// The fakes the unit tests share, so that each seam has one fake: a runner that answers
// from a script and records what it was asked (after hyperfine's mock executor), a
// status that records what it was told, a clock that moves only when told to, and a
// store of kept answers in memory. No
// process runs, and nothing depends on this machine's speed or on its neighbours.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/status.h"
#include "run/snippet_runner.h"
#include "util/entry_store.h"
#include "util/hash.h"

namespace deckgen::test {

// What one scripted run returns.
struct Scripted {
  double wall = 0.001;
  int exit_code = 0;
  std::string out{}, err{};  // (initialisers: designated initialisers may leave them out)
  bool timed_out = false;
  int signal = 0;
  bool started = true;
  double user = 0, sys = 0;
  long rss_kib = 0;
  uint64_t out_bytes = 0;  // 0: the size of `out` (nothing cut)
  std::optional<double> other_cpu{};  // what the rest of the machine used meanwhile; none read
  // Passed to the request's `on_output` before the run returns, as a child's reads
  // would come (`out`/`err` stay what the run keeps).
  std::vector<std::pair<OutputStream, std::string>> pieces{};
};

RunOutcome outcome_of(const Scripted& s);

// Answers the harness-overhead runs (/bin/true, `python -c pass`), compiles (requests
// without DECKGEN_SNIPPET_ID) and snippet runs. A snippet's runs take its script in
// order; the last entry repeats; a snippet without a script gets `unscripted`.
// Safe to call from several threads at once (the parallel scheduler's workers share
// one, through SharedRunner); `during_run` and `around_every_run` run outside its lock.
class FakeRunner : public Runner {
 public:
  std::map<std::string, std::deque<Scripted>> script;  // by snippet id
  Scripted compile;                                     // every compile
  double true_wall = 0.0005, python_start_wall = 0.02;
  Scripted unscripted;                                  // a snippet's run that has no script
  std::function<void(const RunRequest&)> during_run;    // called inside each snippet run
  std::function<void(const RunRequest&)> around_every_run;  // inside every run of any kind

  std::vector<RunRequest> snippet_runs, compiles;
  std::vector<bool> work_dir_existed;
  int true_runs = 0, python_runs = 0;
  size_t snippet_runs_before_overhead_done = 0;  // snippet runs seen while overhead was still measured

  RunOutcome run(const RunRequest& r) override;

  std::vector<int> run_indices() const;
  // Every request of any kind: 0 when nothing ran at all.
  size_t all_runs() const;

 private:
  mutable std::mutex mutex_;
};

// Forwards to one runner from the parallel scheduler's threads (each worker gets its
// own Runner object, and all of them reach the same fake).
class SharedRunner : public Runner {
 public:
  explicit SharedRunner(Runner& runner) : runner_(runner) {}
  RunOutcome run(const RunRequest& r) override { return runner_.run(r); }

 private:
  Runner& runner_;
};

// Keeps every line it is told, by kind.
class RecordingStatus : public Status {
 public:
  std::vector<std::string> infos, warnings, errors;
  // Busy-machine warnings, also listed here on their own. What the rest of the machine
  // used comes from the runner (RunOutcome::other_cpu_seconds), so a fake run is busy
  // only when its script says: no neighbour on the machine (ctest -j2) reaches a test.
  std::vector<std::string> busy_warnings;
  void info(const std::string& line) override { infos.push_back(line); }
  void warning(const std::string& line) override;
  void error(const std::string& line) override { errors.push_back(line); }
  std::string all_errors() const;
};

// A steady clock that stands still until advanced.
class FakeClock {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  time_point now() const { return now_; }
  void advance(std::chrono::steady_clock::duration by) { now_ += by; }
  // For code that takes "what time is it" as a function (StageTimes).
  std::function<time_point()> function() const {
    return [this] { return now_; };
  }

 private:
  time_point now_{};
};

// Kept answers in a map: counts the writes and the batches (write_all), and, when `full`,
// fails every write as a full disk would. Every key written must be a cache key.
class MemoryStore final : public EntryStore {
 public:
  std::optional<std::string> read(std::string_view key, std::string*) const override {
    auto it = entries.find(std::string(key));
    if (it == entries.end()) return std::nullopt;
    return it->second;
  }
  bool write(std::string_view key, std::string_view bytes, std::string* warning) const override {
    ++writes;
    if (full) {
      if (warning) *warning = "No space left on device";
      return false;
    }
    EXPECT_TRUE(is_cache_key(key)) << key;
    entries[std::string(key)] = std::string(bytes);
    return true;
  }
  bool write_all(const std::vector<std::pair<std::string, std::string>>& all, std::string* warning) const override {
    ++batches;
    return EntryStore::write_all(all, warning);
  }
  mutable std::map<std::string, std::string> entries;
  mutable int writes = 0, batches = 0;
  bool full = false;
};

}  // namespace deckgen::test
