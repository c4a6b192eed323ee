#include "util/bump_arena.h"

#include "util/huge_pages.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>

namespace deckgen {
namespace {

// Every block starts with a header holding its capacity, kept at the alignment malloc
// guarantees so that the block after it is as aligned as malloc's would be.
constexpr size_t kAlign = alignof(std::max_align_t);
constexpr size_t kHeader = kAlign;
constexpr size_t kMaxChunk = 4 * 1024 * 1024;
constexpr size_t kSmallestClass = 16;

size_t rounded(size_t size) { return (size + kAlign - 1) & ~(kAlign - 1); }

size_t& capacity_of(std::byte* header) { return *reinterpret_cast<size_t*>(header); }
std::byte* header_of(void* block) { return static_cast<std::byte*>(block) - kHeader; }

// The class a request of `size` bytes is served from: the smallest power of two that
// holds it. Small requests get exactly that capacity, so a released block fits any
// later request of its class.
size_t class_for_request(size_t size) {
  return static_cast<size_t>(std::countr_zero(std::bit_ceil(std::max(size, kSmallestClass)) / kSmallestClass));
}
// The class a released block of `capacity` bytes can serve: the largest power of two
// it holds (a block grown in place has a capacity between two classes).
size_t class_for_capacity(size_t capacity) {
  return static_cast<size_t>(std::countr_zero(std::bit_floor(capacity) / kSmallestClass));
}

}  // namespace

BumpArena::~BumpArena() {
  for (const Chunk& chunk : chunks_) {
    if (chunk.size >= kRegionThreshold) unmap_region(chunk.bytes, chunk.size);
    else std::free(chunk.bytes);
  }
}

std::byte* BumpArena::fresh_chunk(size_t at_least) {
  size_t size = std::max(chunk_size_, at_least);
  // Zeroed once here (by the kernel, for large chunks) instead of for each block; only
  // recycled blocks are cleared again.
  auto* chunk = static_cast<std::byte*>(size >= kRegionThreshold ? map_region(size) : std::calloc(1, size));
  if (!chunk) return nullptr;
  try {
    chunks_.push_back({chunk, size});
  } catch (const std::bad_alloc&) {
    if (size >= kRegionThreshold) unmap_region(chunk, size);
    else std::free(chunk);
    return nullptr;
  }
  next_ = chunk;
  end_ = chunk + size;
  chunk_size_ = std::min(chunk_size_ * 2, kMaxChunk);  // few chunks for a large deck
  return chunk;
}

// A new block of `capacity` bytes (a multiple of kAlign) from the newest chunk.
std::byte* BumpArena::carve(size_t capacity) {
  size_t total = kHeader + capacity;
  if (static_cast<size_t>(end_ - next_) < total && !fresh_chunk(total)) return nullptr;
  std::byte* header = next_;
  next_ += total;
  last_ = header;
  capacity_of(header) = capacity;
  return header;
}

void* BumpArena::allocate(size_t size) {
  if (size > SIZE_MAX / 2) return nullptr;
  const size_t small_class = class_for_request(size);
  if (small_class < kClasses) {
    if (FreeBlock* reused = free_[small_class]) {
      free_[small_class] = reused->next;
      std::memset(static_cast<void*>(reused), 0, capacity_of(header_of(reused)));
      return reused;
    }
    std::byte* header = carve(kSmallestClass << small_class);
    return header ? header + kHeader : nullptr;  // zero: chunks come zeroed
  }
  std::byte* header = carve(rounded(size));
  return header ? header + kHeader : nullptr;
}

void* BumpArena::reallocate(void* block, size_t size) {
  if (!block) return allocate(size);
  if (size > SIZE_MAX / 2) return nullptr;
  std::byte* header = header_of(block);
  size_t capacity = capacity_of(header);
  if (size <= capacity) return block;  // a shrink, or growth into room it already has
  // Parsers grow one buffer again and again while they read: in place when it is the
  // newest block, which is the usual case. (Its tail is zero: nothing was carved there.)
  if (header == last_ && static_cast<size_t>(end_ - header) >= kHeader + rounded(size)) {
    capacity_of(header) = rounded(size);
    next_ = header + kHeader + rounded(size);
    return block;
  }
  void* moved = allocate(size);
  if (!moved) return nullptr;
  std::memcpy(moved, block, capacity);
  release(block);
  return moved;
}

void BumpArena::release(void* block) {
  if (!block) return;
  std::byte* header = header_of(block);
  size_t capacity = capacity_of(header);
  if (header == last_) {  // the newest block: its space goes back to the chunk
    std::memset(static_cast<void*>(header), 0, kHeader + capacity);  // chunks' free parts stay zero
    next_ = header;
    last_ = nullptr;
    return;
  }
  const size_t cls = class_for_capacity(capacity);
  if (capacity < kSmallestClass || cls >= kClasses) return;  // large blocks stay until the arena goes
  auto* freed = static_cast<FreeBlock*>(block);
  freed->next = free_[cls];
  free_[cls] = freed;
}

}  // namespace deckgen
