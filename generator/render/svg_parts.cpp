#include "render/svg_parts.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "render/html.h"
#include "util/text.h"

namespace deckgen::svg {
namespace {

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Tableau 20's mid tones without its greys (grey means "merged" in a timeline).
constexpr std::array<const char*, 16> kPalette = {
    "#5b9bd5", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7",
    "#c49c7a", "#a0cbe8", "#ffbe7d", "#8cd17d", "#f1a2a0", "#d4a6c8", "#86bcb6", "#b6992d"};

}  // namespace

std::string text(std::string_view raw) {
  std::string clean = sanitize_utf8(raw);
  for (char& c : clean)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return escape_html(clean);
}

std::string num(double v) {
  if (!std::isfinite(v)) return "0";
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() >= 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

double text_width(std::string_view raw, double font_px) {
  return double(utf8_length(raw)) * font_px * 0.56;
}

std::string fit(std::string_view raw, double font_px, double max_px) {
  if (text_width(raw, font_px) <= max_px) return std::string(raw);
  size_t keep = size_t(std::max(0.0, max_px / (font_px * 0.56) - 1));
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    bool starts_char = (static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80;
    if (starts_char && chars++ == keep) break;
    out += raw[i];
  }
  return out + "…";
}

std::vector<std::string> wrap(std::string_view raw, double font_px, double max_px) {
  std::vector<std::string> lines;
  std::string line;
  size_t at = 0;
  while (at <= raw.size()) {
    size_t space = raw.find(' ', at);
    std::string_view word = raw.substr(at, space == std::string_view::npos ? std::string_view::npos : space - at);
    std::string longer = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && text_width(longer, font_px) > max_px) {
      lines.push_back(std::move(line));
      line = std::string(word);
    } else {
      line = std::move(longer);
    }
    if (space == std::string_view::npos) break;
    at = space + 1;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

double nice_step(double range, int max_ticks) {
  if (!(range > 0) || max_ticks < 1) return 1;
  double raw = range / max_ticks;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw * (1 - 1e-9)) return m * power;
  return 10 * power;
}

double nice_step_within(double range) {
  if (!(range > 0)) return 1;
  double power = std::pow(10.0, std::floor(std::log10(range)));
  for (double m : {5.0, 2.0, 1.0})
    if (m * power <= range * (1 + 1e-9)) return m * power;
  return power;
}

const std::vector<std::string>& palette() {
  static const std::vector<std::string> colours(kPalette.begin(), kPalette.end());
  return colours;
}

std::string colour_for(std::string_view name) { return kPalette[palette_index(name)]; }

size_t palette_index(std::string_view name) {
  uint64_t hash = 14695981039346656037ull;
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash % kPalette.size();
}

std::string lighter(std::string_view hex, double amount) {
  if (hex.size() != 7 || hex[0] != '#') return std::string(hex);
  std::string out = "#";
  for (int i = 0; i < 3; ++i) {
    int v = std::stoi(std::string(hex.substr(1 + 2 * i, 2)), nullptr, 16);
    out += fmt::format("{:02x}", int(std::lround(v + (255 - v) * amount)));
  }
  return out;
}

}  // namespace deckgen::svg
