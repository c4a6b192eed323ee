#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string_view>

#include "util/bump_arena.h"

namespace deckgen {

TEST(BumpArena, HandsOutZeroedAlignedBlocks) {
  BumpArena arena;
  for (size_t size : {0, 1, 7, 16, 100, 5000}) {
    auto* p = static_cast<unsigned char*>(arena.allocate(size));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % alignof(std::max_align_t), 0u);
    for (size_t i = 0; i < size; ++i) ASSERT_EQ(p[i], 0) << size;
    std::memset(p, 0xAB, size);  // dirty it: the next block must still come zeroed
  }
}

TEST(BumpArena, BlocksAfterAShrunkBlockStillComeZeroed) {
  BumpArena arena;
  auto* a = static_cast<unsigned char*>(arena.allocate(256));
  std::memset(a, 0xCD, 256);
  ASSERT_EQ(arena.reallocate(a, 8), a);  // shrinks in place
  auto* b = static_cast<unsigned char*>(arena.allocate(256));
  for (size_t i = 0; i < 256; ++i) ASSERT_EQ(b[i], 0) << i;
}

TEST(BumpArena, ReallocateKeepsTheContentsWhetherItGrowsInPlaceOrMoves) {
  BumpArena arena;
  char* a = static_cast<char*>(arena.allocate(4));
  std::memcpy(a, "abc", 4);
  char* grown = static_cast<char*>(arena.reallocate(a, 64));  // the newest block
  EXPECT_EQ(grown, a);
  EXPECT_EQ(std::string_view(grown), "abc");
  char* b = static_cast<char*>(arena.allocate(8));
  std::memcpy(b, "xyz", 4);
  char* moved = static_cast<char*>(arena.reallocate(grown, 200));  // not the newest any more
  EXPECT_NE(moved, grown);
  EXPECT_EQ(std::string_view(moved), "abc");
  EXPECT_EQ(std::string_view(b), "xyz");
  char* shrunk = static_cast<char*>(arena.reallocate(moved, 2));
  EXPECT_EQ(std::string_view(shrunk, 2), "ab");
  EXPECT_NE(arena.reallocate(nullptr, 10), nullptr);
}

TEST(BumpArena, BlocksLargerThanAChunkAndManySmallOnesAllFit) {
  BumpArena arena;
  char* big = static_cast<char*>(arena.allocate(10 * 1024 * 1024));
  ASSERT_NE(big, nullptr);
  big[10 * 1024 * 1024 - 1] = 'z';
  for (int i = 0; i < 100000; ++i) {
    auto* p = static_cast<int*>(arena.allocate(sizeof(int)));
    ASSERT_NE(p, nullptr);
    *p = i;
  }
  EXPECT_EQ(big[10 * 1024 * 1024 - 1], 'z');
  EXPECT_EQ(arena.allocate(SIZE_MAX - 8), nullptr);
}

TEST(BumpArena, AReleasedBlockIsHandedOutAgainZeroed) {
  BumpArena arena;
  auto* a = static_cast<unsigned char*>(arena.allocate(100));
  auto* keep = arena.allocate(8);  // so that `a` is not the newest block
  std::memset(a, 0xEE, 100);
  arena.release(a);
  auto* b = static_cast<unsigned char*>(arena.allocate(120));  // the same size class (128)
  EXPECT_EQ(b, a) << "the released block is reused";
  for (size_t i = 0; i < 120; ++i) ASSERT_EQ(b[i], 0) << i;
  EXPECT_NE(arena.allocate(100), a) << "and handed out once";
  arena.release(keep);
  arena.release(nullptr);
}

TEST(BumpArena, ReleasingTheNewestBlockGivesItsSpaceBackZeroed) {
  BumpArena arena;
  auto* a = static_cast<unsigned char*>(arena.allocate(64));
  std::memset(a, 0x11, 64);
  arena.release(a);
  auto* b = static_cast<unsigned char*>(arena.allocate(64));
  EXPECT_EQ(b, a);
  for (size_t i = 0; i < 64; ++i) ASSERT_EQ(b[i], 0) << i;
}

TEST(BumpArena, AMovedBlockLeavesItsOldPlaceForReuse) {
  BumpArena arena;
  char* a = static_cast<char*>(arena.allocate(30));
  std::memcpy(a, "grow me", 8);
  char* b = static_cast<char*>(arena.allocate(30));  // a is no longer the newest
  char* moved = static_cast<char*>(arena.reallocate(a, 1000));
  ASSERT_NE(moved, a);
  EXPECT_EQ(std::string_view(moved), "grow me");
  EXPECT_EQ(arena.allocate(20), a) << "a's old place serves the next request of its class";
  EXPECT_NE(b, nullptr);
}

TEST(BumpArena, ABlockGrownInPlaceServesItsSmallerClassOnceReleased) {
  BumpArena arena;
  char* a = static_cast<char*>(arena.allocate(16));
  ASSERT_EQ(arena.reallocate(a, 48), a);  // newest: grows in place to 48 bytes
  arena.allocate(8);                       // a is no longer the newest
  arena.release(a);
  EXPECT_NE(arena.allocate(64), a) << "48 bytes cannot serve the 64-byte class";
  EXPECT_EQ(arena.allocate(32), a) << "but can serve the 32-byte class";
}

}  // namespace deckgen
