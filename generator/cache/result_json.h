#pragma once
// A SnippetResult as JSON and back, exactly, for the result cache. (The report has its
// own, reader-oriented JSON: write/report.cpp; this one is only read by deckgen.)
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "model/results.h"

namespace deckgen {

// Every field but from_cache. Text that is not valid UTF-8 (raw compiler output, a trace
// file) is stored with U+FFFD in place of the invalid bytes, as the page shows it.
nlohmann::json result_to_json(const SnippetResult& result);

// The result, or nullopt with the reason in `error` when a field is missing or has the
// wrong type. from_cache is left false; the store sets it.
std::optional<SnippetResult> result_from_json(const nlohmann::json& json, std::string* error);

// A Summary alone (also kept for the harness overhead); summary_from_json throws
// std::invalid_argument (or nlohmann's errors) on a malformed one.
nlohmann::json summary_to_json(const Summary& summary);
Summary summary_from_json(const nlohmann::json& json);

}  // namespace deckgen
