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

}  // namespace

FileName::FileName() : name_(intern({})) {}
FileName::FileName(std::string_view name) : name_(intern(name)) {}

}  // namespace deckgen
