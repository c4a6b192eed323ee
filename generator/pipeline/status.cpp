#include "pipeline/status.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "util/text.h"

namespace deckgen {
namespace {

// Every line goes through terminal_safe() here, the one place: messages quote file
// names, YAML keys, snippet ids and program output, and an escape sequence in any of
// them must not reach the terminal. The colours below are added after.
class TerminalStatus final : public Status {
 public:
  explicit TerminalStatus(bool quiet) : quiet_(quiet), tty_(::isatty(STDERR_FILENO) != 0) {}
  void info(const std::string& line) override {
    if (quiet_) return;
    clear_line();
    fmt::print(stderr, "{}\n", terminal_safe(line));
  }
  void summary(const std::string& line) override {
    clear_line();
    fmt::print(stderr, "{}\n", terminal_safe(line));
  }
  void warning(const std::string& line) override { tagged("warning", "33", line); }
  void error(const std::string& line) override { tagged("error", "31", line); }

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
  void tagged(const char* tag, const char* colour, const std::string& unsafe_line) {
    clear_line();
    const std::string line = terminal_safe(unsafe_line);
    // Messages that already carry "file:line: error:" are printed as they are.
    if (line.find(std::string(": ") + tag + ": ") != std::string::npos)
      fmt::print(stderr, "{}\n", line);
    else if (tty_)
      fmt::print(stderr, "\x1b[1;{}mdeckgen: {}:\x1b[0m {}\n", colour, tag, line);
    else
      fmt::print(stderr, "deckgen: {}: {}\n", tag, line);
  }
  bool quiet_, tty_;
  bool line_open_ = false;
  size_t last_index_ = static_cast<size_t>(-1);
};

}  // namespace

std::unique_ptr<Status> make_terminal_status(bool quiet) { return std::make_unique<TerminalStatus>(quiet); }

}  // namespace deckgen
