#include "plan/plan.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/input_error.h"
#include "plan/languages.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// A region marker is a comment whose text is `region NAME` or `endregion`.
enum class Marker { none, begin, end };

Marker region_marker(std::string_view line, std::string* name = nullptr) {
  std::string_view t = trim(line);
  for (std::string_view comment : {"#", "//", "--", ";"}) {
    if (!t.starts_with(comment)) continue;
    std::string_view rest = trim(t.substr(comment.size()));
    if (rest == "endregion") return Marker::end;
    if (rest.starts_with("region ")) {
      if (name) *name = std::string(trim(rest.substr(7)));
      return Marker::begin;
    }
  }
  return Marker::none;
}

std::string dedent(const std::vector<std::string_view>& lines) {
  size_t common = std::string::npos;
  for (std::string_view l : lines)
    if (!trim(l).empty()) common = std::min(common, l.find_first_not_of(" \t"));
  if (common == std::string::npos) common = 0;
  std::string out;
  for (std::string_view l : lines) {
    out.append(l.size() > common ? l.substr(common) : std::string_view());
    out += '\n';
  }
  return out;
}

bool inside(const fs::path& dir, const fs::path& file) {
  auto d = dir.begin(), f = file.begin();
  for (; d != dir.end(); ++d, ++f)
    if (f == file.end() || *d != *f) return false;
  return true;
}

fs::path snippets_folder(const Deck& deck, const std::optional<fs::path>& override_dir) {
  if (override_dir) return *override_dir;
  if (!deck.meta.snippets.empty()) return deck.deck_dir / deck.meta.snippets;
  return deck.deck_dir.parent_path() / "snippets";
}

void require_snippet(const Plan& plan, const std::string& id, const SourcePos& pos, std::string_view where) {
  if (plan.find(id)) return;
  std::map<std::string, int> ids;
  for (const PlannedSnippet& s : plan.snippets) ids[s.spec.id] = 0;
  std::string near = closest_word(id, ids);
  throw InputError(pos, fmt::format("{} names snippet '{}', which no run block defines", where, id),
                   near.empty() ? std::string("check the id: it is a run block's `id:` (default: the file's stem)")
                                : fmt::format("did you mean '{}'?", near));
}

// Placeholders, claims, charts and timelines may only name snippets the deck runs;
// checking before anything runs saves the author a wasted build.
void check_references(const Deck& deck, const Plan& plan, InputErrorList& errors) {
  for (const Placeholder& p : deck.placeholders)
    errors.collect([&] {
      if (p.kind == Placeholder::Kind::stat) require_snippet(plan, p.a.id, p.pos, "the placeholder");
      if (p.kind == Placeholder::Kind::ratio) {
        require_snippet(plan, p.a.id, p.pos, "the placeholder");
        require_snippet(plan, p.b.id, p.pos, "the placeholder");
      }
    });
  for (const ClaimSpec& c : deck.claims)
    errors.collect([&] {
      for (const std::string& id : claim_snippets(c)) require_snippet(plan, id, c.pos, "the claim");
    });
  for (const ChartSpec& c : deck.charts)
    errors.collect([&] {
      for (const std::string& id : c.snippets) require_snippet(plan, id, c.pos, "the chart");
    });
  for (const TimelineSpec& t : deck.timelines)
    errors.collect([&] {
      require_snippet(plan, t.snippet, t.pos, "the timeline");
      if (!plan.find(t.snippet)->spec.records_trace())
        throw InputError(t.pos, fmt::format("the timeline shows snippet '{}', whose run block does not record a trace", t.snippet),
                         "add `trace: true` (spans), `trace: threads` or both to that run block");
    });
}

}  // namespace

std::optional<std::string> extract_region(std::string_view source, std::string_view name) {
  std::vector<std::string_view> lines;
  LineCursor cursor(source);
  std::string_view line;
  bool in = false, found = false;
  int depth = 0;
  while (cursor.next(line)) {
    std::string found_name;
    Marker m = region_marker(line, &found_name);
    if (!in) {
      if (m == Marker::begin && found_name == name) in = found = true, depth = 0;
      continue;
    }
    if (m == Marker::begin) {
      ++depth;
      continue;
    }
    if (m == Marker::end) {
      if (depth-- == 0) break;
      continue;
    }
    lines.push_back(line);
  }
  if (!found) return std::nullopt;
  return dedent(lines);
}

std::string strip_region_markers(std::string_view source) {
  std::string out;
  LineCursor cursor(source);
  std::string_view line;
  while (cursor.next(line)) {
    if (region_marker(line) != Marker::none) continue;
    out.append(line);
    out += '\n';
  }
  return out;
}

const PlannedSnippet* Plan::find(const std::string& id) const {
  for (const PlannedSnippet& s : snippets)
    if (s.spec.id == id) return &s;
  return nullptr;
}

const PlannedSnippet* Plan::at(const SourcePos& block) const {
  for (const PlannedSnippet& s : snippets)
    if (s.spec.pos == block) return &s;
  return nullptr;
}

Plan make_plan(const Deck& deck, const std::optional<fs::path>& snippets_override) {
  InputErrorList errors;
  Plan plan = make_plan(deck, snippets_override, errors);
  errors.throw_if_any();
  return plan;
}

