// The real Runner. One run, in order:
//   1. Boost.Process forks deckgen; in the child, before exec, the child makes its own
//      process group, enters the working directory and keeps the report pipe open; it
//      then execs the launcher (run/launcher.c) with the snippet's whole environment.
//   2. The launcher spawns the snippet, waits for it with wait4(), and writes a
//      deckgen_launch_report (status, wall time, rusage) to the report pipe.
//   3. Here, one asio loop reads stdout and stderr (kept up to the cap, the rest only
//      counted), the report, and a timer. When the time is up, the launcher gets
//      SIGTERM: it kills the snippet and every process the snippet started (it is their
//      subreaper, so a setsid or double-forked process is among them) and reports.
//      When the report is in, the whole group gets SIGKILL.
//   4. The launcher and every orphan of the group are reaped before run() returns.
// Nothing here runs per run that costs a thread or a shell; the io_context, the read
// buffers, /dev/null and the launcher's memfd are made once per runner.
#include "run/snippet_runner.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/readable_pipe.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/process/v2/default_launcher.hpp>
#include <boost/process/v2/process.hpp>
#include <boost/process/v2/stdio.hpp>
#include <cerrno>
#include <span>
#include <system_error>
#include <thread>

#include "run/cpu_affinity.h"
#include "run/cpu_times.h"
#include "run/launcher_file.h"
#include "run/launcher_report.h"
#include "run/live_groups.h"
#include "run/thread_sampler.h"

namespace asio = boost::asio;
namespace bp = boost::process::v2;
namespace fs = std::filesystem;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;

