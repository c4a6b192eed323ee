#include "run/metrics_file.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace deckgen {
namespace {

// Python's json.dumps writes NaN, Infinity and -Infinity as bare words, which JSON does
// not have and nlohmann::json refuses (the whole file with them). Outside strings, turn
// them into strings, so that the metric holding one can be named and the rest kept.
std::string quote_non_finite_words(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    bool quoted = false;
    for (std::string_view word : {"-Infinity", "Infinity", "NaN"}) {
      if (text.substr(i, word.size()) == word) {
        out += fmt::format("\"{}\"", word);
        i += word.size() - 1;
        quoted = true;
        break;
      }
    }
    if (!quoted) out += c;
  }
  return out;
}

// Why `value` is no metric, or empty when it is a finite number.
std::string value_problem(const nlohmann::json& value) {
  if (value.is_number()) {
    double v = value.get<double>();
    return std::isfinite(v) ? std::string() : "is not finite";
  }
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (s == "NaN") return "is NaN";
    if (s == "Infinity" || s == "-Infinity") return fmt::format("is {}", s);
  }
  std::string shown = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
  return fmt::format("is {}, not a number: {}", value.type_name(), shown);
}

}  // namespace

MetricsFile parse_metrics_file(std::string_view text, std::string_view file_name) {
  MetricsFile file;
  auto json = nlohmann::json::parse(quote_non_finite_words(text), nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("metrics") || !json["metrics"].is_object()) {
    file.problems.push_back(fmt::format("{} is not a JSON object with \"metrics\": none of its metrics were read",
                                        file_name));
    return file;
  }
  for (const auto& [name, entry] : json["metrics"].items()) {
    const bool with_unit = entry.is_object();
    const nlohmann::json& value = with_unit && entry.contains("value") ? entry["value"] : entry;
    std::string unit = with_unit && entry.contains("unit") && entry["unit"].is_string() ? entry["unit"].get<std::string>()
                                                                                         : std::string();
    std::string problem = with_unit && !entry.contains("value") ? std::string("has no \"value\"") : value_problem(value);
    if (problem.empty()) file.metrics[name] = {value.get<double>(), std::move(unit)};
    else file.problems.push_back(fmt::format("metric '{}' {}", name, problem));
  }
  return file;
}

}  // namespace deckgen
