#include "pipeline/live_reruns.h"

#include <nlohmann/json.hpp>

namespace deckgen {

void RerunQueue::set_snippets(std::set<std::string> ids) {
  std::lock_guard lock(mutex_);
  ids_ = std::move(ids);
}

RerunAnswer RerunQueue::ask(const std::string& id) {
  std::lock_guard lock(mutex_);
  if (!ids_.count(id)) return RerunAnswer::unknown_snippet;
  if (queued_ || running_) return RerunAnswer::busy;
  queued_ = id;
  return RerunAnswer::queued;
}

bool RerunQueue::pending() const {
  std::lock_guard lock(mutex_);
  return queued_.has_value();
}

std::optional<std::string> RerunQueue::start() {
  std::lock_guard lock(mutex_);
  std::optional<std::string> id = std::move(queued_);
  queued_.reset();
  if (id) running_ = true;
  return id;
}

void RerunQueue::done() {
  std::lock_guard lock(mutex_);
  running_ = false;
}

std::string rerun_event_json(std::string_view id, std::string_view state, std::string_view text,
                             std::optional<uint64_t> version) {
  nlohmann::json event = {{"id", std::string(id)}, {"state", std::string(state)}, {"text", std::string(text)}};
  if (version) event["version"] = *version;
  // A snippet's raw output may be invalid UTF-8: replaced, not an exception. The event
  // is one line (no raw newline in JSON), as server-sent events need.
  return event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StreamingRunner::StreamingRunner(Runner& inner, std::string id, Tell tell, size_t cap)
    : inner_(inner), id_(std::move(id)), tell_(std::move(tell)), left_(cap) {}

StreamingRunner::StreamingRunner(std::unique_ptr<Runner> owned, std::string id, Tell tell, size_t cap)
    : owned_(std::move(owned)), inner_(*owned_), id_(std::move(id)), tell_(std::move(tell)), left_(cap) {}

RunOutcome StreamingRunner::run(const RunRequest& request) {
  tell_(rerun_event_json(id_, "run"));
  RunRequest streamed = request;
  streamed.on_output = [this](OutputStream stream, std::string_view text) {
    std::string shown;
    {
      std::lock_guard lock(mutex_);
      shown.assign(text.substr(0, std::min(text.size(), left_)));
      left_ -= shown.size();
    }
    if (!shown.empty()) tell_(rerun_event_json(id_, stream == OutputStream::out ? "out" : "err", shown));
  };
  return inner_.run(streamed);
}

}  // namespace deckgen