namespace {

// Where a value of the block was written: the key's own line, or else the block's.
const SourcePos& at(const SourcePos& key, const SourcePos& block) { return key.line > 0 ? key : block; }

// Checks one run block against the snippets folder and the language table.
PlannedSnippet plan_snippet(SnippetSpec spec, const Plan& plan, const fs::path& real_dir,
                            const std::vector<Language>& languages, std::set<std::string>& ids) {
  std::error_code ec;
  fs::path relative(spec.display_file);
  fs::path file = (plan.snippets_dir / relative).lexically_normal();
  if (relative.is_absolute() || !inside(plan.snippets_dir, file) || !inside(real_dir, fs::weakly_canonical(file, ec)))
    throw InputError(at(spec.file_pos, spec.pos), fmt::format("'{}' is outside the snippets folder {}", spec.display_file,
                                                              plan.snippets_dir.generic_string()),
                     "snippets must live in the snippets folder; give a path relative to it");
  PlannedSnippet planned;
  if (!read_file(file, planned.source))
    throw InputError(at(spec.file_pos, spec.pos),
                     fmt::format("snippet file '{}' does not exist in the snippets folder {}", spec.display_file,
                                 plan.snippets_dir.generic_string()),
                     "check the name, or set the folder with `snippets:` in the front matter or --snippets");
  spec.file = file;
  if (spec.id.empty()) spec.id = relative.stem().string();
  if (!ids.insert(spec.id).second) {
    const PlannedSnippet* first = plan.find(spec.id);
    throw InputError(at(spec.id_pos, spec.pos),
                     fmt::format("snippet id '{}' is already used{}", spec.id,
                                 first ? fmt::format(" at {}", first->spec.pos) : std::string()),
                     "give this block its own `id:`");
  }
  const Language* lang = spec.language.empty() ? find_language_by_extension(languages, file.extension().string())
                                               : find_language_by_name(languages, spec.language);
  if (!lang) {
    std::vector<std::string> names;
    for (const Language& l : languages) names.push_back(l.name);
    throw InputError(spec.language.empty() ? at(spec.file_pos, spec.pos) : at(spec.lang_pos, spec.pos),
                     spec.language.empty() ? fmt::format("no language runs '{}' files", file.extension().string())
                                           : fmt::format("unknown language '{}'", spec.language),
                     fmt::format("set `lang:` to one of {}, or add a language in the front matter", fmt::join(names, ", ")));
  }
  spec.language = lang->name;
  planned.language = *lang;
  if (!spec.region.empty()) {
    auto region = extract_region(planned.source, spec.region);
    if (!region)
      throw InputError(at(spec.region_pos, spec.pos), fmt::format("region '{}' is not in {}", spec.region, spec.display_file),
                       fmt::format("mark it in the file with `# region {}` ... `# endregion` (or // in C/C++)", spec.region));
    planned.shown_code = *region;
  } else {
    planned.shown_code = strip_region_markers(planned.source);
  }
  planned.spec = std::move(spec);
  return planned;
}

}  // namespace

Plan make_plan(const Deck& deck, const std::optional<fs::path>& snippets_override, InputErrorList& errors) {
  Plan plan;
  plan.snippets_dir = fs::absolute(snippets_folder(deck, snippets_override)).lexically_normal();
  std::error_code ec;
  // A missing folder is one mistake, named as a folder, not one missing file per block.
  if (!deck.snippets.empty() && !fs::is_directory(plan.snippets_dir, ec)) {
    std::string problem = fmt::format("the snippets folder {} does not exist", plan.snippets_dir.generic_string());
    if (snippets_override)
      errors.add(InputError({"--snippets"}, problem, "give --snippets an existing folder (relative to where you run deckgen)"));
    else if (!deck.meta.snippets.empty())
      errors.add(InputError(deck.meta.snippets_pos, problem, "`snippets:` is relative to the deck folder; fix it or create the folder"));
    else
      errors.add(InputError(deck.snippets.front().pos, problem,
                            "create it beside the deck folder, or name another with `snippets:` in the front matter or --snippets"));
    return plan;
  }
  std::vector<Language> languages = language_table(deck.meta.languages);
  std::set<std::string> ids;
  fs::path real_dir = fs::weakly_canonical(plan.snippets_dir, ec);
  fs::path deck_dir = fs::absolute(deck.deck_dir, ec).lexically_normal();
  std::string on_slides = plan.snippets_dir.lexically_relative(deck_dir).generic_string();
  for (const SnippetSpec& spec : deck.snippets)
    errors.collect([&] {
      PlannedSnippet& planned = plan.snippets.emplace_back(plan_snippet(spec, plan, real_dir, languages, ids));
      planned.folder_in_messages = plan.snippets_dir.generic_string();
      planned.folder_on_slides = on_slides.empty() ? plan.snippets_dir.generic_string() : on_slides;
    });
  // A block that could not be read or planned would make every reference to it look
  // wrong too: references are checked only when everything else was right.
  if (errors.empty()) check_references(deck, plan, errors);
  return plan;
}

}  // namespace deckgen
