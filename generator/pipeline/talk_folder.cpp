#include "pipeline/talk_folder.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

bool holds_markdown(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".md" && entry.is_regular_file(ec)) return true;
  return false;
}

}  // namespace

Options with_talk_folder_resolved(Options options) {
  if (options.command == Command::init || options.inputs.size() != 1) return options;
  const fs::path talk = options.inputs.front();
  std::error_code ec;
  if (!fs::is_directory(talk, ec) || holds_markdown(talk) || !fs::is_directory(talk / "deck", ec)) return options;
  options.inputs = {talk / "deck"};
  const Options defaults;
  if (options.output == defaults.output) options.output = talk / defaults.output;
  if (options.pdf_output == defaults.pdf_output) options.pdf_output = talk / defaults.pdf_output;
  return options;
}

}  // namespace deckgen
