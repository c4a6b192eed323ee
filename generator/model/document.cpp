#include "model/document.h"

#include "util/huge_pages.h"

namespace deckgen {

std::shared_ptr<std::pmr::memory_resource> make_node_memory() {
  // Starts at 64 KiB, so a small deck stays in the heap; each next buffer doubles.
  return std::make_shared<std::pmr::monotonic_buffer_resource>(64 * 1024, region_resource());
}

std::string warning_message(const Warning& w) {
  std::string out = fmt::format("{}: warning: {}", w.pos, w.problem);
  if (!w.what_to_do.empty()) out += fmt::format("\n  {}", w.what_to_do);
  return out;
}

bool Attributes::has_class(std::string_view name) const {
  for (const std::string& c : classes)
    if (c == name) return true;
  return false;
}

const std::string* Attributes::find(std::string_view key) const {
  for (const auto& [k, v] : values)
    if (k == key) return &v;
  return nullptr;
}

int stage_width(const FrontMatter& meta) { return meta.aspect_ratio == "4:3" ? 960 : 1280; }

}  // namespace deckgen
