#include "measure/busy_notes.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "measure/busy_claims.h"
#include "measure/units.h"

namespace deckgen {
namespace {

// The timing line's numbers as the slide spells them (render/snippet_html.cpp, write_timing).
std::vector<std::string> timing_line_numbers(const SnippetResult& r) {
  std::vector<std::string> shown;
  auto stat = [&](const char* name) -> const Summary* {
    auto found = r.stats.find(name);
    return found == r.stats.end() ? nullptr : &found->second;
  };
  const Summary* wall = stat("wall");
  if (!wall) return shown;
  shown = {format_duration(wall->median), format_duration(wall->mad),
           fmt::format("unstable {} outliers {}", wall->unstable, wall->outliers.size())};
  if (const Summary* user = stat("user")) shown.push_back(format_duration(user->median));
  if (const Summary* sys = stat("sys")) shown.push_back(format_duration(sys->median));
  if (const Summary* rss = stat("rss")) shown.push_back(format_bytes(rss->median));
  if (const Summary* ctx = stat("ctx")) shown.push_back(format_count(ctx->median));
  return shown;
}

}  // namespace

bool busy_runs_change_timing_line(const SnippetResult& result) {
  if (result.busy_runs == 0) return false;
  SnippetResult clean = without_busy_runs({{result.id, result}}).at(result.id);
  if (clean.runs.empty()) return true;
  return timing_line_numbers(clean) != timing_line_numbers(result);
}

}  // namespace deckgen
