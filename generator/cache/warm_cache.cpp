#include "cache/warm_cache.h"

#include <sys/stat.h>

namespace deckgen {

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  auto ns = [](const timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; };
  return FileStamp{st.st_dev, st.st_ino, st.st_size, ns(st.st_mtim), ns(st.st_ctim)};
}

FileStamps stamps_of(const std::vector<std::filesystem::path>& paths) {
  FileStamps stamps;
  for (const auto& path : paths) stamps.emplace_back(path, stamp_of(path));
  return stamps;
}

std::optional<SnippetResult> WarmCache::parsed_result(const std::string& key, const std::string& machine,
                                                      const std::string& entry_text) const {
  std::lock_guard lock(mutex_);
  auto found = results_.find(key);
  if (found == results_.end() || found->second.machine != machine || found->second.entry_text != entry_text)
    return std::nullopt;
  found->second.used = build_;
  return found->second.result;
}

void WarmCache::keep_parsed_result(const std::string& key, const std::string& machine, std::string entry_text,
                                   SnippetResult result) {
  std::lock_guard lock(mutex_);
  results_[key] = {machine, std::move(entry_text), std::move(result), build_};
}

std::optional<std::string> WarmCache::sources(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto found = sources_.find(name);
  if (found == sources_.end()) return std::nullopt;
  for (const auto& [path, stamp] : found->second.files)
    if (stamp_of(path) != stamp) return std::nullopt;
  found->second.used = build_;
  return found->second.part;
}

void WarmCache::keep_sources(const std::string& name, std::string part, FileStamps files) {
  std::lock_guard lock(mutex_);
  sources_[name] = {std::move(part), std::move(files), build_};
}

void WarmCache::forget_sources() {
  std::lock_guard lock(mutex_);
  sources_.clear();
}

void WarmCache::end_build() {
  std::lock_guard lock(mutex_);
  std::erase_if(results_, [&](const auto& entry) { return entry.second.used != build_; });
  std::erase_if(sources_, [&](const auto& entry) { return entry.second.used != build_; });
  ++build_;
}

}  // namespace deckgen
