#pragma once
// Compiled snippets kept between builds, under the cache folder's bin/, named by
// compile_cache_key (cache_key.h): a changed run option, or an edited Python snippet,
// then reruns a C snippet without compiling it again.
//
//   bin/KEY        the executable
//   bin/KEY.json   {"compile_seconds": S, "compile_output": TEXT}, written first, so
//                  that an executable in place always has its record
#include <filesystem>
#include <optional>
#include <string>

#include "model/results.h"  // CompiledProgram

namespace deckgen {

class BinaryStore {
 public:
  explicit BinaryStore(std::filesystem::path dir);  // the cache folder; bin/ is made on store

  // Copies the stored program for `key` to `destination` (executable), with its record.
  // nullopt on a miss, or when either file is missing, damaged or cannot be copied.
  std::optional<CompiledProgram> fetch(const std::string& key, const std::filesystem::path& destination) const;

  // Keeps a copy of `executable` under `key`. False, with the reason in `warning`, when
  // it cannot: a build goes on without it. Safe from several threads and processes.
  bool store(const std::string& key, const std::filesystem::path& executable, const CompiledProgram& program,
             std::string* warning) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace deckgen
