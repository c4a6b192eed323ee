#pragma once
// The one reader of a Chrome Trace Event Format file's shape: a JSON array of events, or
// an object whose "traceEvents" holds that array (other keys are skipped unread), and an
// array some producers stream and never close (chrome://tracing accepts that). Both the
// timeline's parser (render/trace.h) and the merged file beside the deck
// (write/trace_files.h) read traces through it, so the two accept the same files.
//
// Each event is handed over as the parser closes it and then dropped: the document is
// never held whole, so memory stays that of one event whatever the file holds (a DOM of
// a million events took 1.5 GB), and nesting deeper than kMaxTraceNesting stops the
// parse before it is built (100,000 levels crashed deckgen).
#include <cstddef>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace deckgen {

// JSON nesting (the event array, an event, its args, ...). Chromium's deepest is about 6.
inline constexpr int kMaxTraceNesting = 64;

// Calls on_event(event, number) for each event of one trace file's text, in file order;
// `number` counts from 1. Returns what makes the text unreadable as a trace, or nothing:
// not JSON, a number no double holds, nesting too deep, a root that is neither an array
// nor an object with "traceEvents", an event that is not a JSON object. Events before
// the fault have been handed over already. Exceptions thrown by on_event pass through.
std::optional<std::string> for_each_trace_event(
    const std::string& text, const std::function<void(nlohmann::json& event, size_t number)>& on_event);

}  // namespace deckgen
