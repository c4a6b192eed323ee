#include "util/huge_pages.h"

#include <sys/mman.h>

#include <new>

namespace deckgen {
namespace {

constexpr size_t kHugePage = 2 << 20;

size_t whole_huge_pages(size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

}  // namespace

void* map_region(size_t bytes) {
  size_t length = whole_huge_pages(bytes);
  void* region = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) return nullptr;
  // Advice only: without THP (or with it off) the region is served in small pages.
  ::madvise(region, length, MADV_HUGEPAGE);
  return region;
}

void unmap_region(void* region, size_t bytes) {
  if (region) ::munmap(region, whole_huge_pages(bytes));
}

void* RegionResource::do_allocate(size_t bytes, size_t alignment) {
  if (bytes < kRegionThreshold) return ::operator new(bytes, std::align_val_t(alignment));
  void* region = map_region(bytes);  // page-aligned: any alignment a resource is asked for
  if (!region) throw std::bad_alloc();
  return region;
}

void RegionResource::do_deallocate(void* p, size_t bytes, size_t alignment) {
  if (bytes < kRegionThreshold) ::operator delete(p, std::align_val_t(alignment));  // unsized: clang 14 lacks the sized form by default
  else unmap_region(p, bytes);
}

RegionResource* region_resource() {
  static RegionResource resource;
  return &resource;
}

}  // namespace deckgen
