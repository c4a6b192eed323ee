#pragma once
// An error in what the user gave us: a file, an option, a key. It stops the build
// (exit code 2, nothing written), which is why it is an exception and not a return
// value: no stage can do anything useful with a deck it could not read. Failures that
// a build reports and goes on from (a snippet that fails) are plain data instead.
#include <stdexcept>
#include <string>
#include <vector>

#include "model/source_pos.h"

namespace deckgen {

class InputError : public std::runtime_error {
 public:
  // `what_to_do` is a sentence telling the user how to fix it.
  InputError(SourcePos where, std::string problem, std::string what_to_do = {})
      : std::runtime_error(problem),
        where_(std::move(where)),
        problem_(std::move(problem)),
        what_to_do_(std::move(what_to_do)) {}

  const SourcePos& where() const { return where_; }
  const std::string& problem() const { return problem_; }
  const std::string& what_to_do() const { return what_to_do_; }
  // "file:line:col: error: problem\n  what to do" — the one format users see.
  std::string message() const;

 private:
  SourcePos where_;
  std::string problem_;
  std::string what_to_do_;
};

// Several input errors, found in one pass so the author fixes them all before building
// again. As an InputError it is the first of them (what a caller that expects one sees).
class InputErrors : public InputError {
 public:
  InputErrors(std::vector<InputError> errors, size_t not_shown);
  const std::vector<InputError>& errors() const { return errors_; }
  size_t not_shown() const { return not_shown_; }  // found beyond the limit: only counted

 private:
  std::vector<InputError> errors_;
  size_t not_shown_;
};

// Collects input errors instead of stopping at the first: each block, file or snippet
// is read inside collect(), and what it throws is kept. Errors after the first
// `limit` are only counted: past that many, the author is better served by the first few.
class InputErrorList {
 public:
  static constexpr size_t kDefaultLimit = 20;
  explicit InputErrorList(size_t limit = kDefaultLimit) : limit_(limit) {}

  template <typename Work>
  void collect(Work&& work) {
    try {
      work();
    } catch (const InputErrors& e) {
      for (const InputError& one : e.errors()) add(one);
      not_shown_ += e.not_shown();
    } catch (const InputError& e) {
      add(e);
    }
  }
  void add(const InputError& e);
  bool empty() const { return errors_.empty(); }
  size_t size() const { return errors_.size() + not_shown_; }
  // Throws InputErrors holding every error collected, if there is one.
  void throw_if_any() const;

 private:
  size_t limit_;
  std::vector<InputError> errors_;
  size_t not_shown_ = 0;
};

}  // namespace deckgen
