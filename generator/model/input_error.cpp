#include "model/input_error.h"

namespace deckgen {

std::string InputError::message() const {
  std::string out = fmt::format("{}: error: {}", where_, problem_);
  if (!what_to_do_.empty()) out += fmt::format("\n  {}", what_to_do_);
  return out;
}

InputErrors::InputErrors(std::vector<InputError> errors, size_t not_shown)
    : InputError(errors.front()), errors_(std::move(errors)), not_shown_(not_shown) {}

void InputErrorList::add(const InputError& e) {
  if (errors_.size() < limit_) errors_.push_back(e);
  else ++not_shown_;
}

void InputErrorList::throw_if_any() const {
  if (!errors_.empty()) throw InputErrors(errors_, not_shown_);
}

}  // namespace deckgen
