#include "write/trace_files.h"

#include <nlohmann/json.hpp>

namespace deckgen {

std::string merged_trace_json(const std::vector<std::string>& traces) {
  nlohmann::json events = nlohmann::json::array();
  for (const std::string& text : traces) {
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    const nlohmann::json* list = doc.is_array() ? &doc
                                 : (doc.is_object() && doc.contains("traceEvents") && doc["traceEvents"].is_array())
                                     ? &doc["traceEvents"]
                                     : nullptr;
    if (!list) continue;
    for (const auto& e : *list) events.push_back(e);
  }
  nlohmann::json out = {{"displayTimeUnit", "ms"}, {"traceEvents", std::move(events)}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace deckgen
