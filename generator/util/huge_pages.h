#pragma once
// Large zeroed regions straight from the kernel, with transparent huge pages asked for.
//
// Reading a big deck builds two trees (cmark's and deckgen's) of tens of megabytes that
// live for one build. In 4 KiB pages, touching them cost ten thousand page faults, more
// system time than the parse took in user time; in 2 MiB pages it is a few dozen. Where
// the kernel gives no huge pages (THP set to "never"), this is plain mmap.
#include <cstddef>
#include <memory_resource>

namespace deckgen {

// At least `bytes` zeroed bytes, page-aligned; nullptr when the kernel refuses.
void* map_region(size_t bytes);
// Gives back what map_region(bytes) returned.
void unmap_region(void* region, size_t bytes);

// What a region of `bytes` is worth mapping for: smaller blocks stay with malloc.
inline constexpr size_t kRegionThreshold = 1 << 20;

// The upstream of the deck's node arena: large buffers from map_region, small ones from
// the heap. The arena asks for ever larger buffers, so most of its memory is mapped.
class RegionResource final : public std::pmr::memory_resource {
 private:
  void* do_allocate(size_t bytes, size_t alignment) override;
  void do_deallocate(void* p, size_t bytes, size_t alignment) override;
  bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override { return this == &other; }
};

// The one RegionResource (it has no state).
RegionResource* region_resource();

}  // namespace deckgen
