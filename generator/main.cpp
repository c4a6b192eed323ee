// deckgen: Markdown slides to one self-contained HTML deck whose code examples were
// run and measured while it was built. The stages live in libdeckgen; this file only
// turns the command line into options and hands them to the dispatcher.
#include "cli/command_line.h"
#include "pipeline/dispatch.h"

int main(int argc, char** argv) {
  auto parsed = deckgen::parse_command_line(argc, argv);
  if (parsed.exit_code) return *parsed.exit_code;
  return deckgen::run_command(parsed.options);
}
