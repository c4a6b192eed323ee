// Regions mapped for the deck's arenas: zeroed, aligned, and given back.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <memory_resource>

#include "util/huge_pages.h"

namespace deckgen {

TEST(HugePages, ARegionIsZeroedAlignedAndWritableToItsEnd) {
  const size_t size = 3 * 1024 * 1024 + 5;
  auto* region = static_cast<unsigned char*>(map_region(size));
  ASSERT_NE(region, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(region) % 4096, 0u);
  for (size_t i = 0; i < size; i += 4096) ASSERT_EQ(region[i], 0) << i;
  region[size - 1] = 1;
  unmap_region(region, size);
}

TEST(HugePages, TheResourceServesSmallAndLargeBlocksWithTheirAlignment) {
  std::pmr::memory_resource* resource = region_resource();
  for (size_t size : {size_t{24}, size_t{4096}, kRegionThreshold, 5 * kRegionThreshold}) {
    void* p = resource->allocate(size, 64);
    ASSERT_NE(p, nullptr) << size;
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 64, 0u) << size;
    std::memset(p, 0x5A, size);
    resource->deallocate(p, size, 64);
  }
  EXPECT_TRUE(resource->is_equal(*region_resource()));
}

TEST(HugePages, ADeckArenaGrowsPastTheThresholdIntoMappedBuffers) {
  std::pmr::monotonic_buffer_resource arena(64 * 1024, region_resource());
  std::pmr::vector<char> big(&arena);
  big.resize(4 * kRegionThreshold, 'x');  // from a mapped buffer
  EXPECT_EQ(big.back(), 'x');
}

}  // namespace deckgen
