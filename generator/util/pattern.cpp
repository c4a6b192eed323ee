#include "util/pattern.h"

#include <re2/re2.h>

#include <string>

namespace deckgen {
namespace {

// Multi-line mode, so that ^ and $ match at every line of the output (see pattern.h).
// A flag group at the front rather than an option: RE2 offers multi-line as an option
// only with its POSIX syntax, which would lose \d, \A, \z, lazy repeats and (?i).
constexpr std::string_view kMultiLine = "(?m)";

RE2::Options options() {
  RE2::Options o;
  o.set_log_errors(false);  // the error is returned to the caller, which names the block
  return o;
}

std::string with_flags(std::string_view pattern) {
  std::string prefixed(kMultiLine);
  prefixed += pattern;
  return prefixed;
}

}  // namespace

std::optional<std::string> pattern_problem(std::string_view pattern) {
  std::string prefixed = with_flags(pattern);
  RE2 re(prefixed, options());
  if (re.ok()) return std::nullopt;
  // RE2 quotes the pattern it was given in some errors: show the author's own.
  std::string error = re.error();
  if (size_t at = error.find(prefixed); at != std::string::npos) error.erase(at, kMultiLine.size());
  return error;
}

bool pattern_found(std::string_view pattern, std::string_view text) {
  RE2 re(with_flags(pattern), options());
  return re.ok() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

}  // namespace deckgen
