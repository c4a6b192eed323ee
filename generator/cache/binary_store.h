#pragma once
// Compiled snippets kept between builds in the CacheStore (cache_store.h), named by
// compile_cache_key (cache_key.h): a changed run option, or an edited Python snippet,
// then reruns a C snippet without compiling it again.
//
//   bin/KEY        the executable
//   bin/KEY.json   {"compile_seconds": S, "compile_output": TEXT, "size": BYTES,
//                   "xxh3": HASH of the executable}, written first, so that an
//                  executable in place always has its record
//
// A damaged entry (the executable truncated, emptied or edited, the record missing or
// unreadable) is a miss with a warning, and the program is compiled again: it is never
// handed to the runner, where it would fail as "Exec format error" in every build.
#include <filesystem>
#include <optional>
#include <string>

#include "cache/cache_store.h"
#include "model/results.h"  // CompiledProgram

namespace deckgen {

class BinaryStore {
 public:
  explicit BinaryStore(std::filesystem::path dir);  // the cache folder; bin/ is made on store

  // Copies the stored program for `key` to `destination` (executable), with its record.
  // nullopt on a miss. When an entry is there but cannot be used (damaged, or it cannot
  // be copied), also nullopt, with the reason in `warning`.
  std::optional<CompiledProgram> fetch(const std::string& key, const std::filesystem::path& destination,
                                       std::string* warning) const;

  // Keeps a copy of `executable` under `key`. False, with the reason in `warning`, when
  // it cannot: a build goes on without it. Safe from several threads and processes.
  bool store(const std::string& key, const std::filesystem::path& executable, const CompiledProgram& program,
             std::string* warning) const;

 private:
  CacheStore store_;
};

}  // namespace deckgen
