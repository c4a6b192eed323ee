#include "model/expression.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "model/input_error.h"

namespace deckgen {
namespace {

using Kind = ExpressionNode::Kind;

constexpr std::string_view kGrammar =
    "write numbers, machine.cores, machine.physical_cores, machine.logical_cores, + - * /, parentheses, min(a, b) and max(a, b); "
    "a condition compares two of them with >= > <= < == or !=";

// Recursive descent over
//   condition := sum (op sum)?      sum := product (('+'|'-') product)*
//   product := unary (('*'|'/') unary)*      unary := '-' unary | atom
//   atom := number | fact | ('min'|'max') '(' sum (',' sum)* ')' | '(' sum ')'
class Parser {
 public:
  Parser(std::string_view text, const SourcePos& pos) : text_(text), pos_(pos) {}

  ExpressionNode parse(ExpressionKind kind) {
    ExpressionNode left = sum();
    skip_space();
    if (kind == ExpressionKind::condition) {
      static const std::pair<std::string_view, Kind> kComparisons[] = {
          {">=", Kind::ge}, {"<=", Kind::le}, {"==", Kind::eq}, {"!=", Kind::ne}, {">", Kind::gt}, {"<", Kind::lt}};
      bool compared = false;
      for (auto [op, k] : kComparisons) {
        if (text_.substr(at_).starts_with(op)) {
          at_ += op.size();
          ExpressionNode right = sum();
          left = ExpressionNode{k, 0, {std::move(left), std::move(right)}};
          compared = true;
          break;
        }
      }
      if (!compared) fail("a condition needs a comparison, like `machine.cores >= 2`");
    }
    skip_space();
    if (at_ < text_.size()) fail(fmt::format("unexpected '{}'", text_.substr(at_, 1)));
    return left;
  }

 private:
  [[noreturn]] void fail(const std::string& problem) const {
    SourcePos where = pos_;
    where.column += static_cast<int>(at_);
    throw InputError(where, fmt::format("in '{}': {}", text_, problem), std::string(kGrammar));
  }

  void skip_space() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }

  bool accept(char c) {
    skip_space();
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }

  ExpressionNode sum() {
    ExpressionNode left = product();
    for (;;) {
      if (accept('+')) left = ExpressionNode{Kind::add, 0, {std::move(left), product()}};
      else if (accept('-')) left = ExpressionNode{Kind::subtract, 0, {std::move(left), product()}};
      else return left;
    }
  }

  ExpressionNode product() {
    ExpressionNode left = unary();
    for (;;) {
      if (accept('*')) left = ExpressionNode{Kind::multiply, 0, {std::move(left), unary()}};
      else if (accept('/')) left = ExpressionNode{Kind::divide, 0, {std::move(left), unary()}};
      else return left;
    }
  }

  ExpressionNode unary() {
    if (accept('-')) return ExpressionNode{Kind::negate, 0, {unary()}};
    return atom();
  }

  std::string_view word() {
    size_t start = at_;
    while (at_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[at_])) || text_[at_] == '_' ||
                                  text_[at_] == '.'))
      ++at_;
    return text_.substr(start, at_ - start);
  }

  ExpressionNode atom() {
    skip_space();
    if (at_ >= text_.size()) fail("the expression ends where a value was expected");
    if (accept('(')) {
      ExpressionNode inside = sum();
      if (!accept(')')) fail("a '(' is not closed");
      return inside;
    }
    char c = text_[at_];
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      std::string number(text_.substr(at_));
      char* end = nullptr;
      double value = std::strtod(number.c_str(), &end);
      if (end == number.c_str() || !std::isfinite(value)) fail("not a number");
      at_ += static_cast<size_t>(end - number.c_str());
      return ExpressionNode{Kind::number, value, {}};
    }
    size_t start = at_;
    std::string_view name = word();
    if (name == "machine.cores") return ExpressionNode{Kind::cores, 0, {}};
    if (name == "machine.logical_cores") return ExpressionNode{Kind::logical_cores, 0, {}};
    if (name == "machine.physical_cores") return ExpressionNode{Kind::physical_cores, 0, {}};
    if (name == "min" || name == "max") {
      if (!accept('(')) fail(fmt::format("write {}(a, b)", name));
      ExpressionNode call{name == "min" ? Kind::min : Kind::max, 0, {sum()}};
      while (accept(',')) call.operands.push_back(sum());
      if (!accept(')')) fail(fmt::format("{}( is not closed", name));
      return call;
    }
    at_ = start;
    if (name.empty()) fail(fmt::format("unexpected '{}'", text_.substr(at_, 1)));
    fail(fmt::format("unknown name '{}'", name));
  }

  std::string_view text_;
  SourcePos pos_;
  size_t at_ = 0;
};

