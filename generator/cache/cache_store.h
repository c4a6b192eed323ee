#pragma once
// The one store for everything deckgen keeps between builds, in one folder it alone
// writes (cache_folder.h: DECK/.deckgen-cache, whatever -o names):
//
//   CACHEDIR.TAG            marks the folder as deckgen's: `clean` removes nothing without it
//   KIND/KEY[SUFFIX]        one entry, KEY being 32 lowercase hex digits (hash_hex of
//                           everything the entry depends on; cache_key.h)
//
// The rules every kind follows:
// - one key format: no entry is named by anything but hash_hex;
// - one write: a temporary file beside the entry, renamed over it, so a reader (another
//   deckgen process too) sees a whole entry or none;
// - one damaged-entry rule: an entry that cannot be used is a miss with a warning for
//   the Status, never a wrong answer and never a stop (the entry is replaced by the
//   next write);
// - one `clean`: the whole folder, only when it carries deckgen's tag.
//
// The stores for each kind (result_store.h, binary_store.h, the overhead entries) check
// their own contents and go through this for their files. The stages below cache/ that
// keep answers (highlighting, diagrams, toolchain probes) get a CacheShelf: the same
// store, seen through util/entry_store.h.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "util/entry_store.h"

namespace deckgen {

enum class CacheKind { results, programs, overhead, highlighting, diagrams, formulas, toolchains, key_texts };

class CacheStore {
 public:
  explicit CacheStore(std::filesystem::path dir);  // nothing is read or written yet

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path entry_path(CacheKind kind, std::string_view key, std::string_view suffix) const;

  // The entry's bytes. nullopt on a miss: no warning when there is no entry, the reason
  // in `warning` when one is there but cannot be read (or the key is not a key).
  std::optional<std::string> read(CacheKind kind, std::string_view key, std::string_view suffix,
                                  std::string* warning) const;

  // Writes the entry atomically (and the tag when missing). False with the reason in
  // `warning` when it cannot (a read-only or full disk): a build goes on without its cache.
  bool write(CacheKind kind, std::string_view key, std::string_view suffix, std::string_view bytes,
             std::string* warning) const;
  // Several entries of one kind, flushed to disk together (write_files_atomically).
  bool write_all(CacheKind kind, const std::vector<std::pair<std::string, std::string>>& entries,
                 std::string_view suffix, std::string* warning) const;

  // Makes the folder, tagged as deckgen's, when missing (claim_cache_dir in
  // cache_folder.h). Throws InputError when the folder is someone else's (no deckgen
  // tag, a link, a file) and std::system_error when it cannot be made.
  void mark() const;

  // Removes the folder `dir` when it is a deckgen cache (has deckgen's CACHEDIR.TAG).
  // True when it is gone or was never there; false with the reason in `error` when it is
  // something else (not a folder, a symbolic link, no tag) or cannot be removed. The
  // folder is first renamed aside, so a build running meanwhile starts a fresh one.
  static bool clean(const std::filesystem::path& dir, std::string* error);

 private:
  std::filesystem::path dir_;
};

// One kind of entry of a CacheStore, with a fixed file suffix, as an EntryStore.
class CacheShelf final : public EntryStore {
 public:
  CacheShelf(CacheStore store, CacheKind kind, std::string suffix)
      : store_(std::move(store)), kind_(kind), suffix_(std::move(suffix)) {}
  std::optional<std::string> read(std::string_view key, std::string* warning) const override {
    return store_.read(kind_, key, suffix_, warning);
  }
  bool write(std::string_view key, std::string_view bytes, std::string* warning) const override {
    return store_.write(kind_, key, suffix_, bytes, warning);
  }
  bool write_all(const std::vector<std::pair<std::string, std::string>>& entries, std::string* warning) const override {
    return store_.write_all(kind_, entries, suffix_, warning);
  }

 private:
  CacheStore store_;
  CacheKind kind_;
  std::string suffix_;
};

}  // namespace deckgen
