// The process runner with real processes: groups, timeouts, capture, usage, signals.
#include "run/snippet_runner.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "run/process.h"

namespace deckgen {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

bool group_is_gone(int pgid) { return ::kill(-pgid, 0) == -1 && errno == ESRCH; }
bool process_is_gone(int pid) { return ::kill(pid, 0) == -1 && errno == ESRCH; }

std::vector<int> numbers_in(const std::string& text) {
  std::vector<int> numbers;
  std::istringstream in(text);
  for (int n; in >> n;) numbers.push_back(n);
  return numbers;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Peak RSS of this process since the last reset_peak_rss(), in KiB (0 if unknown).
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}
bool reset_peak_rss() { return static_cast<bool>(std::ofstream("/proc/self/clear_refs") << "5"); }

class SnippetRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "deckgen-runner-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = fs::canonical(pattern);
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunRequest request(std::vector<std::string> argv) {
    RunRequest r;
    r.argv = std::move(argv);
    r.env = {{"PATH", "/usr/bin:/bin"}, {"LANG", "C.UTF-8"}};
    r.work_dir = dir_;
    r.timeout = 20s;
    return r;
  }
  RunRequest shell(const std::string& script) { return request({"/bin/sh", "-c", script}); }

  // Compiles one C file into the test's folder; empty when no C compiler is installed.
  std::string compile_c(const std::string& name, const std::string& source) {
    auto cc = find_executable("cc");
    if (!cc) return {};
    std::ofstream(dir_ / (name + ".c")) << source;
    fs::path binary = dir_ / name;
    ProcessResult built = run_process(*cc, {"-O2", "-o", binary.string(), (dir_ / (name + ".c")).string()}, "", 60s);
    EXPECT_EQ(built.exit_code, 0) << built.err;
    return binary.string();
  }

  fs::path dir_;
  std::unique_ptr<Runner> runner_ = make_process_runner();
};

const char* const python = "/usr/bin/python3";

TEST_F(SnippetRunnerTest, CapturesStdoutAndStderrApartWithTheExitCode) {
  RunOutcome o = runner_->run(shell("echo out; echo err >&2; exit 3"));
  EXPECT_TRUE(o.started);
  EXPECT_FALSE(o.timed_out);
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_EQ(o.signal, 0);
  EXPECT_EQ(o.out, "out\n");
  EXPECT_EQ(o.err, "err\n");
  EXPECT_EQ(o.out_bytes, 4u);
  EXPECT_EQ(o.err_bytes, 4u);
}

// `present` streams a rerun's output to the page: each piece reaches the callback while
// the snippet still runs (here it is blocked until the timeout kills it).
TEST_F(SnippetRunnerTest, OutputReachesTheCallbackWhileTheSnippetRuns) {
  RunRequest r = shell("echo $$; echo warn >&2; exec sleep 100");
  r.timeout = 2s;
  std::string out, err;
  bool alive_when_read = false;
  r.on_output = [&](OutputStream stream, std::string_view text) {
    (stream == OutputStream::out ? out : err).append(text);
    if (stream == OutputStream::out && out.ends_with("\n")) alive_when_read = ::kill(std::stoi(out), 0) == 0;
  };
  RunOutcome o = runner_->run(r);
  EXPECT_TRUE(o.timed_out);
  EXPECT_EQ(out, o.out);
  EXPECT_EQ(err, "warn\n");
  EXPECT_TRUE(alive_when_read);
}

TEST_F(SnippetRunnerTest, TheEnvironmentIsExactlyTheRequestedOne) {
  RunRequest r = request({"/usr/bin/env"});
  r.env = {{"A", "1"}, {"B", "two words"}};
  EXPECT_EQ(runner_->run(r).out, "A=1\nB=two words\n");
}

TEST_F(SnippetRunnerTest, RunsInTheWorkingDirectory) {
  EXPECT_EQ(runner_->run(request({"/bin/pwd"})).out, dir_.string() + "\n");
}

TEST_F(SnippetRunnerTest, StdinIsTheGivenTextOrDevNull) {
  RunRequest with_text = request({"/bin/cat"});
  with_text.stdin_data = std::string(300000, 'x') + "end";  // more than a pipe holds
  EXPECT_EQ(runner_->run(with_text).out, *with_text.stdin_data);
  EXPECT_EQ(runner_->run(request({"/usr/bin/readlink", "/proc/self/fd/0"})).out, "/dev/null\n");
}

