#pragma once
// The <img src> tags of the author's raw HTML: a local image is loaded like a Markdown
// image (and inlined by the renderer), a remote one is an input error. Without this a
// deck with `<img src="local.png">` would quietly stop being self-contained.
#include "model/document.h"
#include "read/file_context.h"

namespace deckgen {

// Rewrites each local src to the image's key (written `src="KEY"`) and records the key
// in the node's attrs as ("src", KEY), for the renderer to replace with a data: URI.
void read_raw_html_images(NodeList& nodes, const FileContext& ctx);

}  // namespace deckgen
