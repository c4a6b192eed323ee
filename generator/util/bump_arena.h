#pragma once
// A bump allocator for a burst of small, short-lived allocations that all die together:
// the C parser's tree, which is built, read once and dropped. Handing out memory is a
// pointer bump, and the arena returns everything at once when it goes; malloc and free
// for each of the parser's nodes and buffers were a large part of reading a deck.
//
// Blocks given back early (the parser's scratch buffers and delimiter stacks) are kept
// on free lists by size class and handed out again: without that, a 600-slide deck's
// parse touched 20 MB of fresh memory, and the page faults cost more than malloc did.
#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace deckgen {

class BumpArena {
 public:
  BumpArena() = default;
  ~BumpArena();
  BumpArena(const BumpArena&) = delete;
  BumpArena& operator=(const BumpArena&) = delete;

  // `size` zeroed bytes, aligned for any scalar type; nullptr only if the system has
  // no memory left (the caller, a C library, checks for that).
  void* allocate(size_t size);
  // Like realloc: keeps the first min(old, new) bytes. A block with room to spare, or
  // the newest block, grows in place; any other moves, and its old place is released.
  void* reallocate(void* block, size_t size);
  // Like free: the block may be handed out again. nullptr is allowed.
  void release(void* block);

 private:
  struct Chunk {
    std::byte* bytes;
    size_t size;
  };
  struct FreeBlock {
    FreeBlock* next;
  };
  static constexpr size_t kClasses = 9;  // capacities 16, 32, ... 4096 bytes are recycled

  std::byte* fresh_chunk(size_t at_least);
  std::byte* carve(size_t capacity);

  std::vector<Chunk> chunks_;  // small ones from calloc, large ones mapped (util/huge_pages.h)
  std::byte* next_ = nullptr;  // the free part of the newest chunk
  std::byte* end_ = nullptr;
  std::byte* last_ = nullptr;  // the newest block's header, for growing it in place
  size_t chunk_size_ = 64 * 1024;
  std::array<FreeBlock*, kClasses> free_{};  // released blocks, by size class
};

}  // namespace deckgen
