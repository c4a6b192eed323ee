#include "pipeline/kept_programs.h"

#include <fmt/format.h>

namespace deckgen {

KeptPrograms::KeptPrograms(std::filesystem::path cache_dir, ReuseKept reuse, Status& status)
    : store_(std::move(cache_dir)), reuse_(reuse), status_(status) {}

std::optional<CompiledProgram> KeptPrograms::fetch(const PlannedSnippet& s, const std::filesystem::path& exe) {
  auto key = keys.find(s.spec.id);
  if (reuse_ == ReuseKept::none || key == keys.end()) return std::nullopt;
  std::string warning;
  std::optional<CompiledProgram> program = store_.fetch(key->second, exe, &warning);
  if (!warning.empty()) status_.warning(fmt::format("snippet '{}': {}", s.spec.id, warning));
  return program;
}

void KeptPrograms::keep(const PlannedSnippet& s, const std::filesystem::path& exe, const CompiledProgram& program) {
  auto key = keys.find(s.spec.id);
  std::string warning;
  if (key != keys.end() && !store_.store(key->second, exe, program, &warning))
    status_.warning(fmt::format("snippet '{}': {}", s.spec.id, warning));
}

}  // namespace deckgen
