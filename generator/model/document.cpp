#include "model/document.h"

#include "util/huge_pages.h"

namespace deckgen {

std::shared_ptr<std::pmr::memory_resource> make_node_memory() {
  // Starts at 64 KiB, so a small deck stays in the heap; each next buffer doubles.
  return std::make_shared<std::pmr::monotonic_buffer_resource>(64 * 1024, region_resource());
}

}  // namespace deckgen
