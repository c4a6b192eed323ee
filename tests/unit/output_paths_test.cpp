// No output destroys anything (pipeline/output_paths.h; issue 13, item 1). Every special
// file here is made in a private temp folder: never point a test at a system path.
#include "pipeline/output_paths.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstring>

#include "pipeline/build_request.h"
#include "model/input_error.h"
#include "plan/plan.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

class OutputPaths : public ::testing::Test {
 protected:
  OutputPaths() {
    slide_ = dir_.write("deck/00.md", "# slide");
    image_ = dir_.write("deck/images/a.png", "png");
    snippet_ = dir_.write("snippets/a.py", "print(1)");
    cache_ = dir_.path() / "deck/.deckgen-cache";
  }

  // The refusal's message, or "" when the outputs are accepted.
  std::string problem(const fs::path& path, const std::string& option = "-o") const {
    return problem_of({{path, option}});
  }
  std::string problem_of(const std::vector<OutputPath>& outputs) const {
    try {
      check_outputs(outputs, {slide_, image_, snippet_}, cache_);
    } catch (const InputError& e) {
      return e.message();
    }
    return "";
  }

  test::TempDir dir_;
  fs::path slide_, image_, snippet_, cache_;
};

TEST_F(OutputPaths, NewAndRegularFilesAreFine) {
  EXPECT_EQ(problem(dir_.path() / "output/deck.html"), "");
  EXPECT_EQ(problem(dir_.write("output/old.html", "old")), "");
  fs::create_symlink(dir_.path() / "output/old.html", dir_.path() / "link.html");  // the link is replaced, not its target
  EXPECT_EQ(problem(dir_.path() / "link.html"), "");
}

TEST_F(OutputPaths, SpecialFilesAreRefused) {
  fs::path fifo = dir_.path() / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NE(problem(fifo, "--junit").find("--junit names a FIFO (named pipe), not a regular file"), std::string::npos)
      << problem(fifo, "--junit");
  EXPECT_NE(problem(fifo).find("name a new file"), std::string::npos);  // what to do

  fs::path socket_path = dir_.path() / "sock";
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, socket_path.c_str(), sizeof addr.sun_path - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  EXPECT_NE(problem(socket_path, "--report").find("--report names a socket"), std::string::npos);
  ::close(fd);

  fs::create_symlink(fifo, dir_.path() / "to-fifo");
  EXPECT_NE(problem(dir_.path() / "to-fifo").find("a FIFO"), std::string::npos);
  EXPECT_NE(problem(dir_.path() / "deck").find("names a folder"), std::string::npos);
  EXPECT_TRUE(fs::is_fifo(fifo));
}

TEST_F(OutputPaths, InputsOfTheDeckAreRefusedHoweverSpelled) {
  EXPECT_NE(problem(slide_).find("an input of the deck"), std::string::npos) << problem(slide_);
  EXPECT_NE(problem(dir_.path() / "deck/../deck/./00.md", "--junit").find("--junit names"), std::string::npos);
  fs::create_symlink(snippet_, dir_.path() / "innocent.html");
  EXPECT_NE(problem(dir_.path() / "innocent.html").find("an input of the deck"), std::string::npos);
  ASSERT_EQ(::link(image_.c_str(), (dir_.path() / "hard.html").c_str()), 0);  // a hard link is the same file
  EXPECT_NE(problem(dir_.path() / "hard.html", "--report").find("an input of the deck"), std::string::npos);
}

TEST_F(OutputPaths, PathsInsideTheCacheAreRefused) {
  EXPECT_NE(problem(cache_ / "deck.html").find("inside deckgen's cache"), std::string::npos) << problem(cache_ / "deck.html");
  fs::create_directories(cache_ / "results");
  EXPECT_NE(problem(cache_ / "results/x.json", "--report").find("inside deckgen's cache"), std::string::npos);
  fs::create_directory_symlink(cache_, dir_.path() / "elsewhere");
  EXPECT_NE(problem(dir_.path() / "elsewhere/x.html").find("inside deckgen's cache"), std::string::npos);
  EXPECT_EQ(problem(dir_.path() / "deck/.deckgen-cache.html"), "");  // a neighbour, not inside
}

