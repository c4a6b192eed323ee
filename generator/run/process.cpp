#include "run/process.h"

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

namespace asio = boost::asio;
namespace bp = boost::process::v2;
namespace fs = std::filesystem;

namespace deckgen {

ProcessResult run_process(const fs::path& program, const std::vector<std::string>& args,
                          std::string_view input, std::chrono::milliseconds timeout) {
  ProcessResult result;
  asio::io_context ctx;
  asio::readable_pipe out_pipe(ctx), err_pipe(ctx);
  asio::writable_pipe in_pipe(ctx);
  boost::system::error_code ec;
  std::optional<bp::process> started;
  try {
    started.emplace(ctx, program.string(), args, bp::process_stdio{in_pipe, out_pipe, err_pipe});
  } catch (const boost::system::system_error& e) {
    result.error = e.code().message();
    return result;
  }
  bp::process& proc = *started;
  result.started = true;

  asio::steady_timer timer(ctx, timeout);
  timer.async_wait([&](boost::system::error_code e) {
    if (e) return;  // cancelled: the program finished in time
    result.timed_out = true;
    boost::system::error_code ignored;
    proc.terminate(ignored);
  });
  asio::async_write(in_pipe, asio::buffer(input.data(), input.size()),
                    [&](boost::system::error_code, size_t) { in_pipe.close(ec); });
  asio::async_read(out_pipe, asio::dynamic_buffer(result.out), [](boost::system::error_code, size_t) {});
  asio::async_read(err_pipe, asio::dynamic_buffer(result.err), [](boost::system::error_code, size_t) {});
  proc.async_wait([&](boost::system::error_code, int code) {
    result.exit_code = code;
    timer.cancel();
  });
  ctx.run();
  if (!result.timed_out) result.exit_code = proc.exit_code();
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
