#pragma once
// Where the build reports what it is doing. Stages never print; they tell a Status.
// Tests use a recording one; the terminal one writes to stderr.
#include <memory>
#include <string>

namespace deckgen {

class Status {
 public:
  virtual ~Status() = default;
  virtual void info(const std::string& line) = 0;     // progress, summaries
  virtual void warning(const std::string& line) = 0;  // something worth fixing; the build goes on
  virtual void error(const std::string& line) = 0;    // why the build failed
};

std::unique_ptr<Status> make_terminal_status(bool quiet);

}  // namespace deckgen
