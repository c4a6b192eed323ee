#include "util/bump_arena.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace deckgen {
namespace {

// Every block starts with a header holding its size, kept at the alignment malloc
// guarantees so that the block after it is as aligned as malloc's would be.
constexpr size_t kAlign = alignof(std::max_align_t);
constexpr size_t kHeader = kAlign;
constexpr size_t kMaxChunk = 4 * 1024 * 1024;

size_t rounded(size_t size) { return (size + kAlign - 1) & ~(kAlign - 1); }

size_t& size_of(std::byte* header) { return *reinterpret_cast<size_t*>(header); }

}  // namespace

void BumpArena::Free::operator()(std::byte* p) const { std::free(p); }

std::byte* BumpArena::fresh_chunk(size_t at_least) {
  size_t size = std::max(chunk_size_, at_least);
  // calloc: zeroed once here (by the kernel, for large chunks) instead of for each
  // block, as the arena never hands out a byte twice.
  auto* chunk = static_cast<std::byte*>(std::calloc(1, size));
  if (!chunk) return nullptr;
  chunks_.emplace_back(chunk);
  next_ = chunk;
  end_ = chunk + size;
  chunk_size_ = std::min(chunk_size_ * 2, kMaxChunk);  // few chunks for a large deck
  return chunk;
}

void* BumpArena::allocate(size_t size) {
  if (size > SIZE_MAX / 2) return nullptr;
  size_t total = kHeader + rounded(size);
  if (static_cast<size_t>(end_ - next_) < total && !fresh_chunk(total)) return nullptr;
  std::byte* header = next_;
  next_ += total;
  last_ = header;
  size_of(header) = size;
  return header + kHeader;  // still zero: chunks come zeroed, and no byte is handed out twice
}

void* BumpArena::reallocate(void* block, size_t size) {
  if (!block) return allocate(size);
  if (size > SIZE_MAX / 2) return nullptr;
  std::byte* header = static_cast<std::byte*>(block) - kHeader;
  size_t old = size_of(header);
  // Parsers grow one buffer again and again while they read: in place when it is the
  // newest block, which is the usual case.
  if (header == last_ && static_cast<size_t>(end_ - header) >= kHeader + rounded(size)) {
    size_of(header) = size;
    next_ = std::max(next_, header + kHeader + rounded(size));  // a shrink keeps its tail
    return block;
  }
  void* moved = allocate(size);
  if (moved) std::memcpy(moved, block, std::min(old, size));
  return moved;
}

}  // namespace deckgen
