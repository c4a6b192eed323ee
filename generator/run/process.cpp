#include "run/process.h"

#include <signal.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/readable_pipe.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/writable_pipe.hpp>
#include <boost/asio/write.hpp>
#include <boost/process/v2/process.hpp>
#include <boost/process/v2/stdio.hpp>
#include <cstdlib>
#include <functional>

#include "run/helper_child.h"
#include "run/live_groups.h"
#include "run/snippet_runner.h"

namespace asio = boost::asio;
namespace bp = boost::process::v2;
namespace fs = std::filesystem;

namespace deckgen {
namespace {

// The helper leads its own process group, so that what it starts can be killed with
// it, and a Ctrl-C in the terminal reaches deckgen's handler rather than the helper.
struct OwnProcessGroup {
  boost::system::error_code on_exec_setup(bp::posix::default_launcher&, const bp::filesystem::path&,
                                          const char* const*) {
    if (::setpgid(0, 0) == -1) return {errno, boost::system::system_category()};
    return {};
  }
};

// It dies with deckgen, and gets the default SIGPIPE and SIGXFSZ back (run/helper_child.h).
struct DieWithDeckgen {
  boost::system::error_code on_exec_setup(bp::posix::default_launcher&, const bp::filesystem::path&,
                                          const char* const*) {
    if (int error = prepare_helper_child()) return {error, boost::system::system_category()};
    return {};
  }
};

// After the helper exited, how long a process it left behind may keep its stdout or
// stderr open before deckgen stops reading them (its group is killed at once; this is
// for one that left the group).
constexpr std::chrono::seconds kLeftoverGrace{1};

}  // namespace

ProcessResult run_process(const fs::path& program, const std::vector<std::string>& args,
                          std::string_view input, std::chrono::milliseconds timeout) {
  ProcessResult result;
  asio::io_context ctx;
  asio::readable_pipe out_pipe(ctx), err_pipe(ctx);
  asio::writable_pipe in_pipe(ctx);
  boost::system::error_code ec;
  std::optional<bp::process> started;
  try {
    started.emplace(ctx, program.string(), args, bp::process_stdio{in_pipe, out_pipe, err_pipe}, OwnProcessGroup{},
                    DieWithDeckgen{});
  } catch (const boost::system::system_error& e) {
    result.error = e.code().message();
    return result;
  }
  bp::process& proc = *started;
  result.started = true;

  const pid_t pgid = proc.id();
  if (!add_live_group(pgid, LiveKind::helper_group) || interrupted()) ::kill(-pgid, SIGKILL);

  bool exited = false;
  asio::steady_timer timer(ctx, timeout);
  std::function<void(boost::system::error_code)> on_timer = [&](boost::system::error_code e) {
    if (e) return;  // cancelled: the program and everything holding its output finished
    if (!exited) {
      result.timed_out = true;
      ::kill(-pgid, SIGKILL);
      timer.expires_after(kLeftoverGrace);
    } else {
      // The group is gone but a process that left it holds stdout or stderr: stop
      // waiting for it, or a wrapper's leftover child would hang the build.
      out_pipe.close(ec);
      err_pipe.close(ec);
      return;
    }
    timer.async_wait(on_timer);
  };
  timer.async_wait(on_timer);
  int open_streams = 2;
  auto stream_done = [&] {
    if (--open_streams == 0 && exited) timer.cancel();
  };
  asio::async_write(in_pipe, asio::buffer(input.data(), input.size()),
                    [&](boost::system::error_code, size_t) { in_pipe.close(ec); });
  asio::async_read(out_pipe, asio::dynamic_buffer(result.out), [&](boost::system::error_code, size_t) { stream_done(); });
  asio::async_read(err_pipe, asio::dynamic_buffer(result.err), [&](boost::system::error_code, size_t) { stream_done(); });
  proc.async_wait([&](boost::system::error_code, int code) {
    result.exit_code = code;
    exited = true;
    ::kill(-pgid, SIGKILL);  // what it left behind in its group
    if (open_streams == 0) {
      timer.cancel();
    } else {
      timer.cancel();
      timer.expires_after(kLeftoverGrace);
      timer.async_wait(on_timer);
    }
  });
  ctx.run();
  remove_live_group(pgid);
  if (!result.timed_out) result.exit_code = proc.exit_code();
  if (interrupted()) throw Interrupted(interrupt_signal());
  return result;
}

std::optional<fs::path> find_executable(std::string_view name) {
  if (name.empty()) return std::nullopt;
  if (name.find('/') != std::string_view::npos) {
    fs::path p(name);
    return ::access(p.c_str(), X_OK) == 0 ? std::optional(p) : std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!dirs.empty()) {
    size_t colon = dirs.find(':');
    std::string_view dir = dirs.substr(0, colon);
    fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

}  // namespace deckgen
