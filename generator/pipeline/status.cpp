#include "pipeline/status.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "util/text.h"

namespace deckgen {
namespace {

// Every line goes through terminal_safe() here, the one place: messages quote file
// names, YAML keys, snippet ids and program output, and an escape sequence in any of
// them must not reach the terminal. The colours below are added after.
class TerminalStatus final : public Status {
 public:
  TerminalStatus(Verbosity verbosity, IsTerminal terminal, Colour colour)
      : quiet_(verbosity == Verbosity::quiet),
        verbose_(verbosity == Verbosity::verbose),
        tty_(terminal == IsTerminal::yes),
        colour_(colour == Colour::on) {}
  void info(const std::string& line) override {
    if (quiet_) return;
    clear_line();
    fmt::print(stderr, "{}\n", terminal_safe(line));
  }
  void summary(const std::string& line) override {
    clear_line();
    if (unshown_warnings_ > 0)
      tagged("warning", "1;33", fmt::format("{} more warnings were not shown", unshown_warnings_));
    // A summary ends a build; under `watch` the next one may show its own warnings.
    shown_warnings_ = unshown_warnings_ = 0;
    fmt::print(stderr, "{}\n", terminal_safe(line));
  }
  void warning(const std::string& line) override {
    if (quiet_) return;  // -q: only errors and the summary
    // Capped like input errors: 100,000 warnings printed 16 MB (issue 24), and nobody
    // reads past the first screens; the summary counts the rest.
    if (shown_warnings_ >= kMaxWarnings) {
      ++unshown_warnings_;
      return;
    }
    tagged("warning", "1;33", line);
    if (++shown_warnings_ == kMaxWarnings)
      tagged("warning", "1;33", fmt::format("{} warnings shown; the rest are only counted", kMaxWarnings));
  }
  void error(const std::string& line) override { tagged("error", "1;31", line); }
  void detail(const std::string& line) override {
    if (!verbose_) return;
    clear_line();
    const std::string safe = terminal_safe(line);
    fmt::print(stderr, "{}\n", colour_ ? fmt::format("\x1b[2m{}\x1b[0m", safe) : safe);
  }

  void progress(const Progress& p) override {
    if (quiet_) return;
    if (!tty_) {
      // One line per snippet keeps CI logs readable.
      if (p.index != last_index_) fmt::print(stderr, "[{}/{}] {}\n", p.index + 1, p.count, terminal_safe(p.id));
      last_index_ = p.index;
      return;
    }
    constexpr int kBar = 20;
    int filled = p.count ? static_cast<int>(kBar * p.index / p.count) : 0;
    fmt::print(stderr, "\r\x1b[K[{}{}] {}/{} {} ({}) {:.1f}s", std::string(filled, '#'), std::string(kBar - filled, '.'),
               p.index + 1, p.count, terminal_safe(p.id), terminal_safe(p.phase), p.elapsed_seconds);
    line_open_ = true;
  }
  void progress_done() override { clear_line(); }

 private:
  void clear_line() {
    if (line_open_) fmt::print(stderr, "\r\x1b[K");
    line_open_ = false;
  }
  void tagged(const char* tag, const char* sgr, const std::string& unsafe_line) {
    clear_line();
    const std::string line = terminal_safe(unsafe_line);
    // Messages that already carry "file:line: error:" are printed as they are.
    std::string text = line.find(std::string(": ") + tag + ": ") != std::string::npos
                           ? line
                           : fmt::format("deckgen: {}: {}", tag, line);
    fmt::print(stderr, "{}\n", colour_ ? coloured_tag(text, tag, sgr) : text);
  }
  static constexpr size_t kMaxWarnings = 100;
  bool quiet_, verbose_, tty_, colour_;
  size_t shown_warnings_ = 0, unshown_warnings_ = 0;
  bool line_open_ = false;
  size_t last_index_ = static_cast<size_t>(-1);
};

}  // namespace

Colour colour_for(IsTerminal stderr_is_terminal, const char* no_color, const char* force_color) {
  if (force_color && *force_color && std::string_view(force_color) != "0") return Colour::on;
  if (no_color && *no_color) return Colour::off;
  return stderr_is_terminal == IsTerminal::yes ? Colour::on : Colour::off;
}

std::string coloured_tag(const std::string& line, std::string_view tag, std::string_view sgr) {
  std::string marker = fmt::format("{}:", tag);
  // The tag after the position ("file:1:2: error:") or at the start ("deckgen: error:").
  size_t at = line.find(fmt::format(": {} ", marker));
  at = at == std::string::npos ? line.find(marker) : at + 2;
  if (at == std::string::npos) return line;
  return fmt::format("{}\x1b[{}m{}\x1b[0m{}", line.substr(0, at), sgr, marker, line.substr(at + marker.size()));
}

std::unique_ptr<Status> make_terminal_status(Verbosity verbosity) {
  IsTerminal terminal = ::isatty(STDERR_FILENO) ? IsTerminal::yes : IsTerminal::no;
  return std::make_unique<TerminalStatus>(verbosity, terminal,
                                          colour_for(terminal, std::getenv("NO_COLOR"), std::getenv("FORCE_COLOR")));
}

}  // namespace deckgen
