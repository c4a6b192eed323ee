#pragma once
// Parses argv into Options. Only this file knows the command line's spelling.
#include <optional>

#include "cli/options.h"

namespace deckgen {

struct ParsedCommandLine {
  Options options;
  std::optional<int> exit_code;  // set when the program should exit now (--help, usage error)
};

ParsedCommandLine parse_command_line(int argc, const char* const* argv);

}  // namespace deckgen
