// libFuzzer target for trace parsing: any bytes as a snippet's trace file must be read
// and, when readable, drawn as a timeline, without crashing, hanging or growing without
// bound (issue 13: times near the double limit looped for ever, deep nesting crashed).
// A TraceError is a correct answer to a bad trace.
#include <cstdint>
#include <string>
#include <variant>

#include "render/timeline_svg.h"
#include "render/trace.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  // Half the inputs as two files, so that merging across files is fuzzed too.
  std::vector<std::string> files{text};
  if (size > 1 && data[0] % 2) files = {text.substr(0, size / 2), text.substr(size / 2)};
  auto merged = deckgen::merge_traces(files);
  if (auto* trace = std::get_if<deckgen::Trace>(&merged)) {
    std::string svg = deckgen::timeline_svg(*trace);
    if (svg.find("</svg>") == std::string::npos) __builtin_trap();
  }
  return 0;
}