TEST_F(SnippetRunnerTest, TheSnippetInheritsOnlyStdioAndNoIgnoredSignals) {
  // As a program embedding the runner might: ignore SIGPIPE, block SIGUSR1.
  auto previous = ::signal(SIGPIPE, SIG_IGN);
  sigset_t usr1, old_mask;
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  ::sigprocmask(SIG_BLOCK, &usr1, &old_mask);
  RunOutcome o = runner_->run(shell("ls /proc/$$/fd; exec grep -E 'Sig(Ign|Blk)' /proc/self/status"));
  ::sigprocmask(SIG_SETMASK, &old_mask, nullptr);
  ::signal(SIGPIPE, previous);
  EXPECT_EQ(o.out, "0\n1\n2\nSigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n");
}

TEST_F(SnippetRunnerTest, ReportsTheKillingSignal) {
  RunOutcome o = runner_->run(shell("kill -SEGV $$"));
  EXPECT_TRUE(o.started);
  EXPECT_EQ(o.signal, SIGSEGV);
  EXPECT_EQ(o.exit_code, -1);
}

TEST_F(SnippetRunnerTest, AMissingProgramDoesNotStart) {
  RunOutcome o = runner_->run(request({(dir_ / "no-such-program").string()}));
  EXPECT_FALSE(o.started);
  EXPECT_EQ(o.start_error, "No such file or directory");
}

TEST_F(SnippetRunnerTest, AMissingWorkingDirectoryDoesNotStart) {
  RunRequest r = request({"/bin/true"});
  r.work_dir = dir_ / "missing";
  RunOutcome o = runner_->run(r);
  EXPECT_FALSE(o.started);
  EXPECT_NE(o.start_error.find("does not exist"), std::string::npos) << o.start_error;
}

TEST_F(SnippetRunnerTest, EachRunHasItsOwnProcessGroup) {
  const std::string print_pgid = "read -r _ _ _ _ g _ < /proc/$$/stat; echo $g";
  RunOutcome first = runner_->run(shell(print_pgid));
  RunOutcome second = runner_->run(shell(print_pgid));
  EXPECT_EQ(numbers_in(first.out), std::vector<int>{first.process_group});
  EXPECT_EQ(numbers_in(second.out), std::vector<int>{second.process_group});
  EXPECT_NE(first.process_group, second.process_group);
  EXPECT_NE(first.process_group, ::getpgrp());
}

TEST_F(SnippetRunnerTest, ATimeoutKillsTheWholeGroupAndKeepsTheOutputSoFar) {
  RunRequest r = shell("sleep 100 & echo $!; echo partial >&2; sleep 100");
  r.timeout = 500ms;
  RunOutcome o = runner_->run(r);
  EXPECT_TRUE(o.timed_out);
  EXPECT_TRUE(o.started);
  EXPECT_EQ(o.signal, SIGKILL);
  EXPECT_EQ(o.exit_code, -1);
  EXPECT_EQ(o.err, "partial\n");
  EXPECT_GE(o.usage.wall_seconds, 0.5);
  std::vector<int> background = numbers_in(o.out);
  ASSERT_EQ(background.size(), 1u);
  EXPECT_TRUE(process_is_gone(background[0]));
  EXPECT_TRUE(group_is_gone(o.process_group));
}

TEST_F(SnippetRunnerTest, ATimeoutKillsAMultiprocessingPool) {
  if (!fs::exists(python)) GTEST_SKIP() << "no " << python;
  RunRequest r = request({python, "-c",
                          "import multiprocessing as mp, os, time\n"
                          "def work(_):\n"
                          "    print(os.getpid(), flush=True)\n"
                          "    time.sleep(100)\n"
                          "with mp.get_context('fork').Pool(2) as pool:\n"
                          "    pool.map(work, range(2), chunksize=1)\n"});
  r.timeout = 3s;  // long enough for both workers to start, even on a busy machine
  RunOutcome o = runner_->run(r);
  EXPECT_TRUE(o.timed_out) << o.err;
  std::vector<int> workers = numbers_in(o.out);
  ASSERT_EQ(workers.size(), 2u) << o.out << o.err;
  for (int pid : workers) EXPECT_TRUE(process_is_gone(pid)) << pid;
  EXPECT_TRUE(group_is_gone(o.process_group));
}

