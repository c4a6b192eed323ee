// libFuzzer target for the deck reader: any bytes as a deck file must be read, rendered
// and written to a page without crashing, hanging or leaking. Input errors (InputError)
// are a correct answer to bad input; anything else escaping is a bug.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "model/input_error.h"
#include "read/deck_reader.h"
#include "render/slides.h"
#include "write/page.h"

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The reader works on files (it resolves images relative to them), so each input
  // becomes a one-file deck in a private folder.
  static const fs::path dir = fs::temp_directory_path() / ("deckgen-fuzz-" + std::to_string(::getpid()));
  static const bool made = fs::create_directories(dir);
  (void)made;
  const fs::path file = dir / "slides.md";
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    deckgen::Deck deck = deckgen::read_deck({file});
    auto slides = deckgen::render_slides(deck, {});
    std::string page = deckgen::write_page(deck.meta, slides);
    if (page.empty()) __builtin_trap();
  } catch (const deckgen::InputError&) {
    // bad input, reported properly
  }
  return 0;
}
