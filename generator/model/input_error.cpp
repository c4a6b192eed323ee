#include "model/input_error.h"

namespace deckgen {

std::string InputError::message() const {
  std::string out = fmt::format("{}: error: {}", where_, problem_);
  if (!what_to_do_.empty()) out += fmt::format("\n  {}", what_to_do_);
  return out;
}

}  // namespace deckgen
