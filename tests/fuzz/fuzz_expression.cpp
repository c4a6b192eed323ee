// libFuzzer target for the claim expression parser (model/expression.cpp): any bytes as a
// `below:`, `above:`, `by:` or `when:` must be parsed and evaluated or refused with an
// InputError, never crash, hang or take time beyond linear (issue 24: 30,000 nested
// parentheses overflowed the stack, a 40,000-term sum took 34 s). The first byte chooses
// a number or a condition.
#include <cstdint>
#include <string_view>

#include "model/expression.h"
#include "model/input_error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const deckgen::SourcePos at{"fuzz.md", 3, 8};
  auto kind = data[0] % 2 ? deckgen::ExpressionKind::condition : deckgen::ExpressionKind::number;
  try {
    deckgen::Expression e = deckgen::parse_expression(text, at, kind);
    for (deckgen::MachineFacts facts : {deckgen::MachineFacts{1, 2}, deckgen::MachineFacts{0, 0}}) {
      deckgen::evaluate(e, facts);
      if (e.is_condition()) deckgen::explain_unmet(e, facts);
    }
  } catch (const deckgen::InputError&) {
    // bad input, reported properly
  }
  return 0;
}
