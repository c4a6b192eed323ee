#pragma once
// Small arithmetic over facts of the machine, for claims whose bounds depend on where
// they run: `above: 0.6 * min(machine.cores, 4)`, `when: machine.cores >= 2`.
//
// The language: numbers, machine.cores, machine.physical_cores, machine.logical_cores,
// + - * /, unary minus,
// parentheses, min(x, y, ...) and max(x, y, ...); a condition is two of those joined
// by one of >= > <= < == !=. Nothing else, so a deck cannot compute anything surprising.
#include <string>
#include <string_view>
#include <vector>

#include "model/source_pos.h"

namespace deckgen {

// The facts an expression may name. `cores` is the logical CPUs deckgen's snippets may
// use (the affinity mask and the cgroup's CPU quota), `physical_cores` the cores among
// them (SMT siblings counted once; 0: as `cores`); `logical_cores` what the machine has.
struct MachineFacts {
  int cores = 0;
  int logical_cores = 0;
  int physical_cores = 0;
};

// Parentheses and min/max nest at most this deep (docs/claims.md, on bounds and conditions): the parser and
// evaluate() recurse once per level. Deeper is an input error.
inline constexpr int kMaxNesting = 100;

struct ExpressionNode {
  // add holds a sum's terms, a subtracted one wrapped in negate; multiply a product's
  // factors, a divisor wrapped in divide. Both are flat, however long the sum.
  enum class Kind { number, cores, logical_cores, physical_cores, negate, add, multiply, divide, min, max,
                    ge, gt, le, lt, eq, ne } kind = Kind::number;
  double value = 0;                     // number
  std::vector<ExpressionNode> operands;  // everything but number and the facts
};

struct Expression {
  std::string text;  // as written
  SourcePos pos;     // where it was written
  ExpressionNode root;
  bool is_condition() const;       // a comparison at the top
  bool uses_machine_facts() const;
};

enum class ExpressionKind { number, condition };

// Throws InputError at the offending column (pos.column + offset in text).
Expression parse_expression(std::string_view text, const SourcePos& pos, ExpressionKind kind);

// A number expression's value; a condition's 1 (true) or 0 (false). Division by zero
// gives ±infinity or NaN, which a bound then never satisfies.
double evaluate(const Expression& expression, const MachineFacts& facts);

// Why a false condition skipped a claim, for the slide: "needs 2+ cores; this machine
// has 1" for the common `machine.cores >= N`, else the condition and the facts.
std::string explain_unmet(const Expression& condition, const MachineFacts& facts);

}  // namespace deckgen
