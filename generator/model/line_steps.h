#pragma once
// Which lines of a code block stand out, step by step: "1-3|5" highlights lines 1 to 3,
// then (on the next key press) line 5. The syntax of reveal.js's data-line-numbers and
// Quarto's code-line-numbers; one step ("2,4-5") highlights without steps.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace deckgen {

struct LineRange {
  int first = 0, last = 0;  // 1-based, inclusive
};
using LineStep = std::vector<LineRange>;
using LineSteps = std::vector<LineStep>;

// nullopt unless `text` is steps of comma-separated lines or ranges ("1-3,7|5").
std::optional<LineSteps> parse_line_steps(std::string_view text);

bool step_covers(const LineStep& step, int line);

}  // namespace deckgen