TEST_F(SnippetRunnerTest, LeftoverBackgroundProcessesAreKilledWhenTheSnippetExits) {
  RunOutcome o = runner_->run(shell("sleep 100 & echo $!"));  // holds stdout open
  EXPECT_FALSE(o.timed_out);
  EXPECT_EQ(o.exit_code, 0);
  std::vector<int> background = numbers_in(o.out);
  ASSERT_EQ(background.size(), 1u);
  EXPECT_TRUE(process_is_gone(background[0]));
  EXPECT_TRUE(group_is_gone(o.process_group));
}

TEST_F(SnippetRunnerTest, ReadsBothStreamsCompletelyWithoutDeadlock) {
  if (!fs::exists(python)) GTEST_SKIP() << "no " << python;
  const size_t each = 5'000'000;
  RunRequest r = request({python, "-c",
                          "import sys\n"
                          "for i in range(50):\n"
                          "    sys.stdout.buffer.write(b'o' * 100000); sys.stdout.flush()\n"
                          "    sys.stderr.buffer.write(b'e' * 100000); sys.stderr.flush()\n"});
  r.output_cap = 8 << 20;
  RunOutcome o = runner_->run(r);
  EXPECT_FALSE(o.timed_out);
  EXPECT_EQ(o.exit_code, 0) << o.err.substr(0, 500);
  EXPECT_EQ(o.out, std::string(each, 'o'));
  EXPECT_EQ(o.err, std::string(each, 'e'));
  EXPECT_EQ(o.out_bytes, each);
  EXPECT_EQ(o.err_bytes, each);
}

TEST_F(SnippetRunnerTest, OutputBeyondTheCapIsCountedNotKept) {
  const uint64_t fifty_mb = 50ull << 20;
  RunRequest r = request({"/usr/bin/head", "-c", std::to_string(fifty_mb), "/dev/zero"});
  r.output_cap = 1 << 20;
  bool can_measure = reset_peak_rss();
  long before = peak_rss_kib();
  RunOutcome o = runner_->run(r);
  long grown = peak_rss_kib() - before;
  EXPECT_EQ(o.exit_code, 0);
  EXPECT_EQ(o.out.size(), r.output_cap);
  EXPECT_EQ(o.out, std::string(r.output_cap, '\0'));
  EXPECT_EQ(o.out_bytes, fifty_mb);
  if (can_measure) {
    EXPECT_LT(grown, 16 * 1024) << "deckgen's memory grew with the output";
  }
}

TEST_F(SnippetRunnerTest, PeakRssIsTheSnippetsOwnNotDeckgens) {
  std::string empty = compile_c("empty", "int main(void) { return 0; }\n");
  if (empty.empty()) GTEST_SKIP() << "no C compiler";
  // Make this process big: a child started straight from it would inherit this peak.
  std::vector<char> ballast(128 << 20, 1);
  RunOutcome o = runner_->run(request({empty}));
  EXPECT_EQ(o.exit_code, 0);
  EXPECT_GT(o.usage.max_rss_kib, 0);
  EXPECT_LT(o.usage.max_rss_kib, 2048) << "ballast " << ballast[ballast.size() / 2];
}

TEST_F(SnippetRunnerTest, PeakRssCountsWhatTheSnippetTouches) {
  std::string hungry = compile_c("hungry",
                                 "#include <stdlib.h>\n"
                                 "int main(void) { volatile char* p = malloc(64 << 20);"
                                 " for (int i = 0; i < (64 << 20); i += 4096) p[i] = 1; return 0; }\n");
  if (hungry.empty()) GTEST_SKIP() << "no C compiler";
  RunOutcome o = runner_->run(request({hungry}));
  EXPECT_EQ(o.exit_code, 0);
  EXPECT_GT(o.usage.max_rss_kib, 64 * 1024);
}

TEST_F(SnippetRunnerTest, CpuTimeIsTheSnippets) {
  std::string spin = compile_c("spin",
                               "#include <time.h>\n"
                               "int main(void) { while (clock() < CLOCKS_PER_SEC / 4) {} return 0; }\n");
  if (spin.empty()) GTEST_SKIP() << "no C compiler";
  RunOutcome o = runner_->run(request({spin}));
  EXPECT_EQ(o.exit_code, 0);
  EXPECT_GE(o.usage.user_seconds + o.usage.system_seconds, 0.25);
  EXPECT_GE(o.usage.wall_seconds, o.usage.user_seconds * 0.9);
}

