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

// The copy of that merged trace the deck carries inside itself (its timeline's download
// link), bounded so that a trace cannot swell the deck (a 50 MB span name made a 262 MB
// deck, issue 24): every string (names, categories, argument keys and values) longer
// than kMaxEmbeddedStringChars characters is cut to that many, ending in "…", as the
// timeline cuts names; events that would take the copy past `max_bytes` are left out.
// The file beside the deck (traces/ID.json) stays whole.
inline constexpr size_t kMaxEmbeddedStringChars = 200;
inline constexpr size_t kMaxEmbeddedTraceBytes = 16 << 20;

struct EmbeddedTrace {
  std::string json;
  size_t strings_cut = 0;
  size_t events = 0, events_left_out = 0;
};
EmbeddedTrace embedded_trace_json(const std::vector<std::string>& traces, size_t max_bytes = kMaxEmbeddedTraceBytes);

// What the deck's copy of snippet `id`'s trace left out, for a warning; empty when it is whole.
std::string embedded_trace_warning(const std::string& id, const EmbeddedTrace& embedded);

}  // namespace deckgen
