#include "read/front_matter.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <optional>

#include "model/input_error.h"
#include "read/yaml_values.h"
#include "util/text.h"

namespace deckgen {
namespace {

bool is_fence_line(std::string_view line, bool closing) {
  line = trim_right(line);
  return line == "---" || (closing && line == "...");
}

// languages:
//   zig: {extensions: [.zig], compile: [zig, build-exe, -O, ReleaseFast, "{file}", "-femit-bin={exe}"], run: ["{exe}"]}
Language read_language(const std::string& name, const YAML::Node& n, const YamlValues& v) {
  Language lang;
  lang.name = name;
  lang.pygments = name;
  v.for_each_key(n, "language", {"extensions", "compile", "run", "highlight"},
                 [&](const std::string& key, const YAML::Node& value) {
                   if (key == "extensions") lang.extensions = v.list(value, key);
                   if (key == "compile") lang.compile = v.list(value, key);
                   if (key == "run") lang.run = v.list(value, key);
                   if (key == "highlight") lang.pygments = v.scalar(value, key);
                 });
  if (lang.run.empty())
    throw InputError(v.pos(n), fmt::format("language '{}' has no 'run' command", name),
                     "add e.g. `run: [\"{exe}\"]` (compiled) or `run: [interpreter, \"{file}\"]`");
  return lang;
}

using KeyHandler = std::function<void(FrontMatter&, const YAML::Node&, const YamlValues&)>;

// Every key the front matter accepts, with what it does. Adding a key is one entry here.
const std::map<std::string, KeyHandler>& key_table() {
  static const std::map<std::string, KeyHandler> table = {
      {"title", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) { f.title = v.scalar(n, "title"); }},
      {"author", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) { f.author = v.scalar(n, "author"); }},
      {"event", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) { f.event = v.scalar(n, "event"); }},
      {"date", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) { f.date = v.scalar(n, "date"); }},
      {"theme", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) {
         f.theme = v.one_of(n, "theme", {"light", "dark", "paper"}); }},
      // The path for now; read_deck replaces it with the file's text (read/stylesheet.h).
      {"css", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) { f.css = v.scalar(n, "css"), f.css_pos = v.pos(n); }},
      {"slide_numbers", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) {
         f.slide_numbers = v.boolean(n, "slide_numbers"); }},
      {"transition", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) {
         f.transition = v.one_of(n, "transition", {"none", "fade", "slide", "convex", "concave", "zoom"}); }},
      {"aspect_ratio", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) {
         f.aspect_ratio = v.one_of(n, "aspect_ratio", {"16:9", "4:3"}); }},
      {"snippets", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) { f.snippets = v.scalar(n, "snippets"), f.snippets_pos = v.pos(n); }},
      {"confidence", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) {
         f.confidence = v.number(n, "confidence", 0.5, 0.9999); }},
      {"slide_level", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) {
         f.slide_level = static_cast<int>(v.integer(n, "slide_level", 0, 6)); }},
      {"provenance", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) {
         f.provenance = v.one_of(n, "provenance", {"end", "before_last"}); }},
      {"busy_notes", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) {
         f.busy_notes = v.boolean(n, "busy_notes"); }},
      // Read like a run block's compile_timeout: seconds, at most an hour.
      {"dot_timeout", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) {
         f.dot_timeout = std::chrono::milliseconds(std::lround(v.number(n, "dot_timeout", 0.001, 3600) * 1000)); }},
      {"python", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) { f.python = v.scalar(n, "python"); }},
      {"languages", [](FrontMatter& f, const YAML::Node& n, const YamlValues& v) {
         if (!n.IsMap()) throw InputError(v.pos(n), "'languages' must map language names to their commands");
         for (const auto& entry : n) f.languages.push_back(read_language(v.scalar(entry.first, "languages"), entry.second, v));
       }},
  };
  return table;
}

// Front-matter keys of Quarto (and R Markdown), Marp and presenterm that mean nothing
// to deckgen: a deck written for those tools is accepted with one warning naming them,
// while a typo of one of deckgen's own keys stays an error (they are not "known" to the
// "did you mean" hint).
constexpr std::string_view kForeignKeys[] = {
    // Quarto and pandoc
    "format", "execute", "jupyter", "engine", "knitr", "editor", "editor_options", "filters", "bibliography",
    "csl", "lang", "subtitle", "institute", "footer", "logo", "title-slide-attributes", "slide-number",
    "embed-resources", "self-contained", "highlight-style", "code-fold", "code-line-numbers", "echo",
    "revealjs-plugins", "toc", "number-sections", "scrollable", "smaller", "incremental", "preview-links",
    "chalkboard", "multiplex", "crossref", "description", "abstract", "keywords", "categories", "draft",
    "params", "output", "slide-level",
    // Marp
    "marp", "paginate", "header", "size", "style", "class", "math", "headingDivider", "backgroundColor",
    "backgroundImage", "color", "inlineSVG",
    // presenterm
    "sub_title", "authors", "location", "options",
};

bool is_foreign_key(std::string_view key) {
  return std::find(std::begin(kForeignKeys), std::end(kForeignKeys), key) != std::end(kForeignKeys);
}

// The slide level a Quarto or Marp deck asks for: `format: {revealjs: {slide-level: N}}`,
// top-level `slide-level: N` or Marp's `headingDivider: N`. nullopt when none is readable.
std::optional<int> foreign_slide_level(const std::string& key, const YAML::Node& value) {
  auto level = [](const YAML::Node& n) -> std::optional<int> {
    if (!n || !n.IsScalar()) return std::nullopt;
    const std::string& s = n.Scalar();
    if (s.size() != 1 || s[0] < '0' || s[0] > '6') return std::nullopt;
    return s[0] - '0';
  };
  if (key == "slide-level" || key == "headingDivider") return level(value);
  if (key == "format" && value.IsMap())
    for (const auto& entry : value)
      if (entry.second.IsMap())
        if (auto found = level(entry.second["slide-level"])) return found;
  return std::nullopt;
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
  YamlValues values(file, first_line);
  YAML::Node root = values.load(yaml, "front matter");
  if (root.IsNull()) return fm;
  std::vector<std::string> known;
  for (const auto& [key, _] : key_table()) known.push_back(key);
  InputErrorList key_errors;  // every key's mistake, not only the first
  values.collect_key_errors(key_errors);
  std::optional<int> asked_level;  // by a foreign key; deckgen's own slide_level wins
  if (root.IsMap()) {
    std::vector<std::string> foreign;
    for (const auto& entry : root) {
      std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      if (!is_foreign_key(key)) continue;
      fm.foreign_keys.emplace_back(key, values.pos(entry.first));
      if (!asked_level) asked_level = foreign_slide_level(key, entry.second);
      foreign.push_back(key);
    }
    for (const std::string& key : foreign) root.remove(key);
  }
  values.for_each_key(root, "front matter", known, [&](const std::string& key, const YAML::Node& value) {
    key_table().at(key)(fm, value, values);
  });
  key_errors.throw_if_any();
  if (!fm.slide_level) fm.slide_level = asked_level;
  return fm;
}

}  // namespace deckgen