namespace deckgen {
namespace {

std::string errno_text(int error) { return std::generic_category().message(error); }

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }
  void reset() {
    if (fd_ != -1) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// stdin_data as a file the snippet reads: no pipe to feed, so no deadlock and no SIGPIPE
// in deckgen when the snippet does not read it all.
Fd memory_file_with(const std::string& data) {
  Fd fd(::memfd_create("deckgen-stdin", MFD_CLOEXEC));
  if (fd.get() == -1) throw std::system_error(errno, std::generic_category(), "memfd_create");
  for (size_t done = 0; done < data.size();) {
    ssize_t n = ::write(fd.get(), data.data() + done, data.size() - done);
    if (n == -1 && errno == EINTR) continue;
    if (n <= 0) throw std::system_error(errno, std::generic_category(), "writing stdin");
    done += static_cast<size_t>(n);
  }
  ::lseek(fd.get(), 0, SEEK_SET);
  return fd;
}

// The parts of the launch Boost.Process 1.81 has no ready initializer for. on_setup runs
// in deckgen; on_exec_setup in the forked child before exec (async-signal-safe calls only).
struct LaunchSetup {
  const char* const* env;
  int report_fd;    // write end; close-on-exec in deckgen, kept open across this one exec
  int launcher_fd;  // the memfd behind the "/proc/self/fd/N" path being exec'd
  const char* work_dir;
  int go_fd = -1;   // read end the launcher waits on before the spawn (thread sampling); -1: none

  error_code on_setup(bp::posix::default_launcher& launcher, const bp::filesystem::path&, const char* const*) {
    launcher.env = env;
    launcher.fd_whitelist.push_back(report_fd);
    launcher.fd_whitelist.push_back(launcher_fd);
    if (go_fd >= 0) launcher.fd_whitelist.push_back(go_fd);
    return {};
  }
  error_code on_exec_setup(bp::posix::default_launcher&, const bp::filesystem::path&, const char* const*) {
    // Our own group, before the exec: deckgen may kill -pgid as soon as the launch returns.
    if (::setpgid(0, 0) == -1 || ::chdir(work_dir) == -1) return {errno, boost::system::system_category()};
    if (::fcntl(report_fd, F_SETFD, 0) == -1) return {errno, boost::system::system_category()};
    if (go_fd >= 0 && ::fcntl(go_fd, F_SETFD, 0) == -1) return {errno, boost::system::system_category()};
    return {};
  }
};

// Kills what is left of the group and waits until none of it exists. Its orphans are
// re-parented to deckgen (a child subreaper), so they are reaped here; without that
// (prctl refused) init reaps them and this only waits, for a bounded time.
//
// Returns the CPU time of what it reaped, the launcher (the group's leader, already
// waited for) aside. Those are the snippet's processes that it never waited for: a
// multiprocessing forkserver and the pool workers it started, say. Their CPU is the
// snippet's too; left out, it would also look like another program's load.
struct CpuTime {
  double user_seconds = 0, system_seconds = 0;
};
CpuTime kill_and_reap_group(pid_t pgid) {
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  CpuTime strays;
  const auto give_up = Clock::now() + std::chrono::seconds(5);
  while (::kill(-pgid, SIGKILL) == 0) {
    struct rusage usage {};
    for (pid_t pid; (pid = ::wait4(-pgid, nullptr, WNOHANG, &usage)) > 0;) {
      if (pid == pgid) continue;
      strays.user_seconds += seconds(usage.ru_utime);
      strays.system_seconds += seconds(usage.ru_stime);
    }
    if (Clock::now() > give_up) break;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return strays;
}

struct StreamCapture {
  asio::readable_pipe pipe;
  std::span<char> buffer;
  std::string& kept;
  uint64_t& total;
  size_t cap;
  OutputStream which;
  const std::function<void(OutputStream, std::string_view)>& on_output;
};

// Watches one live run: its two output streams, the launcher's report and the deadline.
class LiveRun {
 public:
  LiveRun(asio::io_context& ctx, std::array<std::span<char>, 2> buffers, RunOutcome& outcome, const RunRequest& request)
      : out_{asio::readable_pipe(ctx), buffers[0], outcome.out, outcome.out_bytes, request.output_cap, OutputStream::out,
             request.on_output},
        err_{asio::readable_pipe(ctx), buffers[1], outcome.err, outcome.err_bytes, request.output_cap, OutputStream::err,
             request.on_output},
        report_pipe_(ctx),
        timer_(ctx),
        outcome_(outcome) {}

  asio::readable_pipe& out_pipe() { return out_.pipe; }
  asio::readable_pipe& err_pipe() { return err_.pipe; }
  asio::readable_pipe& report_pipe() { return report_pipe_; }

  // Starts the asynchronous work; the caller then runs the io_context to completion.
  void watch(pid_t pgid, std::chrono::milliseconds timeout) {
    pgid_ = pgid;
    started_at_ = Clock::now();
    read_stream(out_);
    read_stream(err_);
    read_report();
    timer_.expires_after(timeout);
    timer_.async_wait([this](error_code ec) { on_timer(ec); });
  }

  // From the launch to the timeout's kill, by deckgen's clock.
  double seconds_until_killed() const { return std::chrono::duration<double>(killed_at_ - started_at_).count(); }

  // The report, when the launcher sent a whole one.
  const deckgen_launch_report* report() const {
    return report_size_ == sizeof report_ && report_.magic == DECKGEN_LAUNCH_REPORT_MAGIC ? &report_ : nullptr;
  }

 private:
  void read_stream(StreamCapture& s) {
    s.pipe.async_read_some(asio::buffer(s.buffer.data(), s.buffer.size()), [this, &s](error_code ec, size_t n) {
      s.total += n;
      if (s.kept.size() < s.cap) s.kept.append(s.buffer.data(), std::min(n, s.cap - s.kept.size()));
      if (n > 0 && s.on_output) s.on_output(s.which, std::string_view(s.buffer.data(), n));
      if (ec) return stream_done();
      read_stream(s);
    });
  }

  void read_report() {
    auto* bytes = reinterpret_cast<char*>(&report_);
    report_pipe_.async_read_some(
        asio::buffer(bytes + report_size_, sizeof report_ - report_size_), [this](error_code ec, size_t n) {
          report_size_ += n;
          if (!ec && report_size_ < sizeof report_) return read_report();
          // The snippet is over (or the launcher died): nothing of the group may stay.
          launcher_done_ = true;
          ::kill(-pgid_, SIGKILL);
          stream_done();
        });
  }

  void stream_done() {
    if (--open_streams_ == 0) timer_.cancel();
  }

  void on_timer(error_code ec) {
    if (ec || open_streams_ == 0) return;
    if (!launcher_done_ && !outcome_.timed_out) {
      // The launcher kills the snippet and everything it started, wherever that went.
      outcome_.timed_out = true;
      killed_at_ = Clock::now();
      ::kill(pgid_, SIGTERM);
    } else if (!launcher_done_) {
      ::kill(-pgid_, SIGKILL);  // the launcher did not report in time: what its group holds
    } else {
      // The group is dead but something that left it still holds stdout or stderr.
      out_.pipe.close();
      err_.pipe.close();
    }
    timer_.expires_after(std::chrono::seconds(2));  // then, if still not closed: the next branch
    timer_.async_wait([this](error_code e) { on_timer(e); });
  }

  StreamCapture out_, err_;
  asio::readable_pipe report_pipe_;
  asio::steady_timer timer_;
  RunOutcome& outcome_;
  deckgen_launch_report report_{};
  size_t report_size_ = 0;
  int open_streams_ = 3;  // stdout, stderr, report
  bool launcher_done_ = false;
  pid_t pgid_ = 0;
  Clock::time_point started_at_, killed_at_;
};

void apply_report(const deckgen_launch_report& report, RunOutcome& outcome) {
  if (report.spawn_error != 0) {
    outcome.start_error = errno_text(report.spawn_error);
    return;
  }
  outcome.started = true;
  int status = report.wait_status;
  if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome.signal = WTERMSIG(status);
  RunUsage& usage = outcome.usage;
  usage.wall_seconds = static_cast<double>(report.wall_ns) * 1e-9;
  usage.user_seconds = static_cast<double>(report.user_us) * 1e-6;
  usage.system_seconds = static_cast<double>(report.system_us) * 1e-6;
  usage.max_rss_kib = static_cast<long>(report.max_rss_kib);
  usage.voluntary_switches = static_cast<long>(report.voluntary_switches);
  usage.involuntary_switches = static_cast<long>(report.involuntary_switches);
}

class ProcessRunner final : public Runner {
 public:
  ProcessRunner()
      : dev_null_(::open("/dev/null", O_RDONLY | O_CLOEXEC)),
        launcher_(launcher_file()),
        cpus_(allowed_cpus()),
        resolution_(other_cpu_resolution(static_cast<int>(cpus_.size()), static_cast<double>(::sysconf(_SC_CLK_TCK)))) {
    if (dev_null_.get() == -1) throw std::system_error(errno, std::generic_category(), "/dev/null");
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);  // see kill_and_reap_group
  }

  RunOutcome run(const RunRequest& request) override {
    if (interrupted()) throw Interrupted(interrupt_signal());
    // Only the CPUs of deckgen's mask (which the snippet inherits): work elsewhere takes
    // none of the snippet's CPU time.
    std::optional<LoadReading> before = read_load(cpus_);
    RunOutcome outcome = run_once(request);
    std::optional<LoadReading> after = read_load(cpus_);
    if (interrupted()) throw Interrupted(interrupt_signal());
    if (before && after) {
      outcome.other_cpu_seconds =
          other_cpu_seconds(*before, *after, outcome.usage.user_seconds + outcome.usage.system_seconds);
      outcome.other_cpu_resolution = resolution_;
    }
    return outcome;
  }

 private:
  RunOutcome run_once(const RunRequest& request) {
    RunOutcome outcome;
    if (request.argv.empty()) {
      outcome.start_error = "no program to run";
      return outcome;
    }
    if (std::error_code fs_error; !fs::is_directory(request.work_dir, fs_error)) {
      outcome.start_error = "working directory " + request.work_dir.string() + " does not exist";
      return outcome;
    }

    std::vector<std::string> env_entries;
    std::vector<const char*> env;
    for (const auto& [name, value] : request.env) env_entries.push_back(name + "=" + value);
    for (const auto& entry : env_entries) env.push_back(entry.c_str());
    env.push_back(nullptr);

    int report_fds[2];
    if (::pipe2(report_fds, O_CLOEXEC) == -1) throw std::system_error(errno, std::generic_category(), "pipe2");
    Fd report_read(report_fds[0]), report_write(report_fds[1]);
    // A sampled run's launcher waits for word that the sampler is attached (ThreadSampler).
    const bool sampled = request.thread_sampling == ThreadSampling::on;
    int go_fds[2] = {-1, -1};
    if (sampled && ::pipe2(go_fds, O_CLOEXEC) == -1) throw std::system_error(errno, std::generic_category(), "pipe2");
    Fd go_read(go_fds[0]), go_write(go_fds[1]);
    std::vector<std::string> args{std::to_string(report_write.get())};
    if (sampled) args[0] += "," + std::to_string(go_read.get());
    args.insert(args.end(), request.argv.begin(), request.argv.end());
    Fd stdin_file = request.stdin_data ? memory_file_with(*request.stdin_data) : Fd();
    int stdin_fd = request.stdin_data ? stdin_file.get() : dev_null_.get();

    LiveRun live(ctx_, {std::span<char>(out_buffer_), std::span<char>(err_buffer_)}, outcome, request);
    live.report_pipe().assign(report_read.release());
    std::string work_dir = request.work_dir.string();
    error_code ec;
    bp::posix::default_launcher launch;
    auto launcher_process = launch(ctx_.get_executor(), ec, launcher_.path, args,
                                   bp::process_stdio{stdin_fd, live.out_pipe(), live.err_pipe()},
                                   LaunchSetup{env.data(), report_write.get(), launcher_.fd, work_dir.c_str(), go_read.get()});
    report_write.reset();  // the launcher holds the only write end now: its exit means EOF
    go_read.reset();
    stdin_file.reset();
    if (ec) {
      if (launch.pid > 0) ::waitpid(launch.pid, nullptr, 0);  // forked, then failed before exec
      outcome.start_error = "cannot start the snippet launcher: " + ec.message();
      return outcome;
    }

    const pid_t pgid = launcher_process.id();
    outcome.process_group = pgid;
    if (!add_live_group(pgid, LiveKind::snippet_launcher)) ::kill(pgid, SIGTERM);  // table full: no way to interrupt it
    if (interrupted()) ::kill(pgid, SIGTERM);  // the signal came before the launcher was known
    live.watch(pgid, request.timeout);
    // From outside the snippet, on a thread of its own, until the launcher reported.
    std::optional<ThreadSampler> sampler;
    if (sampled) {
      sampler.emplace(pgid);
      go_write.reset();  // the pipe's end is the word (a write could raise SIGPIPE were the launcher gone)
    }
    ctx_.restart();
    ctx_.run();
    if (sampler) outcome.threads = std::make_shared<const ThreadSamples>(sampler->stop());

    launcher_process.wait(ec);
    const CpuTime strays = kill_and_reap_group(pgid);
    remove_live_group(pgid);

    if (const deckgen_launch_report* report = live.report()) {
      apply_report(*report, outcome);
      outcome.usage.user_seconds += strays.user_seconds;
      outcome.usage.system_seconds += strays.system_seconds;
      if (outcome.timed_out) outcome.usage.wall_seconds = live.seconds_until_killed();
    } else if (outcome.timed_out || interrupted()) {
      outcome.started = true;
      outcome.signal = SIGKILL;
      if (outcome.timed_out) outcome.usage.wall_seconds = live.seconds_until_killed();
    } else {
      outcome.start_error = "the snippet launcher failed without a report";
    }
    return outcome;
  }

  asio::io_context ctx_;
  Fd dev_null_;
  const LauncherFile& launcher_;
  std::vector<int> cpus_;  // deckgen's affinity mask, read once (--cpus is set before any runner exists)
  double resolution_;
  std::array<char, 1 << 16> out_buffer_, err_buffer_;  // one pipe's worth per read
};

}  // namespace

std::unique_ptr<Runner> make_process_runner() { return std::make_unique<ProcessRunner>(); }

}  // namespace deckgen
