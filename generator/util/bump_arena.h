#pragma once
// A bump allocator for a burst of small, short-lived allocations that all die together:
// the C parser's tree, which is built, read once and dropped. Handing out memory is a
// pointer bump, and nothing is freed until the arena goes, all at once; malloc and free
// for each of the parser's nodes and buffers were a large part of reading a deck.
#include <cstddef>
#include <memory>
#include <vector>

namespace deckgen {

class BumpArena {
 public:
  BumpArena() = default;
  BumpArena(const BumpArena&) = delete;
  BumpArena& operator=(const BumpArena&) = delete;

  // `size` zeroed bytes, aligned for any scalar type; nullptr only if the system has
  // no memory left (the caller, a C library, checks for that).
  void* allocate(size_t size);
  // Like realloc: keeps the first min(old, new) bytes. The newest block grows in place;
  // any other is copied, and its old bytes stay until the arena goes.
  void* reallocate(void* block, size_t size);

 private:
  struct Free {
    void operator()(std::byte* p) const;
  };
  std::byte* fresh_chunk(size_t at_least);

  std::vector<std::unique_ptr<std::byte, Free>> chunks_;
  std::byte* next_ = nullptr;  // the free part of the newest chunk
  std::byte* end_ = nullptr;
  std::byte* last_ = nullptr;  // the newest block's header, for growing it in place
  size_t chunk_size_ = 64 * 1024;
};

}  // namespace deckgen
