#include "read/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>

#include "model/input_error.h"
#include "util/text.h"

namespace deckgen {
namespace {

bool is_fence_line(std::string_view line, bool closing) {
  line = trim_right(line);
  return line == "---" || (closing && line == "...");
}

class ValueReader {
 public:
  ValueReader(const std::string& file, int first_line) : file_(file), first_line_(first_line) {}

  SourcePos pos(const YAML::Node& n) const {
    const YAML::Mark m = n.Mark();
    if (m.line < 0) return {file_, first_line_, 1};
    return {file_, first_line_ + m.line, m.column + 1};
  }

  std::string scalar(const YAML::Node& n, std::string_view key) const {
    if (!n.IsScalar())
      throw InputError(pos(n), fmt::format("'{}' must be a single value, not a list or a map", key),
                       fmt::format("write it as `{}: some text`", key));
    return n.Scalar();
  }

  std::string one_of(const YAML::Node& n, std::string_view key,
                     std::initializer_list<std::string_view> allowed) const {
    std::string v = scalar(n, key);
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
      throw InputError(pos(n), fmt::format("'{}' cannot be '{}'", key, v),
                       fmt::format("use one of: {}", fmt::join(allowed, ", ")));
    return v;
  }

  bool boolean(const YAML::Node& n, std::string_view key) const {
    std::string v = scalar(n, key);
    if (v == "true" || v == "yes" || v == "on") return true;
    if (v == "false" || v == "no" || v == "off") return false;
    throw InputError(pos(n), fmt::format("'{}' must be true or false, not '{}'", key, v));
  }

 private:
  const std::string& file_;
  int first_line_;
};

using KeyHandler = std::function<void(FrontMatter&, const YAML::Node&, const ValueReader&)>;

// Every key the front matter accepts, with what it does. Adding a key is one line here.
const std::map<std::string, KeyHandler, std::less<>>& key_table() {
  static const std::map<std::string, KeyHandler, std::less<>> table = {
      {"title", [](FrontMatter& f, const YAML::Node& n, const ValueReader& r) { f.title = r.scalar(n, "title"); }},
      {"author", [](FrontMatter& f, const YAML::Node& n, const ValueReader& r) { f.author = r.scalar(n, "author"); }},
      {"event", [](FrontMatter& f, const YAML::Node& n, const ValueReader& r) { f.event = r.scalar(n, "event"); }},
      {"date", [](FrontMatter& f, const YAML::Node& n, const ValueReader& r) { f.date = r.scalar(n, "date"); }},
      {"theme", [](FrontMatter& f, const YAML::Node& n, const ValueReader& r) {
         f.theme = r.one_of(n, "theme", {"light", "dark"}); }},
      {"slide_numbers", [](FrontMatter& f, const YAML::Node& n, const ValueReader& r) {
         f.slide_numbers = r.boolean(n, "slide_numbers"); }},
      {"transition", [](FrontMatter& f, const YAML::Node& n, const ValueReader& r) {
         f.transition = r.one_of(n, "transition", {"none", "fade", "slide", "convex", "concave", "zoom"}); }},
      {"aspect_ratio", [](FrontMatter& f, const YAML::Node& n, const ValueReader& r) {
         f.aspect_ratio = r.one_of(n, "aspect_ratio", {"16:9", "4:3"}); }},
  };
  return table;
}

std::string known_keys() {
  std::vector<std::string_view> keys;
  for (const auto& [k, _] : key_table()) keys.push_back(k);
  return fmt::format("{}", fmt::join(keys, ", "));
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text, const std::string& file) {
  FrontMatterSplit split;
  split.body = text;
  LineCursor lines(text);
  std::string_view first;
  if (!lines.next(first) || !is_fence_line(first, false)) return split;

  size_t yaml_begin = lines.offset();
  std::string_view line;
  while (lines.next(line)) {
    if (is_fence_line(line, true)) {
      split.present = true;
      split.yaml = text.substr(yaml_begin, lines.line_start() - yaml_begin);
      split.yaml_first_line = 2;
      split.body = text.substr(lines.offset());
      split.body_first_line = lines.line_number() + 1;
      return split;
    }
  }
  throw InputError({file, 1, 1}, "front matter opened with '---' is never closed",
                   "end it with a line '---', or remove the first line if the file has no front matter");
}

FrontMatter parse_front_matter(std::string_view yaml, const std::string& file, int first_line) {
  FrontMatter fm;
  fm.pos = {file, first_line, 1};
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    SourcePos where{file, first_line + std::max(0, e.mark.line), std::max(0, e.mark.column) + 1};
    throw InputError(where, fmt::format("front matter is not valid YAML: {}", e.msg),
                     "front matter is `key: value` lines between two '---' lines");
  }
  if (root.IsNull()) return fm;
  ValueReader reader(file, first_line);
  if (!root.IsMap())
    throw InputError(reader.pos(root), "front matter must be `key: value` lines",
                     fmt::format("known keys: {}", known_keys()));
  for (const auto& entry : root) {
    std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
    auto handler = key_table().find(key);
    if (handler == key_table().end()) {
      std::string hint = fmt::format("known keys: {}", known_keys());
      if (auto near = closest_word(key, key_table()); !near.empty())
        hint = fmt::format("did you mean '{}'? ({})", near, hint);
      throw InputError(reader.pos(entry.first), fmt::format("unknown front matter key '{}'", key), hint);
    }
    handler->second(fm, entry.second, reader);
  }
  return fm;
}

}  // namespace deckgen
