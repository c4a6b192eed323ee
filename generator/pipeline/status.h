#pragma once
// Where the build reports what it is doing. Stages never print; they tell a Status.
// Tests use a recording one; the terminal one writes to stderr.
#include <memory>
#include <string>
#include <string_view>

namespace deckgen {

struct Progress {
  size_t index = 0, count = 0;  // snippet index (0-based) of count
  std::string id;               // the snippet
  std::string phase;            // "compiling", "run 2/5", ...
  double elapsed_seconds = 0;   // since measuring started
};

class Status {
 public:
  virtual ~Status() = default;
  virtual void info(const std::string& line) = 0;     // progress, what was written
  virtual void summary(const std::string& line) { info(line); }  // the result; shown even when quiet
  virtual void warning(const std::string& line) = 0;  // something worth fixing; the build goes on
  virtual void error(const std::string& line) = 0;    // why the build failed
  virtual void detail(const std::string&) {}          // --verbose only: commands run, why a snippet reran
  virtual void progress(const Progress&) {}           // long work under way
  virtual void progress_done() {}                     // clears a live progress line
};

enum class Verbosity {
  quiet,    // -q: only errors and the summary (no progress, no info, no warnings)
  normal,
  verbose,  // --verbose: also every command run and why each snippet reran
};

// On a terminal, progress is one line redrawn in place; otherwise (CI) one plain line
// per snippet. Colour as colour_for(stderr, NO_COLOR, FORCE_COLOR) decides.
std::unique_ptr<Status> make_terminal_status(Verbosity verbosity);

enum class IsTerminal { no, yes };
enum class Colour { off, on };
// The usual conventions (no-color.org, force-color.org): FORCE_COLOR set, not empty and
// not "0" (which Node's tools read as "no") turns colour on; otherwise NO_COLOR set and not empty turns it off; otherwise colour
// goes to a terminal only. Null pointers are unset variables.
Colour colour_for(IsTerminal stderr_is_terminal, const char* no_color, const char* force_color);

// "file:1:2: error: what" with the "error:" (or "warning:") tag coloured.
std::string coloured_tag(const std::string& line, std::string_view tag, std::string_view sgr);

}  // namespace deckgen
