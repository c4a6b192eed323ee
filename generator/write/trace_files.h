#pragma once
// A snippet's trace as one file beside the deck (output/traces/ID.json): every process's
// events in one Chrome Trace Event Format document, which the Perfetto UI and
// chrome://tracing load as they are.
#include <string>
#include <vector>

namespace deckgen {

// Concatenates the events of each trace-*.json text (an array, or an object with
// traceEvents). Texts that are not JSON are skipped: the timeline reports them.
std::string merged_trace_json(const std::vector<std::string>& traces);

}  // namespace deckgen
