#pragma once
// `deckgen present`'s live reruns: the page asks (serve/deck_server.h, on the server's
// thread), the present loop runs them (pipeline/watch_command.cpp), one at a time.
// RerunQueue decides what may run; StreamingRunner passes each run's output on as it
// arrives, so the page shows it while the snippet is still running.
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "run/snippet_runner.h"
#include "serve/deck_server.h"

namespace deckgen {

class RerunQueue {
 public:
  // The deck's snippet ids, after each build: only those can be asked for.
  void set_snippets(std::set<std::string> ids);
  // Any thread. Queues `id` when it is one of the deck's snippets and no rerun is
  // queued or running.
  RerunAnswer ask(const std::string& id);
  bool pending() const;
  // The queued id, now running (nullopt when none is queued). Ends with done().
  std::optional<std::string> start();
  void done();

 private:
  mutable std::mutex mutex_;
  std::set<std::string> ids_;
  std::optional<std::string> queued_;
  bool running_ = false;
};

// The one-line JSON of a `rerun` event (serve/live_reload.h's script reads it):
// {"id": ..., "state": "start"|"run"|"out"|"err"|"done", "text": ..., ...}.
std::string rerun_event_json(std::string_view id, std::string_view state, std::string_view text = {},
                             std::optional<uint64_t> version = std::nullopt);

// Passes every run on to `inner` and tells `tell` of it: a "run" event as each run
// starts, then its output as it arrives, up to `cap` bytes for the whole rerun (the
// rest is still kept by the run, only not streamed).
class StreamingRunner final : public Runner {
 public:
  using Tell = std::function<void(const std::string& event_json)>;
  StreamingRunner(Runner& inner, std::string id, Tell tell, size_t cap = 64 * 1024);
  StreamingRunner(std::unique_ptr<Runner> owned, std::string id, Tell tell, size_t cap = 64 * 1024);
  RunOutcome run(const RunRequest& request) override;

 private:
  std::unique_ptr<Runner> owned_;
  Runner& inner_;
  std::string id_;
  Tell tell_;
  size_t left_;
  std::mutex mutex_;  // workers' runs may stream at the same time
};

}  // namespace deckgen
