#pragma once
// When a burst of file events is over, so the watch loop rebuilds once, after the whole
// save. Pure: told each event and the time it was read, it says when the burst will be
// over; serve/file_watcher.cpp feeds it inotify's events and the steady clock, the tests
// fake events and times.
//
// An editor's save is a few events within a millisecond or two, and how it ends says
// whether more are coming: a file closed after writing, renamed into place, deleted or
// `touch`ed is a finished step, after which only a short quiet is waited for; a file
// written to and not yet closed (or a file just created, still empty) is a writer at
// work, given a longer quiet to close it. A writer that never closes is still
// followed, after the longer quiet; a burst that never goes quiet (a checkout of
// thousands of files) is cut at `longest`.
#include <chrono>
#include <optional>

namespace deckgen {

class SaveBurst {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Step { finished, writing };
  struct Quiet {
    std::chrono::milliseconds after_finished{8};
    std::chrono::milliseconds while_writing{50};
    std::chrono::milliseconds longest{2000};
  };

  SaveBurst() = default;
  explicit SaveBurst(Quiet quiet) : quiet_(quiet) {}

  void add(Step step, Clock::time_point at);
  // When the burst is over (nullopt: no event yet).
  std::optional<Clock::time_point> over_at() const;
  bool over(Clock::time_point now) const { return over_at() && now >= *over_at(); }

 private:
  Quiet quiet_;
  std::optional<Clock::time_point> first_, settled_;
};

}  // namespace deckgen
