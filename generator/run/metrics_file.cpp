#include "run/metrics_file.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace deckgen {
namespace {

// Python's json.dumps writes NaN, Infinity and -Infinity as bare words, which JSON does
// not have and nlohmann::json refuses (the whole file with them); a number beyond the
// double range (1e400) is refused the same way. Outside strings, turn both into strings,
// so that the metric holding one can be named and the rest kept (issue 24).
// Also measures how deep arrays and objects nest, outside strings.
struct Prepared {
  std::string text;
  size_t depth = 0;
};

bool starts_number(std::string_view text, size_t i) {
  char c = text[i];
  bool previous_is_word = i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '.');
  return !previous_is_word && (std::isdigit(static_cast<unsigned char>(c)) ||
                               (c == '-' && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))));
}

Prepared prepare(std::string_view text) {
  Prepared out;
  out.text.reserve(text.size());
  bool in_string = false;
  size_t depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out.text += c;
      if (c == '\\' && i + 1 < text.size()) out.text += text[++i];
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') out.depth = std::max(out.depth, ++depth);
    if ((c == ']' || c == '}') && depth > 0) --depth;
    bool quoted = false;
    for (std::string_view word : {"-Infinity", "Infinity", "NaN"}) {
      if (text.substr(i, word.size()) == word) {
        out.text += fmt::format("\"{}\"", word);
        i += word.size() - 1;
        quoted = true;
        break;
      }
    }
    if (!quoted && starts_number(text, i)) {
      size_t end = text.find_first_not_of("0123456789+-.eE", i + 1);
      if (end == std::string_view::npos) end = text.size();
      std::string number(text.substr(i, end - i));
      if (!std::isfinite(std::strtod(number.c_str(), nullptr))) {
        out.text += fmt::format("\"{}\"", number);
        i = end - 1;
        quoted = true;
      }
    }
    if (!quoted) out.text += c;
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
    if (!s.empty() && s.find_first_not_of("0123456789+-.eE") == std::string::npos &&
        !std::isfinite(std::strtod(s.c_str(), nullptr)))
      return fmt::format("is beyond the range of a double: {}", s.size() > 40 ? s.substr(0, 37) + "..." : s);
  }
  std::string shown = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
  return fmt::format("is {}, not a number: {}", value.type_name(), shown);
}

}  // namespace

MetricsFile parse_metrics_file(std::string_view text, std::string_view file_name) {
  MetricsFile file;
  Prepared prepared = prepare(text);
  // A metric is a number or {"value", "unit"} inside {"metrics": ...}: three levels. Deeper
  // values are refused before parsing, since formatting the warning about a 200,000-deep
  // value recursed once per level and overflowed the stack (issue 24).
  if (prepared.depth > kMaxMetricsNesting) {
    file.problems.push_back(fmt::format("{} nests arrays or objects more than {} deep: none of its metrics were read",
                                        file_name, kMaxMetricsNesting));
    return file;
  }
  auto json = nlohmann::json::parse(prepared.text, nullptr, false);
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
