#include <gtest/gtest.h>

#include <cmath>

#include "model/expression.h"
#include "model/input_error.h"

namespace deckgen {
namespace {

const SourcePos kAt{"deck/x.md", 12, 8};

double value(std::string_view text, MachineFacts facts = {2, 4}) {
  return evaluate(parse_expression(text, kAt, ExpressionKind::number), facts);
}

bool holds(std::string_view text, MachineFacts facts) {
  return evaluate(parse_expression(text, kAt, ExpressionKind::condition), facts) != 0;
}

TEST(Expression, ArithmeticWithPrecedenceAndParentheses) {
  EXPECT_DOUBLE_EQ(value("1000"), 1000);
  EXPECT_DOUBLE_EQ(value("1 + 2 * 3"), 7);
  EXPECT_DOUBLE_EQ(value("(1 + 2) * 3"), 9);
  EXPECT_DOUBLE_EQ(value("10 - 4 - 3"), 3);  // left to right
  EXPECT_DOUBLE_EQ(value("12 / 3 / 2"), 2);
  EXPECT_DOUBLE_EQ(value("-2 * -3"), 6);
  EXPECT_DOUBLE_EQ(value("1.5e3"), 1500);
}

TEST(Expression, MachineFactsAndMinMax) {
  EXPECT_DOUBLE_EQ(value("0.6 * min(machine.cores, 4)", {2, 4}), 1.2);
  EXPECT_DOUBLE_EQ(value("0.6 * min(machine.cores, 4)", {16, 16}), 2.4);
  EXPECT_DOUBLE_EQ(value("max(machine.cores, machine.logical_cores, 3)", {1, 2}), 3);
  EXPECT_TRUE(parse_expression("machine.cores * 2", kAt, ExpressionKind::number).uses_machine_facts());
  // 4 vCPUs with SMT are 2 cores: a CPU-bound bound written on physical cores asks for 2×.
  EXPECT_DOUBLE_EQ(value("0.7 * machine.physical_cores", {4, 4, 2}), 1.4);
  EXPECT_DOUBLE_EQ(value("machine.physical_cores", {3, 4}), 3);  // not known: as machine.cores
  EXPECT_TRUE(parse_expression("machine.physical_cores", kAt, ExpressionKind::number).uses_machine_facts());
  EXPECT_FALSE(parse_expression("min(2, 3)", kAt, ExpressionKind::number).uses_machine_facts());
}

TEST(Expression, Conditions) {
  EXPECT_TRUE(holds("machine.cores >= 2", {2, 2}));
  EXPECT_FALSE(holds("machine.cores >= 2", {1, 2}));
  EXPECT_TRUE(holds("machine.logical_cores > machine.cores", {1, 2}));
  EXPECT_TRUE(holds("machine.cores == 1", {1, 2}));
  EXPECT_TRUE(holds("machine.cores != 1", {3, 4}));
  EXPECT_TRUE(holds("machine.cores <= 2 * 2", {4, 4}));
}

TEST(Expression, ErrorsPointAtTheColumn) {
  struct Case {
    const char* text;
    ExpressionKind kind;
    int column;  // kAt.column + offset of the problem
    const char* problem;
  };
  const Case cases[] = {
      {"2 * machine.core", ExpressionKind::number, 12, "in '2 * machine.core': unknown name 'machine.core'"},
      {"(1 + 2", ExpressionKind::number, 14, "in '(1 + 2': a '(' is not closed"},
      {"1 +", ExpressionKind::number, 11, "in '1 +': the expression ends where a value was expected"},
      {"3 4", ExpressionKind::number, 10, "in '3 4': unexpected '4'"},
      {"machine.cores", ExpressionKind::condition, 21,
       "in 'machine.cores': a condition needs a comparison, like `machine.cores >= 2`"},
      {"machine.cores >= 2", ExpressionKind::number, 22, "in 'machine.cores >= 2': unexpected '>'"},
      {"min 2", ExpressionKind::number, 12, "in 'min 2': write min(a, b)"},
      {"system('x')", ExpressionKind::number, 8, "in 'system('x')': unknown name 'system'"},
  };
  for (const Case& c : cases) {
    try {
      parse_expression(c.text, kAt, c.kind);
      ADD_FAILURE() << c.text;
    } catch (const InputError& e) {
      EXPECT_EQ(e.problem(), c.problem) << c.text;
      EXPECT_EQ(e.where(), (SourcePos{"deck/x.md", 12, c.column})) << c.text;
      EXPECT_FALSE(e.what_to_do().empty());
    }
  }
}

TEST(Expression, ExplainsAnUnmetCoreCondition) {
  Expression two = parse_expression("machine.cores >= 2", kAt, ExpressionKind::condition);
  EXPECT_EQ(explain_unmet(two, {1, 1}), "needs 2+ cores; this machine has 1");
  EXPECT_EQ(explain_unmet(two, {1, 2}), "needs 2+ cores; this machine has 1 for deckgen (of 2 logical)");
  Expression other = parse_expression("machine.cores * 2 > 5", kAt, ExpressionKind::condition);
  EXPECT_EQ(explain_unmet(other, {2, 2}),
            "needs machine.cores * 2 > 5; this machine has machine.cores = 2, machine.physical_cores = 2, "
            "machine.logical_cores = 2");
  Expression physical = parse_expression("machine.physical_cores >= 2", kAt, ExpressionKind::condition);
  EXPECT_EQ(explain_unmet(physical, {2, 2, 1}), "needs 2+ physical cores; deckgen may use 1");
}

// Issue 24, item 1: input controls the parser's recursion only through parentheses and
// min/max, which nest at most kMaxNesting deep; deeper is an input error at the column.
std::string nested(const std::string& open, const std::string& close, int levels) {
  std::string text;
  for (int i = 0; i < levels; ++i) text += open;
  text += "1";
  for (int i = 0; i < levels; ++i) text += close;
  return text;
}

void expect_too_deep(const std::string& text) {
  try {
    parse_expression(text, kAt, ExpressionKind::number);
    ADD_FAILURE() << text.substr(0, 40);
  } catch (const InputError& e) {
    EXPECT_NE(e.problem().find("nest more than 100 deep"), std::string::npos) << e.problem().substr(0, 200);
    EXPECT_LT(e.problem().size(), 400u) << "the quote of a long bound is cut";
  }
}

TEST(Expression, NestingUpToTheLimitParsesAndBeyondIsAnInputError) {
  EXPECT_DOUBLE_EQ(value(nested("(", ")", kMaxNesting)), 1);
  EXPECT_DOUBLE_EQ(value(nested("min(", ", 2)", kMaxNesting)), 1);
  EXPECT_DOUBLE_EQ(value(nested("max(0, ", ")", kMaxNesting)), 1);
  expect_too_deep(nested("(", ")", kMaxNesting + 1));
  expect_too_deep(nested("min(", ")", kMaxNesting + 1));
  expect_too_deep(nested("(", ")", 30'000));
  expect_too_deep(nested("min(", ")", 50'000));
  expect_too_deep(std::string(30'000, '('));  // never closed: the depth is found first
}

TEST(Expression, AnyRunOfUnaryMinusesIsOneNegationOrNone) {
  EXPECT_DOUBLE_EQ(value(std::string(100'000, '-') + "3"), 3);
  EXPECT_DOUBLE_EQ(value(std::string(99'999, '-') + "3"), -3);
  EXPECT_DOUBLE_EQ(value("2 - -3"), 5);
  EXPECT_DOUBLE_EQ(value("2 - - -3"), -1);
  EXPECT_DOUBLE_EQ(value("-(2 - 5) * -2"), -6);
}

// A sum or product of any length is one flat node, not a left-deep tree (which took
// quadratic time to build and recursed once per term).
TEST(Expression, LongSumsAndProductsAreFlat) {
  std::string sum = "1";
  for (int i = 1; i < 40'000; ++i) sum += i % 2 ? " + 2" : " - 1";
  Expression e = parse_expression(sum, kAt, ExpressionKind::number);
  EXPECT_EQ(e.root.operands.size(), 40'000u);
  EXPECT_DOUBLE_EQ(evaluate(e, {}), 1 + 20'000 * 2 - 19'999);
  std::string product = "1";
  for (int i = 1; i < 40'000; ++i) product += i % 2 ? " * 2" : " / 2";
  Expression p = parse_expression(product, kAt, ExpressionKind::number);
  EXPECT_EQ(p.root.operands.size(), 40'000u);
  EXPECT_DOUBLE_EQ(evaluate(p, {}), 2);
  EXPECT_DOUBLE_EQ(value("100 / 10 / 5 * 3 - 2 - 1 + 4"), 7);
}

}  // namespace
}  // namespace deckgen
