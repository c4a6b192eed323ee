#pragma once
// An error in what the user gave us: a file, an option, a key. It stops the build
// (exit code 2, nothing written), which is why it is an exception and not a return
// value: no stage can do anything useful with a deck it could not read. Failures that
// a build reports and goes on from (a snippet that fails) are plain data instead.
#include <stdexcept>
#include <string>

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

}  // namespace deckgen
