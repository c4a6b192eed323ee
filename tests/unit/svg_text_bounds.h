#pragma once
// For the drawing tests: which <text> elements of an SVG reach past its sides, by the
// drawings' own width estimate (svg::text_width). Text holding a <title> (a tooltip) is
// skipped; its shown part was fitted by svg::fit.
#include <regex>
#include <string>
#include <vector>

#include "render/svg_parts.h"

namespace deckgen::test {

inline std::vector<std::string> texts_outside(const std::string& svg, double width, double default_font) {
  std::vector<std::string> out;
  static const std::regex text_element(R"re(<text x="([-0-9.]+)"([^>]*)>([^<]*)</text>)re");
  static const std::regex font_size(R"re(font-size="([0-9.]+)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text_element); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    std::string attrs = m[2], content = m[3];
    std::smatch f;
    double font = std::regex_search(attrs, f, font_size) ? std::stod(f[1]) : default_font;
    double x = std::stod(m[1]), w = svg::text_width(content, font);
    double left = x, right = x + w;
    if (attrs.find("text-anchor=\"end\"") != std::string::npos) left = x - w, right = x;
    if (attrs.find("text-anchor=\"middle\"") != std::string::npos) left = x - w / 2, right = x + w / 2;
    if (left < -0.5 || right > width + 0.5) out.push_back(content);
  }
  return out;
}

}  // namespace deckgen::test
