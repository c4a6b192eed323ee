#pragma once
// Local images, read once and inlined by the renderer as data: URIs; a remote one is an
// input error, as the deck must present offline. Markdown images, slide backgrounds and
// the <img> tags of raw HTML all come through here.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "read/file_context.h"

namespace deckgen {

// The largest image file deckgen inlines (docs/writing.md, "Images"): each is base64 in the
// one HTML file (a third larger) and in memory while the deck is built; a 2 GB file
// named as an image took the build's memory with it. Larger is an input error.
inline constexpr uintmax_t kMaxImageBytes = uintmax_t{32} << 20;

// Reads the image `url` (relative to the .md file) into ctx.images and returns its key;
// a data: URL is returned as it is. `near` is where the reference is written; the error
// names the exact column when the URL is found on that line or soon after.
std::string load_local_image(std::string_view url, const SourcePos& near, const FileContext& ctx);

// Finds where `needle` is written at or after `near`, for a precise error position: the
// inline positions cmark gives are only approximate.
SourcePos locate(const SourcePos& near, std::string_view file_text, std::string_view needle);

// Detects an image's type from its first bytes (and .svg from its text); empty if unsupported.
std::string image_mime(std::string_view bytes, const std::filesystem::path& path);

}  // namespace deckgen
