#include "write/trace_files.h"

#include <nlohmann/json.hpp>

#include "render/trace_events.h"

namespace deckgen {

std::string merged_trace_json(const std::vector<std::string>& traces) {
  std::string out = R"({"displayTimeUnit":"ms","traceEvents":[)";
  bool first = true;
  for (const std::string& text : traces) {
    const size_t before = out.size();
    const bool was_first = first;
    // Each event is written as the reader hands it over, never the whole document.
    auto append = [&](nlohmann::json& event, size_t) {
      if (!first) out += ',';
      out += event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      first = false;
    };
    if (for_each_trace_event(text, append)) {  // unreadable as a trace: skipped (the timeline reports it)
      out.resize(before);
      first = was_first;
    }
  }
  out += "]}\n";
  return out;
}

}  // namespace deckgen
