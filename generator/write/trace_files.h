#pragma once
// A snippet's trace as one file beside the deck (output/traces/ID.json): every process's
// events in one Chrome Trace Event Format document, which the Perfetto UI and
// chrome://tracing load as they are.
#include <string>
#include <vector>

namespace deckgen {

// Concatenates the events of each trace-*.json text, read as the timeline reads them
// (render/trace_events.h: an array, closed or not, or an object with traceEvents). Texts
// unreadable as a trace (not JSON, nested too deep, an event that is not an object) are
// skipped whole: the timeline reports them.
std::string merged_trace_json(const std::vector<std::string>& traces);

}  // namespace deckgen
