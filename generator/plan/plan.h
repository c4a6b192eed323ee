#pragma once
// The plan: every snippet the deck runs, checked against the file system and the
// language table, with the code its slide shows. Nothing has run yet.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/input_error.h"

namespace deckgen {

struct PlannedSnippet {
  SnippetSpec spec;
  Language language;
  std::string source;      // the whole file
  std::string shown_code;  // what the slide shows: the region, or the whole file
  // The snippets folder as the program's messages name it (absolute, from the command
  // line), and as its slide names it: relative to the deck folder, so that a traceback
  // or a compiler error does not show the build machine's paths.
  std::string folder_in_messages, folder_on_slides;
};

struct Plan {
  std::filesystem::path snippets_dir;
  std::vector<PlannedSnippet> snippets;
  const PlannedSnippet* find(const std::string& id) const;
  const PlannedSnippet* at(const SourcePos& block) const;
};

// `snippets_override` (from --snippets) wins over the front matter, which wins over
// the default: a `snippets` folder beside the deck folder. Throws InputError (InputErrors
// when there are several: every block is checked) naming the offending key of the run
// block for a missing file, a path leaving the snippets folder, a duplicate id, an
// unknown language or region; a missing snippets folder is one error naming the folder.
Plan make_plan(const Deck& deck, const std::optional<std::filesystem::path>& snippets_override);
// The same, adding its errors to `errors` (which may hold the reader's already) and
// leaving out the snippets it could not plan.
Plan make_plan(const Deck& deck, const std::optional<std::filesystem::path>& snippets_override,
               InputErrorList& errors);

// The lines between `region NAME` and `endregion` comment markers (any comment style:
// `# region x`, `// region x`), without the markers and without other regions'
// markers, dedented. nullopt when the region is not in the text.
std::optional<std::string> extract_region(std::string_view source, std::string_view name);

// The text without any region marker lines (what the slide shows for a whole file).
std::string strip_region_markers(std::string_view source);

}  // namespace deckgen
