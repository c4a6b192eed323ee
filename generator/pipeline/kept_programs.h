#pragma once
// The executor's ProgramCache (run/execute.h) backed by the cache's BinaryStore, so a
// snippet whose compile inputs did not change runs again without compiling.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "cache/binary_store.h"
#include "pipeline/status.h"
#include "run/execute.h"

namespace deckgen {

// `none` under --force, which trusts nothing stored: every snippet is compiled again (a
// new system header is not in the key), and the new programs are kept.
enum class ReuseKept { stored, none };

class KeptPrograms final : public ProgramCache {
 public:
  // `status` must be thread-safe (LockedStatus): workers fetch and keep at once.
  KeptPrograms(std::filesystem::path cache_dir, ReuseKept reuse, Status& status);

  // snippet id -> compile_cache_key. Filled before anything runs, so workers only read it.
  std::map<std::string, std::string> keys;

  std::optional<CompiledProgram> fetch(const PlannedSnippet& s, const std::filesystem::path& exe) override;
  void keep(const PlannedSnippet& s, const std::filesystem::path& exe, const CompiledProgram& program) override;

 private:
  BinaryStore store_;
  ReuseKept reuse_;
  Status& status_;
};

}  // namespace deckgen
