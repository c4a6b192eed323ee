#pragma once
// What the reader's tree transforms need to know about the file they work on: where it
// is (images are relative to it), its text (for exact positions), and the deck's images
// and warnings they add to.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace deckgen {

struct FileContext {
  const std::filesystem::path& md_file;
  std::string_view text;  // the whole file, front matter included
  std::map<std::string, Asset, std::less<>>& images;
  std::vector<Warning>& warnings;

  void warn(SourcePos pos, std::string problem, std::string what_to_do = {}) const {
    warnings.push_back({std::move(pos), std::move(problem), std::move(what_to_do)});
  }
};

}  // namespace deckgen
