#include "plan/toolchain.h"

#include <fmt/format.h>

#include <set>

#include "run/process.h"
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

}  // namespace

Toolchains resolve_toolchains(const Plan& plan, const std::string& python) {
  Toolchains tc;
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
      ProcessResult r = run_process(*found, {"-c", "import sys, platform; print(sys.executable); print(platform.python_version())"},
                                    "", std::chrono::seconds(30));
      auto lines = r.out;
      size_t nl = lines.find('\n');
      if (r.exit_code != 0 || nl == std::string::npos) {
        tc.missing[lang.name] = fmt::format("'{}' did not start: {}", found->string(), first_line(r.err));
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
    if (!lang.compile.empty()) {
      ProcessResult r = run_process(real, {"--version"}, "", std::chrono::seconds(30));
      version = first_line(r.out.empty() ? r.err : r.out);
    }
    tc.tools.push_back({lang.name, real.string(), version});
  }
  return tc;
}

}  // namespace deckgen
