#include "read/yaml_values.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "util/text.h"

#include <yaml-cpp/depthguard.h>

#include <optional>

namespace deckgen {

namespace {

// How yaml-cpp words the errors a line indented wrong causes.
bool is_indentation_error(const std::string& message) {
  for (std::string_view words : {"illegal map value", "end of map not found", "end of sequence not found",
                                 "block sequence entries are not allowed", "bad indentation"})
    if (message.find(words) != std::string::npos) return true;
  return false;
}

// The line with 1-based number `number`, without its newline; empty past the end.
std::string_view line_at(std::string_view text, int number) {
  LineCursor cursor(text);
  for (std::string_view line; cursor.next(line);)
    if (cursor.line_number() == number) return line;
  return {};
}

size_t indentation(std::string_view line) {
  size_t n = line.find_first_not_of(' ');
  return n == std::string_view::npos ? 0 : n;
}

// The nearest non-blank line before the 0-based `line`, if any.
std::optional<std::string_view> line_before(std::string_view text, int line) {
  for (int l = line; l >= 1; --l)
    if (std::string_view before = line_at(text, l); !trim(before).empty()) return before;
  return std::nullopt;
}

}  // namespace

YAML::Node YamlValues::load(std::string_view text, std::string_view what) const {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's parser recurses, and stops itself at a depth of 2000 of its own calls
    // (about 500 nested lists or maps) with a "bad file" that says nothing useful.
    throw InputError({file_, first_line_ + std::max(0, e.mark.line), std::max(0, e.mark.column) + 1},
                     fmt::format("{} nests lists or maps too deep (the YAML reader stops at about 500 levels)", what),
                     "deckgen's own keys nest a few levels at most: look for a long run of [ or { in it");
  } catch (const YAML::Exception& e) {
    int line = std::max(0, e.mark.line);  // 0-based in `text`
    SourcePos where{file_, first_line_ + line, std::max(0, e.mark.column) + 1};
    if (is_indentation_error(e.msg)) {
      std::string_view here = line_at(text, line + 1);
      std::optional<std::string_view> before = line_before(text, line);
      std::string detail = before ? fmt::format(" (this line is indented by {}, the one before by {})",
                                                indentation(here), indentation(*before))
                                  : std::string();
      throw InputError({file_, first_line_ + line, static_cast<int>(indentation(here)) + 1},
                       fmt::format("{} is not valid YAML, probably because of indentation: {}{}", what, e.msg, detail),
                       fmt::format("keys of one level start in the same column, and only a key's own entries are "
                                   "indented under it (spaces, not tabs), like:\n{}",
                                   kExpectedShape));
    }
    throw InputError(where, fmt::format("{} is not valid YAML: {}", what, e.msg),
                     "write `key: value` lines; quote values that contain ': ' or start with [ { * &");
  }
}

YAML::Node YamlValues::load_block(std::string_view text, const SourcePos& block, std::string_view what,
                                  std::string what_to_do) const {
  YAML::Node root = load(text, what);
  if (!root.IsDefined() || root.IsNull())
    throw InputError(block, fmt::format("{} is empty", what), std::move(what_to_do));
  return root;
}

SourcePos YamlValues::pos(const YAML::Node& n) const {
  const YAML::Mark m = n.Mark();
  if (m.line < 0) return {file_, first_line_, 1};
  return {file_, first_line_ + m.line, m.column + 1};
}

std::string YamlValues::scalar(const YAML::Node& n, std::string_view key) const {
  if (!n.IsScalar())
    throw InputError(pos(n), fmt::format("'{}' must be a single value, not a list or a map", key),
                     fmt::format("write it as `{}: value`", key));
  return n.Scalar();
}

std::string YamlValues::one_of(const YAML::Node& n, std::string_view key,
                               std::initializer_list<std::string_view> allowed) const {
  std::string v = scalar(n, key);
  if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
    throw InputError(pos(n), fmt::format("'{}' cannot be '{}'", key, v),
                     fmt::format("use one of: {}", fmt::join(allowed, ", ")));
  return v;
}

bool YamlValues::boolean(const YAML::Node& n, std::string_view key) const {
  std::string v = scalar(n, key);
  if (v == "true" || v == "yes" || v == "on") return true;
  if (v == "false" || v == "no" || v == "off") return false;
  throw InputError(pos(n), fmt::format("'{}' must be true or false, not '{}'", key, v));
}

long YamlValues::integer(const YAML::Node& n, std::string_view key, long min, long max) const {
  std::string v = scalar(n, key);
  char* end = nullptr;
  long value = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || value < min || value > max)
    throw InputError(pos(n), fmt::format("'{}' must be a whole number from {} to {}, not '{}'", key, min, max, v));
  return value;
}

double YamlValues::number(const YAML::Node& n, std::string_view key, double min, double max) const {
  std::string v = scalar(n, key);
  char* end = nullptr;
  double value = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !std::isfinite(value) || value < min || value > max)
    throw InputError(pos(n), fmt::format("'{}' must be a number from {} to {}, not '{}'", key, min, max, v));
  return value;
}

std::vector<std::string> YamlValues::list(const YAML::Node& n, std::string_view key) const {
  if (n.IsScalar()) return {n.Scalar()};
  if (!n.IsSequence())
    throw InputError(pos(n), fmt::format("'{}' must be a list, like `{}: [a, b]`", key, key));
  std::vector<std::string> out;
  for (const auto& item : n) out.push_back(scalar(item, key));
  return out;
}

std::map<std::string, std::string> YamlValues::string_map(const YAML::Node& n, std::string_view key) const {
  if (!n.IsMap())
    throw InputError(pos(n), fmt::format("'{}' must be a map, like `{}: {{NAME: value}}`", key, key));
  std::map<std::string, std::string> out;
  for (const auto& entry : n) out[scalar(entry.first, key)] = scalar(entry.second, key);
  return out;
}

void YamlValues::unknown_key(const YAML::Node& n, const std::string& key, std::string_view what,
                             const std::vector<std::string>& known) const {
  std::map<std::string, int> candidates;
  for (const auto& k : known) candidates[k] = 0;
  std::string hint = fmt::format("known keys: {}", fmt::join(known, ", "));
  if (auto near = closest_word(key, candidates); !near.empty()) hint = fmt::format("did you mean '{}'? ({})", near, hint);
  throw InputError(pos(n), fmt::format("unknown {} key '{}'", what, key), hint);
}

}  // namespace deckgen
