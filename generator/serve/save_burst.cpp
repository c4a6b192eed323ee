#include "serve/save_burst.h"

#include <algorithm>

namespace deckgen {

void SaveBurst::add(Step step, Clock::time_point at) {
  if (!first_) first_ = at;
  // The latest event decides: a close after a write finishes that file's step.
  settled_ = at + (step == Step::finished ? quiet_.after_finished : quiet_.while_writing);
}

std::optional<SaveBurst::Clock::time_point> SaveBurst::over_at() const {
  if (!settled_) return std::nullopt;
  return std::min(*settled_, *first_ + quiet_.longest);
}

}  // namespace deckgen
