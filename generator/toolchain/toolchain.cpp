#include "toolchain/toolchain.h"

#include <fmt/format.h>

#include <sys/stat.h>

#include <set>

#include "run/process.h"
#include "util/files.h"
#include "util/hash.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

std::string first_line(const std::string& text) {
  return std::string(trim(std::string_view(text).substr(0, text.find('\n'))));
}

// The program a command template starts with, when it is a fixed name (not {exe}).
std::string program_of(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0].find('{') != std::string::npos) return {};
  return argv[0];
}

// What identifies an executable's content cheaply; empty for a script (starts "#!").
std::string identity(const fs::path& program) {
  struct stat st {};
  if (::stat(program.c_str(), &st) != 0) return {};
  std::string head;
  if (FILE* f = std::fopen(program.c_str(), "rb")) {
    char buf[2] = {};
    head.assign(buf, std::fread(buf, 1, 2, f));
    std::fclose(f);
  }
  if (head == "#!") return {};
  return fmt::format("{}:{}:{}:{}.{}", program.string(), st.st_size, st.st_ino, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

// Answers remembered between builds, one entry per (program identity, question). An
// entry is the marker line and the lines the program printed; anything else is a miss.
constexpr std::string_view kAnswerMarker = "deckgen-toolchain-answer 1\n";

class AnswerCache {
 public:
  AnswerCache(const EntryStore* store, std::vector<std::string>* warnings) : store_(store), warnings_(warnings) {}

  // The program's answer to `question`, asking it only when nothing is remembered.
  std::optional<std::string> ask(const fs::path& program, const std::vector<std::string>& question) {
    std::string id = identity(program);
    std::string key = hash_hex(fmt::format("{}\n{}\n{}", kAnswerMarker, id, fmt::join(question, "\n")));
    bool remember = store_ && !id.empty();
    if (remember) {
      std::string warning;
      std::optional<std::string> kept = store_->read(key, &warning);
      warn(warning);
      if (kept && kept->starts_with(kAnswerMarker)) return kept->substr(kAnswerMarker.size());
      if (kept) warn(fmt::format("toolchain entry {} ignored: not an answer deckgen kept", key));
    }
    ProcessResult r = run_process(program, question, "", std::chrono::seconds(30));
    if (!r.started || r.exit_code != 0) return std::nullopt;
    std::string answer = r.out.empty() ? r.err : r.out;
    std::string warning;
    if (remember && !store_->write(key, std::string(kAnswerMarker) + answer, &warning))
      warn("toolchain answer not kept: " + warning);
    return answer;
  }

 private:
  void warn(std::string text) {
    if (warnings_ && !text.empty()) warnings_->push_back(std::move(text));
  }
  const EntryStore* store_;
  std::vector<std::string>* warnings_;
};

}  // namespace

Toolchains resolve_toolchains(const Plan& plan, const std::string& python, const EntryStore* cache) {
  Toolchains tc;
  AnswerCache answers(cache, &tc.cache_warnings);
  std::set<std::string> seen;
  for (const PlannedSnippet& s : plan.snippets) {
    const Language& lang = s.language;
    if (!seen.insert(lang.name).second) continue;
    bool uses_python = false;
    for (const auto& arg : lang.run) uses_python |= arg.find("{python}") != std::string::npos;
    if (uses_python) {
      auto found = find_executable(python);
      if (!found) {
        tc.missing[lang.name] = fmt::format("no '{}' on PATH (set `python:` in the front matter)", python);
        continue;
      }
      std::optional<std::string> answer =
          answers.ask(*found, {"-c", "import sys, platform; print(sys.executable); print(platform.python_version())"});
      std::string lines = answer.value_or("");
      size_t nl = lines.find('\n');
      if (!answer || nl == std::string::npos) {
        tc.missing[lang.name] = fmt::format("'{}' did not start or did not say what it is", found->string());
        continue;
      }
      tc.python = lines.substr(0, nl);
      tc.tools.push_back({lang.name, tc.python, "Python " + first_line(lines.substr(nl + 1))});
      continue;
    }
    std::string program = program_of(lang.compile.empty() ? lang.run : lang.compile);
    if (program.empty()) continue;
    auto found = find_executable(program);
    if (!found) {
      tc.missing[lang.name] = fmt::format("'{}' is not installed", program);
      continue;
    }
    fs::path real = fs::weakly_canonical(*found);
    std::string version;
    if (!lang.compile.empty()) version = first_line(answers.ask(real, {"--version"}).value_or(""));
    tc.tools.push_back({lang.name, real.string(), version});
  }
  return tc;
}

}  // namespace deckgen
