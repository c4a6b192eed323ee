#pragma once
// Where a build's time went, stage by stage: `--verbose` prints it after each build, so
// that a slow rebuild under `watch` says which stage to look at. The clock is a seam
// (tests pass a fake one); the real one is std::chrono::steady_clock.
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deckgen {

class StageTimes {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit StageTimes(Clock clock = [] { return std::chrono::steady_clock::now(); });

  // Ends the stage under way, named `stage`, and starts the next one. A name given twice
  // adds up (a stage that comes back between others).
  void lap(std::string_view stage);
  // "read 12.1 ms, plan 0.4 ms, ... (total 31.0 ms)", in the order the stages first ended.
  std::string summary() const;

 private:
  Clock clock_;
  std::chrono::steady_clock::time_point started_, last_;
  std::vector<std::pair<std::string, std::chrono::steady_clock::duration>> stages_;
};

}  // namespace deckgen
