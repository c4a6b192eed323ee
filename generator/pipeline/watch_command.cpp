#include "pipeline/watch_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#include <set>
#include <stdexcept>

#include "cache/cache_folder.h"
#include "model/input_error.h"
#include "pipeline/build_command.h"
#include "pipeline/live_reruns.h"
#include "plan/plan.h"
#include "read/deck_reader.h"
#include "serve/deck_server.h"
#include "serve/file_watcher.h"
#include "serve/live_access.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// An editor's save is a burst of events; a rebuild starts once it is over
// (serve/save_burst.h): a few milliseconds after a file is closed or renamed into
// place. Short, because it is part of what a speaker waits for between saving and
// seeing the slide (docs/performance.md, "The authoring loop": under 100 ms); a second rebuild when a burst is slower costs
// only what changed.
constexpr SaveBurst::Quiet kSaveBurst{};

// Passes everything on to the terminal and keeps the errors for the page's overlay.
class RecordingStatus final : public Status {
 public:
  explicit RecordingStatus(Status& terminal) : terminal_(terminal) {}
  void info(const std::string& line) override { terminal_.info(line); }
  void warning(const std::string& line) override { terminal_.warning(line); }
  void detail(const std::string& line) override { terminal_.detail(line); }
  void summary(const std::string& line) override { terminal_.summary(line); }
  void error(const std::string& line) override {
    errors_.push_back(line);
    terminal_.error(line);
  }
  void progress(const Progress& p) override { terminal_.progress(p); }
  void progress_done() override { terminal_.progress_done(); }
  std::string errors() const { return fmt::format("{}", fmt::join(errors_, "\n")); }

 private:
  Status& terminal_;
  std::vector<std::string> errors_;
};

// The folders whose changes rebuild the deck: those the command line names, the deck's
// folder, the folders of the images it shows (which may lie outside it) and the
// snippets folder as the deck names it now, default or configured (the local modules
// and headers snippets import live there too). Asked before every build, so a front
// matter that moves the snippets folder moves the watch too (old folders stay watched;
// a stray rebuild costs less than a missed one). A deck with mistakes is read as far
// as it can be: the build reports them, and the watch must go on seeing every input.
// `built`: what a build that wrote the deck read, which saves reading it again.
std::vector<fs::path> folders_to_watch(const Options& options, const BuiltDeck* built) {
  std::vector<fs::path> folders;
  auto add = [&folders](const fs::path& folder) { folders.push_back(folder.empty() ? fs::path(".") : folder); };
  for (const fs::path& input : options.inputs) {
    std::error_code ec;
    if (!fs::exists(input, ec)) continue;  // missing_inputs(): waited for, not its parent watched
    add(fs::is_directory(input, ec) ? input : input.parent_path());
  }
  if (options.snippets_dir) add(*options.snippets_dir);
  if (built) {
    for (const fs::path& folder : built->input_folders) add(folder);
    return folders;
  }
  try {
    InputErrorList ignored;  // the build reports them
    Deck deck = read_deck(options.inputs, ignored);
    add(deck.deck_dir);
    for (const auto& [image, _] : deck.images) add(fs::path(image).parent_path());
    // Without its snippets, planning checks no file and only resolves the folder: the
    // folder must be watched even while a snippet the deck names is still missing.
    deck.snippets.clear();
    add(make_plan(deck, options.snippets_dir, ignored).snippets_dir);
  } catch (const std::exception&) {
    // No deck at all (no .md file yet): watch what the command line names.
  }
  return folders;
}

// The inputs that are not there now (a deck folder moved away): the watch waits for
// them to appear again.
std::vector<fs::path> missing_inputs(const Options& options) {
  std::vector<fs::path> missing;
  for (const fs::path& input : options.inputs) {
    std::error_code ec;
    if (!fs::exists(input, ec)) missing.push_back(input);
  }
  return missing;
}

