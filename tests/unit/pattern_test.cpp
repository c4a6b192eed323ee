// `expect` patterns (util/pattern.h): RE2, so the patterns that crashed or hung
// std::regex (issue 13, item 5) are answered, and quickly enough for a unit test.
#include <gtest/gtest.h>

#include <string>

#include "measure/snippet_result.h"
#include "util/pattern.h"

namespace deckgen {
namespace {

TEST(Pattern, FindsAndMisses) {
  EXPECT_TRUE(pattern_found(R"(took \d+ ms)", "it took 12 ms\n"));
  EXPECT_FALSE(pattern_found(R"(took \d+ ms)", "it took ages\n"));
}

// Multi-line by default: ^ and $ at every line, so `done$` finds a line that ends in a
// newline (std::regex, which deckgen used before, found it in neither case).
TEST(Pattern, CaretAndDollarMatchAtEveryLine) {
  EXPECT_TRUE(pattern_found("^b", "a\nb"));
  EXPECT_TRUE(pattern_found("^done$", "start\ndone\n"));
  EXPECT_FALSE(pattern_found("^one$", "start\ndone\n"));
  // The whole text's ends, and the mode turned off.
  EXPECT_FALSE(pattern_found(R"(\Ab)", "a\nb"));
  EXPECT_TRUE(pattern_found(R"(\Aa)", "a\nb"));
  EXPECT_FALSE(pattern_found(R"(a\z)", "a\nb\na\n"));
  EXPECT_FALSE(pattern_found("(?-m)^b", "a\nb"));
}

TEST(Pattern, ProblemsAreNamed) {
  EXPECT_EQ(pattern_problem(R"(\d+)"), std::nullopt);
  EXPECT_NE(pattern_problem("(unclosed"), std::nullopt);
  EXPECT_NE(pattern_problem(R"((a)\1)"), std::nullopt);  // no backreferences in RE2
  EXPECT_NE(pattern_problem("(?=a)"), std::nullopt);     // no lookaround
  // The author's pattern, not the one with deckgen's flags in front.
  EXPECT_EQ(pattern_problem("(unclosed"), "missing ): (unclosed");
}

// std::regex recursed once per character here and crashed (SIGSEGV) at about 50 KB.
TEST(Pattern, AnythingThenDoneOnMegabytesOfOutput) {
  std::string output(4 << 20, 'x');
  output += "\ndone\n";
  EXPECT_TRUE(pattern_found(R"([\s\S]*done)", output));
  output.resize(4 << 20);
  EXPECT_FALSE(pattern_found(R"([\s\S]*done)", output));
}

// Catastrophic backtracking: std::regex took 5.5 s on 28 characters, doubling with each
// one more; at 10,000 this would not end. RE2 is linear.
TEST(Pattern, NestedQuantifiersDoNotBacktrack) {
  std::string text(10'000, 'a');
  text += 'b';
  EXPECT_FALSE(pattern_found("^(a+)+$", text));
  text.pop_back();
  EXPECT_TRUE(pattern_found("^(a+)+$", text));
}

TEST(Pattern, ExpectationUsesThem) {
  Expectation expect;
  expect.stdout_matches = R"([\s\S]*done)";
  RunOutcome run;
  run.started = true;
  run.exit_code = 0;
  run.out.assign(1 << 20, 'y');  // not `string(...) + "done"`: g++ 12 at -O1 warns falsely (-Warray-bounds)
  run.out += "done";
  EXPECT_EQ(check_expectation(expect, run, std::chrono::seconds(1)), "");
  run.out = std::string(1 << 20, 'y');
  EXPECT_EQ(check_expectation(expect, run, std::chrono::seconds(1)), R"(stdout does not match /[\s\S]*done/)");
}

}  // namespace
}  // namespace deckgen
