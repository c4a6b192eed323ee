#include "read/raw_html_images.h"

#include <regex>

#include "read/images.h"

namespace deckgen {
namespace {

void read_tags(Node& html, const FileContext& ctx) {
  static const std::regex src(R"re((<img\b[^>]*?\bsrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))re", std::regex::icase);
  std::string_view text = html.literal;
  if (text.find("<img") == std::string_view::npos && text.find("<IMG") == std::string_view::npos) return;
  std::string out;
  auto at = text.begin();
  for (std::cregex_iterator m(text.begin(), text.end(), src), end; m != end; ++m) {
    const std::cmatch& match = *m;
    std::string_view url = match[2].matched ? std::string_view(match[2].first, match[2].length())
                           : match[3].matched ? std::string_view(match[3].first, match[3].length())
                                              : std::string_view(match[4].first, match[4].length());
    std::string key = load_local_image(url, html.pos, ctx);
    out.append(at, match[1].second);
    out += '"', out += key, out += '"';
    at = match[0].second;
    if (!url.starts_with("data:")) html.details().attrs.values.emplace_back("src", std::move(key));
  }
  if (html.attrs().values.empty()) return;
  out.append(at, text.end());
  html.literal.assign(out);
}

}  // namespace

void read_raw_html_images(NodeList& nodes, const FileContext& ctx) {
  for (Node& n : nodes) {
    if (n.type == NodeType::html_block || n.type == NodeType::html_inline) read_tags(n, ctx);
    read_raw_html_images(n.children, ctx);
  }
}

}  // namespace deckgen
