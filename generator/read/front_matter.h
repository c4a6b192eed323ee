#pragma once
// YAML front matter at the top of the deck's first file.
#include <string>
#include <string_view>

#include "model/document.h"

namespace deckgen {

// A file split into its front matter (if any) and the Markdown after it.
struct FrontMatterSplit {
  bool present = false;
  std::string_view yaml;   // between the `---` lines
  int yaml_first_line = 0; // file line of yaml's first line
  std::string_view body;   // the Markdown after the closing line
  int body_first_line = 1; // file line of body's first line
};

// Finds front matter: a first line `---`, then YAML, then a line `---` or `...`.
// Throws InputError when the opening line has no closing one.
FrontMatterSplit split_front_matter(std::string_view text, const std::string& file);

// Parses and validates the YAML. Unknown keys and wrong values are InputErrors naming
// file:line:column of the offending key or value.
FrontMatter parse_front_matter(std::string_view yaml, const std::string& file, int first_line);

}  // namespace deckgen