// A child the snippet never waits for (a multiprocessing forkserver's workers, say)
// still used CPU for the snippet: it counts as the snippet's, not as another program's.
TEST_F(SnippetRunnerTest, CpuTimeIncludesChildrenTheSnippetNeverWaitedFor) {
  if (!fs::exists(python)) GTEST_SKIP() << "no " << python;
  RunRequest r = request({python, "-c",
                          "import os, time\n"
                          "if os.fork() == 0:\n"
                          "    while time.process_time() < 0.2: pass\n"
                          "    os._exit(0)\n"
                          "time.sleep(2.0)\n"  // ten times what the child needs; never waits for it
                          "os._exit(0)\n"});
  RunOutcome o = runner_->run(r);
  EXPECT_EQ(o.exit_code, 0) << o.err;
  EXPECT_GE(o.usage.user_seconds + o.usage.system_seconds, 0.2);
}

TEST_F(SnippetRunnerTest, WallTimeAndSwitchesOfASleep) {
  RunOutcome o = runner_->run(request({"/bin/sleep", "0.2"}));
  EXPECT_EQ(o.exit_code, 0);
  EXPECT_GE(o.usage.wall_seconds, 0.2);
  EXPECT_LT(o.usage.wall_seconds, 20);
  EXPECT_GE(o.usage.voluntary_switches, 1);
}

size_t open_descriptors() {
  return static_cast<size_t>(std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator()));
}

TEST_F(SnippetRunnerTest, ManyRunsInARowLeakNoDescriptor) {
  runner_->run(request({"/bin/true"}));  // the launcher's memfd is made once, on first use
  size_t before = open_descriptors();
  for (int i = 0; i < 50; ++i) {
    RunRequest r = request({"/bin/cat"});
    if (i % 2) r.stdin_data = "x";
    RunOutcome o = runner_->run(r);
    ASSERT_EQ(o.exit_code, 0) << i;
    ASSERT_TRUE(group_is_gone(o.process_group)) << i;
  }
  EXPECT_EQ(open_descriptors(), before);
}

// Forks a stand-in for deckgen that runs a snippet leaving a background process, sends
// it `sig` once the snippet is running, and checks its exit code and that nothing of
// the snippet is left.
void expect_interrupt_cleans_up(const fs::path& dir, int sig) {
  fs::path ready = dir / "ready", background = dir / "background";
  pid_t deckgen = ::fork();
  ASSERT_NE(deckgen, -1);
  if (deckgen == 0) {
    install_interrupt_handling();
    install_interrupt_handling();  // twice is harmless
    auto runner = make_process_runner();
    RunRequest r;
    r.argv = {"/bin/sh", "-c",
              "sleep 100 & echo $! > background; read -r _ _ _ _ g _ < /proc/$$/stat;"
              " echo $g > ready.tmp; mv ready.tmp ready; sleep 100"};
    r.env = {{"PATH", "/usr/bin:/bin"}};
    r.work_dir = dir;
    r.timeout = std::chrono::minutes(10);  // only the signal may end it
    try {
      runner->run(r);
      ::_exit(1);  // ran to the end: the signal was not seen
    } catch (const Interrupted&) {
    }
    try {
      runner->run(r);  // once interrupted, nothing more starts
      ::_exit(2);
    } catch (const Interrupted& again) {
      ::_exit(again.exit_code());
    }
  }
  auto give_up = std::chrono::steady_clock::now() + 20s;
  while (!fs::exists(ready) && std::chrono::steady_clock::now() < give_up) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(fs::exists(ready));
  int pgid = std::atoi(read_file(ready).c_str());
  int background_pid = std::atoi(read_file(background).c_str());
  ASSERT_GT(pgid, 0);
  ASSERT_GT(background_pid, 0);
  ::kill(deckgen, sig);
  int status = 0;
  give_up = std::chrono::steady_clock::now() + 20s;
  bool exited = false;
  while (!(exited = ::waitpid(deckgen, &status, WNOHANG) == deckgen) && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(10ms);
  if (!exited) {
    ::kill(deckgen, SIGKILL);
    ::waitpid(deckgen, &status, 0);
    FAIL() << "the interrupted process did not exit";
  }
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 128 + sig);
  EXPECT_TRUE(group_is_gone(pgid));
  EXPECT_TRUE(process_is_gone(background_pid));
}

TEST_F(SnippetRunnerTest, SigtermKillsTheRunningSnippetsAndExits143) { expect_interrupt_cleans_up(dir_, SIGTERM); }

TEST_F(SnippetRunnerTest, SigintKillsTheRunningSnippetsAndExits130) { expect_interrupt_cleans_up(dir_, SIGINT); }

}  // namespace
}  // namespace deckgen