TEST_F(OutputPaths, TwoOutputsOfOneFileAreRefused) {
  fs::path out = dir_.path() / "out";
  EXPECT_NE(problem_of({{out, "-o"}, {dir_.path() / "./out", "--report"}}).find("--report names the same file as -o"),
            std::string::npos);
  dir_.write("out", "x");
  EXPECT_NE(problem_of({{out, "-o"}, {out, "--junit"}}).find("--junit names the same file as -o"), std::string::npos);
}

TEST(OutputsOf, NamesEachOutputWithItsOption) {
  BuildRequest r;
  Options& o = r.options;
  o.report = "r.json";
  auto outputs = outputs_of(r);
  ASSERT_EQ(outputs.size(), 2u);
  EXPECT_EQ(outputs[0].option, "-o");
  EXPECT_EQ(outputs[1].option, "--report");
  o.write_deck = false;
  EXPECT_EQ(outputs_of(r).size(), 1u);
  r.deck_is_intermediate = true;  // pdf: the PDF is the output, not the temporary page
  o.pdf_output = "talk.pdf";
  EXPECT_EQ(outputs_of(r).front().path, "talk.pdf");
}

// Issue 24, item 3: found before anything runs or is created.
TEST_F(OutputPaths, AFolderNameAndATooLongNameAreRefused) {
  std::string slash = problem(dir_.path() / "newdir/");
  EXPECT_NE(slash.find("-o ends in '/'"), std::string::npos) << slash;
  EXPECT_FALSE(fs::exists(dir_.path() / "newdir"));
  std::string at_limit(kMaxFileNameBytes, 'a');
  EXPECT_EQ(problem(dir_.path() / at_limit), "");
  std::string long_name = problem(dir_.path() / (at_limit + "b"), std::string(kTracesOption));
  EXPECT_NE(long_name.find("has a file name of 256 bytes, more than the 255"), std::string::npos) << long_name;
}

// Issue 24, item 3: traces/ID.json was written through a symbolic link (into snippets/
// or the cache) and over a FIFO.
TEST_F(OutputPaths, TracesAreCheckedLikeTheDeck) {
  fs::create_directory_symlink(dir_.path() / "snippets", dir_.path() / "output-traces");
  std::string linked = problem(dir_.path() / "output-traces/a.json", std::string(kTracesOption));
  EXPECT_NE(linked.find("a symbolic link"), std::string::npos) << linked;
  fs::create_directories(dir_.path() / "out/traces");
  EXPECT_EQ(problem(dir_.path() / "out/traces/a.json", std::string(kTracesOption)), "");
  ASSERT_EQ(::mkfifo((dir_.path() / "out/traces/a.json").c_str(), 0600), 0);
  std::string fifo = problem(dir_.path() / "out/traces/a.json", std::string(kTracesOption));
  EXPECT_NE(fifo.find("names a FIFO"), std::string::npos) << fifo;
}

TEST(OutputsOf, NamesTheTraceOfEachTracedSnippet) {
  BuildRequest r;
  Options& o = r.options;
  o.output = "out/deck.html";
  Plan plan;
  plan.snippets.resize(2);
  plan.snippets[0].spec.id = "traced";
  plan.snippets[0].spec.trace = true;
  plan.snippets[1].spec.id = "plain";
  auto outputs = outputs_of(r, &plan);
  ASSERT_EQ(outputs.size(), 2u);
  EXPECT_EQ(outputs[1].path, fs::path("out/traces/traced.json"));
  EXPECT_EQ(outputs[1].option, kTracesOption);
  r.deck_is_intermediate = true;  // pdf writes no traces
  EXPECT_EQ(outputs_of(r, &plan).size(), 1u);
}

}  // namespace
}  // namespace deckgen
