#include "pipeline/status.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace deckgen {
namespace {

class TerminalStatus final : public Status {
 public:
  explicit TerminalStatus(bool quiet) : quiet_(quiet), colour_(::isatty(STDERR_FILENO) != 0) {}
  void info(const std::string& line) override {
    if (!quiet_) fmt::print(stderr, "{}\n", line);
  }
  void warning(const std::string& line) override { tagged("warning", "33", line); }
  void error(const std::string& line) override { tagged("error", "31", line); }

 private:
  void tagged(const char* tag, const char* colour, const std::string& line) {
    // Messages that already carry "file:line: error:" are printed as they are.
    if (line.find(std::string(": ") + tag + ": ") != std::string::npos)
      fmt::print(stderr, "{}\n", line);
    else if (colour_)
      fmt::print(stderr, "\x1b[1;{}mdeckgen: {}:\x1b[0m {}\n", colour, tag, line);
    else
      fmt::print(stderr, "deckgen: {}: {}\n", tag, line);
  }
  bool quiet_, colour_;
};

}  // namespace

std::unique_ptr<Status> make_terminal_status(bool quiet) { return std::make_unique<TerminalStatus>(quiet); }

}  // namespace deckgen
