// libFuzzer target for the option blocks a deck's author writes: any bytes as the YAML
// of a ```run, ```claim, ```chart or ```timeline block, and as slide text with {{...}}
// placeholders, must be read or refused with an InputError, never crash or hang. The
// first byte chooses the parser, so one corpus serves them all.
#include <cstdint>
#include <string_view>

#include "model/input_error.h"
#include "read/option_blocks.h"
#include "read/run_block.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const deckgen::SourcePos block{"fuzz.md", 3, 1};
  try {
    switch (data[0] % 5) {
      case 0: deckgen::parse_run_block(text, block); break;
      case 1: deckgen::parse_claim_block(text, block); break;
      case 2: deckgen::parse_chart_block(text, block); break;
      case 3: deckgen::parse_timeline_block(text, block); break;
      default: deckgen::find_placeholders(text, block); break;
    }
  } catch (const deckgen::InputError&) {
    // bad input, reported properly
  }
  return 0;
}
