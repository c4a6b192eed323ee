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
//   product := unary (('*'|'/') unary)*      unary := '-'* atom
//   atom := number | fact | ('min'|'max') '(' sum (',' sum)* ')' | '(' sum ')'
// Input controls the recursion only through parentheses and min/max, so those nest at
// most kMaxNesting deep: a bound of 30,000 '(' would otherwise overflow the stack here,
// in evaluate() and in the tree's destructor. A sum or product of any length is one flat
// node (a - b is a + (-b), a / b is a * reciprocal(b)), so long ones parse and evaluate
// in linear time without deep trees, and a run of unary minuses is one negate or none.
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
    // A hostile bound can be megabytes long; the column says where, the quote only what.
    constexpr size_t kQuoted = 120;
    std::string quoted = text_.size() <= kQuoted ? std::string(text_) : std::string(text_.substr(0, kQuoted)) + "...";
    throw InputError(where, fmt::format("in '{}': {}", quoted, problem), std::string(kGrammar));
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

  static ExpressionNode wrap(Kind kind, ExpressionNode inside) {
    ExpressionNode n{kind, 0, {}};
    n.operands.push_back(std::move(inside));  // moved, never copied: an initializer list would copy the subtree
    return n;
  }

  // Terms joined left to right; `flat` collects them once a second one appears.
  ExpressionNode chain(Kind flat, char join, char inverse, Kind inverted, ExpressionNode (Parser::*next)()) {
    ExpressionNode first = (this->*next)();
    ExpressionNode all{flat, 0, {}};
    for (;;) {
      bool plain = accept(join);
      if (!plain && !accept(inverse)) break;
      if (all.operands.empty()) all.operands.push_back(std::move(first));
      ExpressionNode term = (this->*next)();
      all.operands.push_back(plain ? std::move(term) : wrap(inverted, std::move(term)));
    }
    return all.operands.empty() ? first : all;
  }

  ExpressionNode sum() { return chain(Kind::add, '+', '-', Kind::negate, &Parser::product); }
  ExpressionNode product() { return chain(Kind::multiply, '*', '/', Kind::divide, &Parser::unary); }

  ExpressionNode unary() {
    bool negated = false;
    while (accept('-')) negated = !negated;  // -(-x) is x exactly, so only the parity matters
    ExpressionNode inside = atom();
    return negated ? wrap(Kind::negate, std::move(inside)) : inside;
  }

  // Entered for each '(' and min( / max(; the guard leaves it on the way out.
  struct Nesting {
    explicit Nesting(Parser& p) : parser(p) {
      if (++parser.depth_ > kMaxNesting)
        parser.fail(fmt::format("parentheses and min/max nest more than {} deep", kMaxNesting));
    }
    ~Nesting() { --parser.depth_; }
    Parser& parser;
  };

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
      Nesting nested(*this);
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
      Nesting nested(*this);
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
  int depth_ = 0;
};

double value_of(const ExpressionNode& n, const MachineFacts& facts) {
  auto operand = [&](size_t i) { return value_of(n.operands.at(i), facts); };
  switch (n.kind) {
    case Kind::number: return n.value;
    case Kind::cores: return facts.cores;
    case Kind::logical_cores: return facts.logical_cores;
    case Kind::physical_cores: return facts.physical_cores > 0 ? facts.physical_cores : facts.cores;
    case Kind::negate: return -operand(0);
    case Kind::add: {  // left to right, so a - b + c rounds as written
      double total = operand(0);
      for (size_t i = 1; i < n.operands.size(); ++i) {
        const ExpressionNode& term = n.operands[i];
        total = term.kind == Kind::negate ? total - value_of(term.operands.at(0), facts) : total + operand(i);
      }
      return total;
    }
    case Kind::multiply: {
      double total = operand(0);
      for (size_t i = 1; i < n.operands.size(); ++i) {
        const ExpressionNode& factor = n.operands[i];
        total = factor.kind == Kind::divide ? total / value_of(factor.operands.at(0), facts) : total * operand(i);
      }
      return total;
    }
    case Kind::divide: return 1 / operand(0);  // only inside a product, where it is handled above
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
