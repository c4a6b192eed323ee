#include <gtest/gtest.h>

#include "model/input_error.h"
#include "read/run_block.h"

namespace deckgen {
namespace {

const SourcePos kBlock{"deck/03.md", 10, 1};

InputError error_of(std::string_view yaml) {
  try {
    parse_run_block(yaml, kBlock);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an InputError for:\n" << yaml;
  return InputError({}, "");
}

TEST(RunBlock, DefaultsWhenOnlyTheFileIsGiven) {
  SnippetSpec s = parse_run_block("file: gil/threads.py\n", kBlock);
  EXPECT_EQ(s.display_file, "gil/threads.py");
  EXPECT_EQ(s.id, "");  // the plan takes the stem
  EXPECT_EQ(s.runs, 5);
  EXPECT_EQ(s.warmup, 1);
  EXPECT_EQ(s.timeout, std::chrono::seconds(30));
  EXPECT_EQ(s.compile_timeout, std::chrono::seconds(120));
  EXPECT_TRUE(s.show_code);
  EXPECT_TRUE(s.show_output);
  EXPECT_FALSE(s.show_timing);
  EXPECT_FALSE(s.stdin_data.has_value());
  EXPECT_EQ(s.expect.exit_code, 0);
  EXPECT_FALSE(s.expect.fails);
}

TEST(RunBlock, EveryOption) {
  SnippetSpec s = parse_run_block(
      "file: a.py\nid: my-id\nlang: python\nargs: [\"1\", two]\nstdin: hello\nenv: {A: \"1\", B: x}\n"
      "timeout: 2.5\ncompile_timeout: 7\nruns: 3\nwarmup: 0\nshow: [output, timing]\nregion: main\ntrace: true\n"
      "expect:\n  exit: 3\n  stdout: done\n  stdout_matches: \"took \\\\d+\"\n  stderr: warn\n  fails: true\n",
      kBlock);
  EXPECT_EQ(s.id, "my-id");
  EXPECT_EQ(s.language, "python");
  EXPECT_EQ(s.args, (std::vector<std::string>{"1", "two"}));
  EXPECT_EQ(s.stdin_data, "hello");
  EXPECT_EQ(s.env.at("B"), "x");
  EXPECT_EQ(s.timeout, std::chrono::milliseconds(2500));
  EXPECT_EQ(s.compile_timeout, std::chrono::seconds(7));
  EXPECT_EQ(s.runs, 3);
  EXPECT_EQ(s.warmup, 0);
  EXPECT_FALSE(s.show_code);
  EXPECT_TRUE(s.show_output);
  EXPECT_TRUE(s.show_timing);
  EXPECT_EQ(s.region, "main");
  EXPECT_TRUE(s.trace);
  EXPECT_EQ(s.expect.exit_code, 3);
  EXPECT_EQ(s.expect.stdout_contains, "done");
  EXPECT_EQ(s.expect.stdout_matches, "took \\d+");
  EXPECT_EQ(s.expect.stderr_contains, "warn");
  EXPECT_TRUE(s.expect.fails);
}

TEST(RunBlock, UnknownKeyPointsAtItsLineInTheDeck) {
  InputError e = error_of("file: a.py\nrnus: 3\n");
  EXPECT_EQ(e.where(), (SourcePos{"deck/03.md", 12, 1}));
  EXPECT_EQ(e.problem(), "unknown run block key 'rnus'");
  EXPECT_NE(e.what_to_do().find("did you mean 'runs'?"), std::string::npos);
}

TEST(RunBlock, WrongTypes) {
  EXPECT_EQ(error_of("file: a.py\nruns: many\n").problem(), "'runs' must be a whole number from 1 to 1000, not 'many'");
  EXPECT_EQ(error_of("file: a.py\nruns: 0\n").where().line, 12);
  EXPECT_EQ(error_of("file: [a, b]\n").problem(), "'file' must be a single value, not a list or a map");
  EXPECT_EQ(error_of("file: a.py\ntimeout: -1\n").where().line, 12);
  EXPECT_EQ(error_of("file: a.py\nshow: [code, graphs]\n").problem(), "'show' cannot hold 'graphs'");
  EXPECT_EQ(error_of("file: a.py\nenv: [a]\n").where().line, 12);
  EXPECT_EQ(error_of("file: a.py\ntrace: sometimes\n").where().line, 12);
  EXPECT_EQ(error_of("file: a.py\nid: has space\n").where().line, 12);
}

TEST(RunBlock, UnknownExpectKey) {
  InputError e = error_of("file: a.py\nexpect:\n  exitcode: 1\n");
  EXPECT_EQ(e.where().line, 13);
  EXPECT_EQ(e.problem(), "unknown expect key 'exitcode'");
}

TEST(RunBlock, BadRegex) {
  InputError e = error_of("file: a.py\nexpect:\n  stdout_matches: \"(unclosed\"\n");
  EXPECT_EQ(e.where().line, 13);
  EXPECT_EQ(e.where().column, 3);  // the key, not its value
  EXPECT_NE(e.problem().find("not a valid regular expression"), std::string::npos);
}

// RE2 has no backreferences: a pattern std::regex accepted is an input error before
// anything runs, not a surprise at match time.
TEST(RunBlock, BackreferenceIsAnInputErrorAtItsKey) {
  InputError e = error_of("file: a.py\nexpect:\n  exit: 0\n  stderr_matches: \"(a)\\\\1\"\n");
  EXPECT_EQ(e.where().line, 14);
  EXPECT_EQ(e.where().column, 3);
  EXPECT_NE(e.what_to_do().find("RE2"), std::string::npos) << e.what_to_do();
}

TEST(RunBlock, MissingFileAndEmptyBlock) {
  EXPECT_EQ(error_of("runs: 3\n").problem(), "run block has no 'file'");
  EXPECT_EQ(error_of("").problem(), "run block is empty");
  int line = error_of("file: [unclosed\n").where().line;  // yaml-cpp reports where it gave up
  EXPECT_TRUE(line == 11 || line == 12) << line;
}

}  // namespace
}  // namespace deckgen