// What a build writes, which must not trigger the next one: the deck (its temporary
// files are hidden, so scratch), the traces beside it, the reports, and the cache (always
// inside the deck folder). With a single-file deck or `-o` inside the deck folder the
// others lie in a watched folder too.
std::vector<fs::path> build_outputs(const Options& options) {
  std::vector<fs::path> outputs = {options.output, options.output.parent_path() / "traces", cache_dir_for(options.inputs)};
  if (options.report) outputs.push_back(*options.report);
  if (options.junit) outputs.push_back(*options.junit);
  return outputs;
}

std::string describe(const std::vector<fs::path>& changed) {
  std::vector<std::string> shown;
  for (size_t i = 0; i < changed.size() && i < 3; ++i)
    shown.push_back(changed[i].lexically_proximate(fs::current_path()).generic_string());
  std::string more = changed.size() > 3 ? fmt::format(" and {} more", changed.size() - 3) : "";
  return fmt::format("{}{}", fmt::join(shown, ", "), more);
}

// The ids of the deck's snippets as it is now: what `present` lets the page rerun.
std::set<std::string> snippet_ids(const Options& options) {
  std::set<std::string> ids;
  try {
    InputErrorList ignored;  // the build reports them
    Deck deck = read_deck(options.inputs, ignored);
    // Planned, as a block without `id:` takes its file's name there.
    for (const PlannedSnippet& s : make_plan(deck, options.snippets_dir, ignored).snippets) ids.insert(s.spec.id);
  } catch (const std::exception&) {
  }
  return ids;
}

std::string url_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;  // an IPv6 address
}

}  // namespace

