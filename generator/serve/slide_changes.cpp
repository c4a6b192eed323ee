#include "serve/slide_changes.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace deckgen {
namespace {

std::string_view part(const std::string& page, TextSpan span) {
  return std::string_view(page).substr(span.begin, span.end - span.begin);
}

// The page without its slides: everything before the first and after the last.
bool same_frame(const PageVersion& a, const PageVersion& b) {
  std::string_view pa(*a.page), pb(*b.page);
  return pa.substr(0, a.slides.front().begin) == pb.substr(0, b.slides.front().begin) &&
         pa.substr(a.slides.back().end) == pb.substr(b.slides.back().end);
}

// A slide's opening tag without its data-source attribute (which only says where in the
// Markdown it came from, and moves with every line added above it).
std::string opening_tag(std::string_view slide) {
  std::string tag(slide.substr(0, slide.find('>') + 1));
  constexpr std::string_view kSource = " data-source=\"";
  if (size_t at = tag.find(kSource); at != std::string::npos) {
    size_t close = tag.find('"', at + kSource.size());
    if (close != std::string::npos) tag.erase(at, close + 1 - at);
  }
  return tag;
}

std::string reload(uint64_t version) { return nlohmann::json{{"version", version}, {"reload", true}}.dump(); }

}  // namespace

std::string slide_changes_json(const PageVersion* from, const PageVersion& now) {
  if (!from || !from->page || !now.page || from->slides.empty() || from->slides.size() != now.slides.size() ||
      !same_frame(*from, now))
    return reload(now.version);
  nlohmann::json slides = nlohmann::json::array();
  for (size_t i = 0; i < now.slides.size(); ++i) {
    std::string_view before = part(*from->page, from->slides[i]), after = part(*now.page, now.slides[i]);
    if (before == after) continue;
    if (opening_tag(before) != opening_tag(after)) return reload(now.version);
    slides.push_back({{"index", i}, {"html", std::string(after)}});
  }
  nlohmann::json answer = {{"version", now.version}, {"count", now.slides.size()}, {"slides", std::move(slides)}};
  // Invalid UTF-8 in a slide (a snippet's raw output) is replaced, not an exception.
  return answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace deckgen