double value_of(const ExpressionNode& n, const MachineFacts& facts) {
  auto operand = [&](size_t i) { return value_of(n.operands.at(i), facts); };
  switch (n.kind) {
    case Kind::number: return n.value;
    case Kind::cores: return facts.cores;
    case Kind::logical_cores: return facts.logical_cores;
    case Kind::physical_cores: return facts.physical_cores > 0 ? facts.physical_cores : facts.cores;
    case Kind::negate: return -operand(0);
    case Kind::add: return operand(0) + operand(1);
    case Kind::subtract: return operand(0) - operand(1);
    case Kind::multiply: return operand(0) * operand(1);
    case Kind::divide: return operand(0) / operand(1);
    case Kind::min:
    case Kind::max: {
      double best = operand(0);
      for (size_t i = 1; i < n.operands.size(); ++i)
        best = n.kind == Kind::min ? std::min(best, operand(i)) : std::max(best, operand(i));
      return best;
    }
    case Kind::ge: return operand(0) >= operand(1);
    case Kind::gt: return operand(0) > operand(1);
    case Kind::le: return operand(0) <= operand(1);
    case Kind::lt: return operand(0) < operand(1);
    case Kind::eq: return operand(0) == operand(1);
    case Kind::ne: return operand(0) != operand(1);
  }
  return 0;
}

bool names_a_fact(const ExpressionNode& n) {
  if (n.kind == Kind::cores || n.kind == Kind::logical_cores || n.kind == Kind::physical_cores) return true;
  return std::any_of(n.operands.begin(), n.operands.end(), names_a_fact);
}

}  // namespace

bool Expression::is_condition() const { return root.kind >= Kind::ge; }

bool Expression::uses_machine_facts() const { return names_a_fact(root); }

Expression parse_expression(std::string_view text, const SourcePos& pos, ExpressionKind kind) {
  Expression e;
  e.text = std::string(text);
  e.pos = pos;
  e.root = Parser(text, pos).parse(kind);
  return e;
}

double evaluate(const Expression& expression, const MachineFacts& facts) { return value_of(expression.root, facts); }

std::string explain_unmet(const Expression& condition, const MachineFacts& facts) {
  const ExpressionNode& r = condition.root;
  if (r.kind == Kind::ge && r.operands.size() == 2 && r.operands[1].kind == Kind::number &&
      (r.operands[0].kind == Kind::cores || r.operands[0].kind == Kind::logical_cores)) {
    if (r.operands[0].kind == Kind::cores)
      return fmt::format("needs {}+ cores; this machine has {}{}", r.operands[1].value, facts.cores,
                         facts.cores == facts.logical_cores ? std::string()
                                                            : fmt::format(" for deckgen (of {} logical)", facts.logical_cores));
    return fmt::format("needs {}+ logical cores; this machine has {}", r.operands[1].value, facts.logical_cores);
  }
  if (r.kind == Kind::ge && r.operands.size() == 2 && r.operands[1].kind == Kind::number &&
      r.operands[0].kind == Kind::physical_cores)
    return fmt::format("needs {}+ physical cores; deckgen may use {}", r.operands[1].value,
                       facts.physical_cores > 0 ? facts.physical_cores : facts.cores);
  return fmt::format("needs {}; this machine has machine.cores = {}, machine.physical_cores = {}, "
                     "machine.logical_cores = {}", condition.text, facts.cores,
                     facts.physical_cores > 0 ? facts.physical_cores : facts.cores, facts.logical_cores);
}

}  // namespace deckgen
