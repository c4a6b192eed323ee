#include "model/input_error.h"

namespace deckgen {

std::string InputError::message() const {
  // One format call: appending to the string made g++ 12 warn (-Wrestrict) about
  // libstdc++'s own copy, a false positive that would still break a warning-clean build.
  if (what_to_do_.empty()) return fmt::format("{}: error: {}", where_, problem_);
  return fmt::format("{}: error: {}\n  {}", where_, problem_, what_to_do_);
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
