#include "util/pattern.h"

#include <re2/re2.h>

namespace deckgen {
namespace {

RE2::Options options() {
  RE2::Options o;
  o.set_log_errors(false);  // the error is returned to the caller, which names the block
  return o;
}

}  // namespace

std::optional<std::string> pattern_problem(std::string_view pattern) {
  RE2 re(re2::StringPiece(pattern.data(), pattern.size()), options());
  if (re.ok()) return std::nullopt;
  return re.error();
}

bool pattern_found(std::string_view pattern, std::string_view text) {
  RE2 re(re2::StringPiece(pattern.data(), pattern.size()), options());
  return re.ok() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

}  // namespace deckgen
