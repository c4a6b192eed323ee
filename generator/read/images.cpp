#include "read/images.h"

#include <fmt/format.h>

#include "model/input_error.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace deckgen {

SourcePos locate(const SourcePos& near, std::string_view file_text, std::string_view needle) {
  LineCursor lines(file_text);
  std::string_view line;
  while (lines.next(line)) {
    if (lines.line_number() < near.line) continue;
    size_t at = line.find(needle);
    if (at != std::string_view::npos) return {near.file, lines.line_number(), static_cast<int>(at) + 1};
    if (lines.line_number() > near.line + 50) break;
  }
  return near;
}

std::string load_local_image(std::string_view url, const SourcePos& near, const FileContext& ctx) {
  if (url.starts_with("data:")) return std::string(url);
  if (url.find("://") != std::string_view::npos || url.starts_with("//"))
    throw InputError(locate(near, ctx.text, url), fmt::format("image '{}' is not a local file", url),
                     "the deck must present offline: save the image beside the slides and use its path");
  fs::path path = ctx.md_file.parent_path() / percent_decode(url.substr(0, url.find_first_of("?#")));
  std::string key = path.lexically_normal().generic_string();
  if (ctx.images.count(key)) return key;
  std::error_code ec;
  if (uintmax_t size = fs::file_size(path, ec); !ec && size > kMaxImageBytes)
    throw InputError(locate(near, ctx.text, url),
                     fmt::format("image '{}' is {} MiB, over the {} MiB an image may have", path.generic_string(),
                                 size >> 20, kMaxImageBytes >> 20),
                     "make it smaller: every image is inlined into the one HTML file");
  std::string bytes;
  if (!read_file(path, bytes))
    throw InputError(locate(near, ctx.text, url), fmt::format("cannot read image '{}'", path.generic_string()),
                     "check the path: it is relative to the slide's .md file");
  std::string mime = image_mime(bytes, path);
  if (mime.empty())
    throw InputError(locate(near, ctx.text, url), fmt::format("'{}' is not a PNG, JPEG, GIF or SVG image", url),
                     "convert it to one of those formats");
  ctx.images.emplace(key, Asset{mime, std::move(bytes)});
  return key;
}

std::string image_mime(std::string_view bytes, const fs::path& path) {
  if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
  if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) return "image/gif";
  if (path.extension() == ".svg" && bytes.substr(0, 4096).find("<svg") != std::string_view::npos)
    return "image/svg+xml";
  return {};
}

}  // namespace deckgen
