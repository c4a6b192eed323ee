#include "render/trace_events.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace deckgen {
namespace {

using json = nlohmann::json;

// Thrown inside the parser's callback to stop at the first fault; caught below and
// returned as the message.
struct Unreadable {
  std::string message;
};

std::string without_exception_prefix(std::string what) {
  // "[json.exception.parse_error.101] parse error at line 1, ..." → "parse error at ..."
  if (!what.empty() && what[0] == '[') {
    size_t close = what.find("] ");
    if (close != std::string::npos) what.erase(0, close + 2);
  }
  return what;
}

// Some producers stream an array and never close it; chrome://tracing accepts that.
std::string closed_array(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  size_t last = text.find_last_not_of(" \t\r\n");
  if (first == std::string::npos || text[first] != '[' || text[last] == ']') return {};
  std::string closed = text.substr(0, text[last] == ',' ? last : last + 1);
  closed += ']';
  return closed;
}

class EventWalker {
 public:
  explicit EventWalker(const std::function<void(json&, size_t)>& on_event) : on_event_(on_event) {}

  void read(const std::string& text) {
    auto callback = [this](int depth, json::parse_event_t event, json& parsed) {
      return on_parse_event(depth, event, parsed);
    };
    try {
      json skeleton = json::parse(text, callback);  // the events were taken out already
      (void)skeleton;
    } catch (const json::parse_error& e) {
      throw Unreadable{"not valid JSON: " + without_exception_prefix(e.what())};
    } catch (const json::out_of_range& e) {
      // nlohmann refuses a number no double holds (1e999) rather than make it infinite:
      // a time or a value that could never be drawn, so the trace cannot be either.
      throw Unreadable{fmt::format("{} (near event #{}): too large for a double",
                                   without_exception_prefix(e.what()), event_number_)};
    } catch (const json::exception& e) {
      throw Unreadable{"unreadable JSON: " + without_exception_prefix(e.what())};
    }
    if (root_ == Root::unknown)
      throw Unreadable{"not a trace: expected a JSON array of events or an object with \"traceEvents\""};
    if (root_ == Root::object && !saw_events_)
      throw Unreadable{"not a trace: the JSON object has no \"traceEvents\" array"};
  }

 private:
  enum class Root { unknown, array, object };

  bool on_parse_event(int depth, json::parse_event_t event, json& parsed) {
    using E = json::parse_event_t;
    // Checked before anything deeper is built: nesting 100,000 deep crashed deckgen.
    if (depth > kMaxTraceNesting)
      throw Unreadable{fmt::format("JSON nested more than {} levels deep (near event #{})", kMaxTraceNesting,
                                   event_number_)};
    if (depth == 0 && (event == E::object_start || event == E::array_start)) {
      root_ = event == E::object_start ? Root::object : Root::array;
      events_depth_ = root_ == Root::array ? 1 : 2;
      in_events_ = root_ == Root::array;
      saw_events_ = in_events_;
      return true;
    }
    if (root_ == Root::object && depth == 1) {
      if (event == E::key) {
        last_key_ = parsed.get<std::string>();
        return last_key_ == "traceEvents";   // the rest (metadata, ...) is skipped unread
      }
      if (event == E::array_start && last_key_ == "traceEvents") {
        in_events_ = saw_events_ = true;
        return true;
      }
      if (event == E::array_end) in_events_ = false;
      return true;
    }
    if (!in_events_ || depth != events_depth_) return true;
    switch (event) {
      case E::object_start:
        ++event_number_;
        return true;
      case E::object_end:
        on_event_(parsed, event_number_);
        return false;   // handed over: drop it from the document
      case E::value:
      case E::array_start:
        throw Unreadable{fmt::format("event #{} is not a JSON object", event_number_ + 1)};
      default:
        return true;
    }
  }

  const std::function<void(json&, size_t)>& on_event_;
  Root root_ = Root::unknown;
  int events_depth_ = 1;
  bool in_events_ = false, saw_events_ = false;
  std::string last_key_;
  size_t event_number_ = 0;
};

}  // namespace

std::optional<std::string> for_each_trace_event(const std::string& text,
                                                const std::function<void(json&, size_t)>& on_event) {
  std::string closed = closed_array(text);
  try {
    EventWalker(on_event).read(closed.empty() ? text : closed);
  } catch (const Unreadable& u) {
    return u.message;
  }
  return std::nullopt;
}

}  // namespace deckgen
