#include "cache/key_changes.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

namespace deckgen {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// Reads "NAME SP LENGTH LF VALUE LF" records after the first line; stops at anything
// malformed (a damaged text then differs from every good one, which is still true).
Fields parse(std::string_view text) {
  Fields fields;
  size_t at = text.find('\n');
  if (at == std::string_view::npos) return fields;
  ++at;
  while (at < text.size()) {
    size_t space = text.find(' ', at), newline = text.find('\n', at);
    if (space == std::string_view::npos || newline == std::string_view::npos || space > newline) break;
    std::string name(text.substr(at, space - at));
    size_t length = 0;
    for (char c : text.substr(space + 1, newline - space - 1)) {
      if (c < '0' || c > '9') return fields;
      length = length * 10 + static_cast<size_t>(c - '0');
    }
    if (newline + 1 + length + 1 > text.size()) break;
    fields.emplace_back(std::move(name), std::string(text.substr(newline + 1, length)));
    at = newline + 1 + length + 1;
  }
  return fields;
}

// A field's values by name, in order (lists repeat a name).
std::map<std::string, std::vector<std::string>> by_name(const Fields& fields) {
  std::map<std::string, std::vector<std::string>> values;
  for (const auto& [name, value] : fields) values[name].push_back(value);
  return values;
}

// Local files by path: "dep" and "dep.content" (and "helper"/"helper.content") alternate.
std::map<std::string, std::string> files(const Fields& fields, std::string_view name) {
  std::map<std::string, std::string> out;
  std::string content_name = std::string(name) + ".content";
  for (size_t i = 0; i + 1 < fields.size(); ++i)
    if (fields[i].first == name && fields[i + 1].first == content_name) out[fields[i].second] = fields[i + 1].second;
  return out;
}

std::string first_value(const std::map<std::string, std::vector<std::string>>& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() || it->second.empty() ? std::string() : it->second.front();
}

// The words for an input, by the field's name (or the group its name starts).
std::string phrase(const std::string& field, const std::string& language) {
  static const std::map<std::string, std::string> words = {
      {"deckgen_version", "deckgen's version changed"},
      {"method", "deckgen measures differently now"},
      {"machine", "the machine changed"},
      {"cpus", "the CPUs it may run on changed (--cpus, taskset)"},
      {"measurement", "how it is measured changed (alone or beside other work)"},
      {"id", "id changed"},
      {"language", "language changed"},
      {"path_env", "PATH changed"},
      {"compile", "compile command changed"},
      {"run", "command or args changed"},
      {"env", "env changed"},
      {"stdin", "stdin changed"},
      {"timeout_ms", "timeout changed"},
      {"runs", "runs changed"},
      {"warmup", "warmup changed"},
      {"trace", "trace changed"},
      {"expect", "expect changed"},
      {"source", "source changed"},
  };
  if (field == "tool.version") return fmt::format("{} version changed", language.empty() ? "tool" : language);
  if (field == "tool.path") return fmt::format("{} path changed", language.empty() ? "tool" : language);
  std::string group = field.substr(0, field.find('.'));
  auto it = words.find(group);
  return it != words.end() ? it->second : fmt::format("{} changed", field);
}

void add_once(std::vector<std::string>& out, std::string phrase) {
  if (std::find(out.begin(), out.end(), phrase) == out.end()) out.push_back(std::move(phrase));
}

void file_changes(const Fields& before, const Fields& after, std::string_view name, std::string_view what,
                  std::vector<std::string>& out) {
  auto old_files = files(before, name), new_files = files(after, name);
  for (const auto& [path, content] : new_files) {
    auto was = old_files.find(path);
    if (was == old_files.end()) add_once(out, fmt::format("{} {} is new", what, path));
    else if (was->second != content) add_once(out, fmt::format("{} {} changed", what, path));
  }
  for (const auto& [path, _] : old_files)
    if (!new_files.count(path)) add_once(out, fmt::format("{} {} is no longer used", what, path));
}

}  // namespace

std::vector<std::string> key_changes(std::string_view before, std::string_view after) {
  if (before.empty()) return {"no earlier result in the cache"};
  if (before == after) return {};
  Fields old_fields = parse(before), new_fields = parse(after);
  auto old_values = by_name(old_fields), new_values = by_name(new_fields);
  std::string language = first_value(new_values, "language");
  std::vector<std::string> changes;
  for (const auto& [name, _] : new_fields) {
    if (name.starts_with("dep") || name.starts_with("helper")) continue;
    if (old_values[name] != new_values[name]) add_once(changes, phrase(name, language));
  }
  for (const auto& [name, _] : old_fields)  // a field only the old key had
    if (!new_values.count(name) && !name.starts_with("dep") && !name.starts_with("helper"))
      add_once(changes, phrase(name, language));
  file_changes(old_fields, new_fields, "dep", "local file", changes);
  file_changes(old_fields, new_fields, "helper", "deckgen's trace helper", changes);
  if (changes.empty()) changes.push_back("the cache key's format changed");
  return changes;
}

}  // namespace deckgen