int run_watch(const Options& options, Status& status, Runners runners) {
  for (const fs::path& input : options.inputs) {
    std::error_code ec;
    if (!fs::exists(input, ec)) {
      status.error(fmt::format("{}: error: no such file or folder", input.generic_string()));
      return exit_input_error;
    }
  }
  const bool presenting = options.command == Command::present;
  const char* name = presenting ? "present" : "watch";
  DeckServer server(options.output.filename().string());
  RerunQueue reruns;
  const std::string token = presenting ? new_session_token() : std::string();
  if (presenting) server.enable_reruns(token, [&reruns](const std::string& id) { return reruns.ask(id); });
  std::string url;
  try {
    url = fmt::format("http://{}:{}/", url_host(options.host), server.start(options.host, options.port));
  } catch (const std::runtime_error& e) {
    status.error(e.what());
    return exit_input_error;
  }
  // On stdout, even with --quiet: the address is what this command gives back (with
  // `present`, the session's token in it: the only place it is shown).
  fmt::print("deckgen {}: serving {}{} (Ctrl-C stops)\n", name, url, presenting ? "?token=" + token : "");
  std::fflush(stdout);

  FileWatcher watcher;
  for (const fs::path& output : build_outputs(options)) watcher.ignore(output);
  BuildRequest build{.options = options};
  build.options.command = Command::build;
  build.options.write_deck = true;
  // Between builds: what the last ones read and parsed, checked before each use.
  WarmCache warm;

  // `present`: reruns the page asked for, each an ordinary build with --only ID whose
  // runs stream their output to the page; then the new deck is served like a rebuild's.
  // Returns false when interrupted (Ctrl-C stops the rerun's processes and the session).
  auto rerun = [&](const std::string& id) {
    server.tell_rerun(rerun_event_json(id, "start"));
    status.info(fmt::format("deckgen present: rerunning '{}' as the page asked", id));
    auto tell = [&server](const std::string& event) { server.tell_rerun(event); };
    StreamingRunner main(runners.main, id, tell);
    Runners streaming{main, nullptr, runners.parallelism, runners.use_cpus, runners.fit_layout};
    if (runners.make_more)
      streaming.make_more = [&, id] { return std::make_unique<StreamingRunner>(runners.make_more(), id, tell); };
    BuildRequest again = build;
    again.options.only = {id};
    again.run.store = StoreResults::no;  // the cache keeps the build's measurements
    again.run.live_rerun = true;  // this snippet alone; the claims keep the build's verdicts
    RecordingStatus recording(status);
    BuiltDeck built;
    int code;
    try {
      code = run_build(again, recording, streaming, &built, &warm);
    } catch (const std::exception& e) {
      recording.error(fmt::format("deckgen: error: {}", e.what()));
      code = exit_input_error;
    }
    if (interrupted()) return false;
    if ((code == exit_ok || code == exit_deck_failed) && !built.page.empty())
      server.publish(std::move(built.page), std::move(built.slides), std::move(built.traces), {id});
    std::string failed = code == exit_ok ? "" : recording.errors();
    if (code != exit_ok && failed.empty()) failed = fmt::format("the rerun failed (exit code {})", code);
    server.tell_rerun(rerun_event_json(id, "done", failed, server.version()));
    reruns.done();
    return true;
  };

  // What to watch is asked again after each build has been served, not before it: when
  // the build failed before writing, it reads the deck once more, which a speaker
  // waiting for the page should not wait for.
  // The watches only ever grow, so a change during a build is still seen by the next.
  auto watch_inputs = [&](const BuiltDeck* built) {
    for (const fs::path& folder : folders_to_watch(options, built)) watcher.watch(folder);
    for (const fs::path& input : missing_inputs(options)) watcher.watch_for_creation(input);
  };
  watch_inputs(nullptr);
  for (;;) {
    RecordingStatus recording(status);
    BuiltDeck built;
    int code;
    try {
      code = run_build(build, recording, runners, &built, &warm);
    } catch (const std::exception& e) {  // whatever a build throws must not end the session
      recording.error(fmt::format("deckgen: error: {}", e.what()));
      code = exit_input_error;
    }
    if (code == exit_ok || code == exit_deck_failed) warm.end_build();  // (a deck with mistakes asked for little)
    build.run.remeasure_busy = false;  // the session's first build did; edits only rebuild
    if (interrupted()) break;

    // The newest deck written is served whatever its claims or snippets say: their
    // failures are on its slides, and the speaker's next edit must reach the page. Only a
    // build that wrote nothing (an input error) leaves the last deck up, under its error.
    bool written = (code == exit_ok || code == exit_deck_failed) && !built.page.empty();
    if (written) server.publish(std::move(built.page), std::move(built.slides), std::move(built.traces));
    if (presenting)
      reruns.set_snippets(written ? std::set<std::string>(built.snippet_ids.begin(), built.snippet_ids.end())
                                  : snippet_ids(options));
    if (written) {
      status.info(fmt::format("deckgen {}: deck {} is served{}; open pages reload", name, server.version(),
                              code == exit_ok ? "" : " (what failed is shown on its slides)"));
    } else {
      std::string errors = recording.errors();
      server.show_error(errors.empty() ? fmt::format("the build failed (exit code {})", code) : errors);
      status.warning(fmt::format("nothing was written; {} shows the error over the last deck written", url));
    }
    watch_inputs(written ? &built : nullptr);

    std::optional<std::vector<fs::path>> changed;
    bool stopping = false;
    while (!stopping && !changed) {
      changed = watcher.wait_for_change(kSaveBurst, [&reruns] { return interrupted() || reruns.pending(); });
      if (interrupted()) stopping = true;
      else if (auto id = reruns.start()) stopping = !rerun(*id);
    }
    if (stopping) break;
    // A file that is not a slide may be a snippet, or a module created where an import
    // now resolves to it: the snippets' sources are read afresh.
    if (std::any_of(changed->begin(), changed->end(), [](const fs::path& p) { return p.extension() != ".md"; }))
      warm.forget_sources();
    status.info(fmt::format("deckgen {}: {} changed; rebuilding", name, describe(*changed)));
  }
  server.stop();
  status.info(fmt::format("deckgen {}: stopped", name));
  return exit_ok;
}

}  // namespace deckgen
