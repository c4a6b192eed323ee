#include "util/stage_times.h"

#include <fmt/format.h>

#include <algorithm>

namespace deckgen {
namespace {

std::string milliseconds(std::chrono::steady_clock::duration d) {
  return fmt::format("{:.1f} ms", std::chrono::duration<double, std::milli>(d).count());
}

}  // namespace

StageTimes::StageTimes(Clock clock) : clock_(std::move(clock)), started_(clock_()), last_(started_) {}

void StageTimes::lap(std::string_view stage) {
  auto now = clock_();
  auto found = std::find_if(stages_.begin(), stages_.end(), [&](const auto& s) { return s.first == stage; });
  if (found == stages_.end()) stages_.emplace_back(std::string(stage), now - last_);
  else found->second += now - last_;
  last_ = now;
}

std::string StageTimes::summary() const {
  std::string out;
  for (const auto& [name, took] : stages_) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, milliseconds(took));
  return fmt::format("{} (total {})", out, milliseconds(last_ - started_));
}

}  // namespace deckgen
