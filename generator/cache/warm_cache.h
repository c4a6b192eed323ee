#pragma once
// What a long-running deckgen (`watch`, `present`) keeps in memory between its builds,
// so that a rebuild after a prose edit does not read, scan and parse again every
// snippet's sources and cached result: most of what it waited for. Every answer is
// checked against the disk before it is given, so nothing it holds can be stale:
// - a parsed result is reused only for the very text of its cache entry (the entry is
//   still read; parsing it was the cost);
// - a snippet's sources part of its keys (cache_key.cpp) is reused only while every
//   file it read has the same device, inode, size and change times, and until
//   forget_sources(): a file created beside them could change how an import resolves,
//   which no stamp shows, so `watch` forgets them whenever a file that is not a slide
//   changes.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/results.h"

namespace deckgen {

// What stat says of a file that changes with every write or rename over it.
struct FileStamp {
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  int64_t modified_ns = 0, changed_ns = 0;
  bool operator==(const FileStamp&) const = default;
};
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);  // nullopt: not there
using FileStamps = std::vector<std::pair<std::filesystem::path, std::optional<FileStamp>>>;
FileStamps stamps_of(const std::vector<std::filesystem::path>& paths);

class WarmCache {
 public:
  // The result parsed from exactly `entry_text` for `key` on `machine`, if it was kept.
  std::optional<SnippetResult> parsed_result(const std::string& key, const std::string& machine,
                                             const std::string& entry_text) const;
  void keep_parsed_result(const std::string& key, const std::string& machine, std::string entry_text,
                          SnippetResult result);

  // A snippet's sources part, as `name` (its file, folder and source) says, if the files
  // it was made from are as they were.
  std::optional<std::string> sources(const std::string& name) const;
  // `files`: every path the part was made from, found or not (a path not there must
  // still not be there), stamped before the part was last made from them.
  void keep_sources(const std::string& name, std::string part, FileStamps files);
  void forget_sources();

  // After each build: drops what that build did not ask for (a snippet edited away, an
  // old key's result with its traces), so a long session holds one deck's worth.
  void end_build();

 private:
  struct Parsed {
    std::string machine, entry_text;
    SnippetResult result;
    mutable uint64_t used = 0;  // the build that last asked for it
  };
  struct Sources {
    std::string part;
    FileStamps files;
    mutable uint64_t used = 0;
  };
  mutable std::mutex mutex_;
  uint64_t build_ = 1;
  std::map<std::string, Parsed> results_;
  std::map<std::string, Sources> sources_;
};

}  // namespace deckgen
