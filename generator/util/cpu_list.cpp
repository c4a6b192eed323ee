#include "util/cpu_list.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "util/text.h"

namespace deckgen {
namespace {

// A CPU number (at most 1 << 20: the kernel's own limit is far below).
std::optional<int> cpu_number(std::string_view s) {
  int value = -1;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || value < 0 || value > (1 << 20)) return std::nullopt;
  return value;
}

// The pieces of `text` between `separator`s ("a,,b" -> "a", "", "b").
std::vector<std::string_view> pieces(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  for (size_t at = 0;;) {
    size_t next = text.find(separator, at);
    out.push_back(text.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) return out;
    at = next + 1;
  }
}

}  // namespace

std::optional<std::vector<int>> parse_cpu_list(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  std::vector<int> cpus;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (comma != std::string_view::npos && text.empty()) return std::nullopt;  // "0,"
    size_t dash = item.find('-');
    auto first = cpu_number(item.substr(0, dash));
    auto last = dash == std::string_view::npos ? first : cpu_number(item.substr(dash + 1));
    if (!first || !last || *last < *first || *last - *first > (1 << 16)) return std::nullopt;
    for (int cpu = *first; cpu <= *last; ++cpu) cpus.push_back(cpu);
  }
  std::sort(cpus.begin(), cpus.end());
  cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
  return cpus;
}

std::vector<std::string> split_cpu_masks(std::string_view text) {
  std::vector<std::string> masks;
  for (std::string_view part : pieces(text, '/')) {
    std::string cpus;
    size_t cpus_at = masks.size();  // where the part's CPU list goes: before an `all` after it
    bool has_cpus = false;
    for (std::string_view item : pieces(part, ',')) {
      item = trim(item);
      if (item == "all") {
        masks.emplace_back("all");
        continue;
      }
      if (!has_cpus) cpus_at = masks.size();
      cpus += (has_cpus ? "," : "") + std::string(item);
      has_cpus = true;
    }
    if (has_cpus) masks.insert(masks.begin() + static_cast<std::ptrdiff_t>(cpus_at), cpus);
  }
  return masks;
}

std::string format_cpu_list(const std::vector<int>& cpus) {
  std::string out;
  for (size_t i = 0; i < cpus.size();) {
    size_t j = i;
    while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += j == i ? fmt::format("{}", cpus[i]) : fmt::format("{}-{}", cpus[i], cpus[j]);
    i = j + 1;
  }
  return out;
}

}  // namespace deckgen
