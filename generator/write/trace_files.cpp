#include "write/trace_files.h"

#include <nlohmann/json.hpp>

#include "render/trace.h"

namespace deckgen {
namespace {

using json = nlohmann::json;

struct Unusable {};  // thrown from the parser's callback: this text is skipped

// Appends each event of one trace text to `out` (with a comma before all but the very
// first) as the parser closes it, then drops it: the document is never held whole, so
// memory stays that of one event whatever the file holds (a DOM of a million events
// took 1.5 GB), and nesting deeper than the trace reader allows stops the parse before
// it is built (100,000 levels crashed deckgen).
void append_events(const std::string& text, std::string& out, bool& first) {
  enum class Root { unknown, array, object } root = Root::unknown;
  int events_depth = 1;
  bool in_events = false;
  std::string last_key;
  auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
    using E = json::parse_event_t;
    if (depth > kMaxTraceNesting) throw Unusable{};
    if (depth == 0 && (event == E::object_start || event == E::array_start)) {
      root = event == E::object_start ? Root::object : Root::array;
      events_depth = root == Root::array ? 1 : 2;
      in_events = root == Root::array;
      return true;
    }
    if (root == Root::object && depth == 1) {
      if (event == E::key) {
        last_key = parsed.get<std::string>();
        return last_key == "traceEvents";  // the rest is skipped unread
      }
      if (event == E::array_start && last_key == "traceEvents") in_events = true;
      if (event == E::array_end) in_events = false;
      return true;
    }
    if (in_events && depth == events_depth && (event == E::object_end || event == E::array_end || event == E::value)) {
      if (!first) out += ',';
      out += parsed.dump(-1, ' ', false, json::error_handler_t::replace);
      first = false;
      return false;  // written: drop it from the document
    }
    return true;
  };
  json skeleton = json::parse(text, callback);
  (void)skeleton;
}

}  // namespace

std::string merged_trace_json(const std::vector<std::string>& traces) {
  std::string out = R"({"displayTimeUnit":"ms","traceEvents":[)";
  bool first = true;
  for (const std::string& text : traces) {
    size_t before = out.size();
    bool was_first = first;
    try {
      append_events(text, out, first);
    } catch (...) {  // not JSON, or nested too deep: skipped (the timeline reports it)
      out.resize(before);
      first = was_first;
    }
  }
  out += "]}\n";
  return out;
}

}  // namespace deckgen
