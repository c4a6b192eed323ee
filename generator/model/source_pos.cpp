#include "model/source_pos.h"

#include <mutex>
#include <set>

namespace deckgen {
namespace {

const std::string* intern(std::string_view name) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> names;  // never shrinks: a deck has few files
  std::lock_guard lock(mutex);
  auto found = names.find(name);
  if (found == names.end()) found = names.emplace(name).first;
  return &*found;
}

// The empty name, interned once: every node is made with a default position before
// its own is set, and taking the lock for each was a visible part of reading a deck.
const std::string* empty_name() {
  static const std::string* const empty = intern({});
  return empty;
}

}  // namespace

FileName::FileName() : name_(empty_name()) {}
FileName::FileName(std::string_view name) : name_(intern(name)) {}

}  // namespace deckgen
