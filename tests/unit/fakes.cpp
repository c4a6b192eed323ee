#include "fakes.h"

#include <algorithm>
#include <fstream>

namespace deckgen::test {

RunOutcome outcome_of(const Scripted& s) {
  RunOutcome o;
  o.started = s.started;
  if (!s.started) o.start_error = "No such file or directory";
  o.timed_out = s.timed_out;
  o.signal = s.signal;
  o.exit_code = s.timed_out || s.signal || !s.started ? -1 : s.exit_code;
  o.out = s.out;
  o.err = s.err;
  o.out_bytes = s.out_bytes ? s.out_bytes : s.out.size();
  o.err_bytes = s.err.size();
  o.usage.wall_seconds = s.wall;
  o.usage.user_seconds = s.user;
  o.usage.system_seconds = s.sys;
  o.usage.max_rss_kib = s.rss_kib;
  o.other_cpu_seconds = s.other_cpu;
  return o;
}

RunOutcome FakeRunner::run(const RunRequest& r) {
  if (around_every_run) around_every_run(r);
  std::unique_lock lock(mutex_);
  if (r.argv == std::vector<std::string>{"/bin/true"}) {
    ++true_runs;
    snippet_runs_before_overhead_done = snippet_runs.size();
    return outcome_of({.wall = true_wall});
  }
  if (r.argv.size() == 3 && r.argv[1] == "-c" && r.argv[2] == "pass") {
    ++python_runs;
    snippet_runs_before_overhead_done = snippet_runs.size();
    return outcome_of({.wall = python_start_wall});
  }
  auto id = r.env.find("DECKGEN_SNIPPET_ID");
  if (id == r.env.end()) {
    compiles.push_back(r);
    // Like a compiler, leave a program at the -o path; a failing compile too, so that
    // whether a program is kept is seen to depend on the exit status, not the file.
    auto o = std::find(r.argv.begin(), r.argv.end(), "-o");
    if (compile.started && o != r.argv.end() && o + 1 != r.argv.end())
      std::ofstream(*(o + 1)) << "#!/bin/sh\n# compile " << compiles.size() << "\n";
    return outcome_of(compile);
  }
  snippet_runs.push_back(r);
  work_dir_existed.push_back(std::filesystem::is_directory(r.work_dir));
  if (during_run) {
    lock.unlock();
    during_run(r);
    lock.lock();
  }
  std::deque<Scripted>& runs = script[id->second];
  Scripted next = runs.empty() ? unscripted : runs.front();
  if (runs.size() > 1) runs.pop_front();
  lock.unlock();
  if (r.on_output)
    for (const auto& [stream, piece] : next.pieces) r.on_output(stream, piece);
  return outcome_of(next);
}

std::vector<int> FakeRunner::run_indices() const {
  std::lock_guard lock(mutex_);
  std::vector<int> indices;
  for (const RunRequest& r : snippet_runs) indices.push_back(std::stoi(r.env.at("DECKGEN_RUN_INDEX")));
  return indices;
}

size_t FakeRunner::all_runs() const {
  std::lock_guard lock(mutex_);
  return snippet_runs.size() + compiles.size() + static_cast<size_t>(true_runs + python_runs);
}

void RecordingStatus::warning(const std::string& line) {
  warnings.push_back(line);
  if (line.find("the machine was busy during") != std::string::npos) busy_warnings.push_back(line);
}

std::string RecordingStatus::all_errors() const {
  std::string text;
  for (const std::string& e : errors) text += e + "\n";
  return text;
}

}  // namespace deckgen::test
