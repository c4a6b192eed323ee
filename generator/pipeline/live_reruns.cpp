#include "pipeline/live_reruns.h"

#include <nlohmann/json.hpp>

#include "util/utf8_pieces.h"

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
  // The runs that measure deckgen's own overhead are not the snippet's: nothing to show.
  if (request.purpose == RunPurpose::harness_overhead) return inner_.run(request);
  tell_(rerun_event_json(id_, "run"));
  // Each stream is cut into whole characters: a read may end inside one.
  Utf8Pieces out, err;
  auto show = [this](OutputStream stream, const std::string& text) {
    std::string shown;
    {
      std::lock_guard lock(mutex_);
      shown.assign(utf8_prefix(text, left_));
      left_ -= shown.size();
      if (shown.size() < text.size()) left_ = 0;  // the cap cut here: nothing after it
    }
    if (!shown.empty()) tell_(rerun_event_json(id_, stream == OutputStream::out ? "out" : "err", shown));
  };
  RunRequest streamed = request;
  streamed.on_output = [&](OutputStream stream, std::string_view text) {
    show(stream, (stream == OutputStream::out ? out : err).take(text));
  };
  RunOutcome outcome = inner_.run(streamed);
  show(OutputStream::out, out.finish());
  show(OutputStream::err, err.finish());
  return outcome;
}

}  // namespace deckgen
