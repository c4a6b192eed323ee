#pragma once
// Where something came from in the deck's sources. Every input error carries one.
#include <fmt/format.h>
#include <compare>
#include <string>

namespace deckgen {

struct SourcePos {
  std::string file;  // as given on the command line, relative where possible
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
  bool operator==(const SourcePos&) const = default;
  auto operator<=>(const SourcePos&) const = default;
};

}  // namespace deckgen

// "deck/01.md:3:5", or "deck/01.md:3", or "deck/01.md": one spelling everywhere.
template <>
struct fmt::formatter<deckgen::SourcePos> : fmt::formatter<std::string_view> {
  template <typename Ctx>
  auto format(const deckgen::SourcePos& p, Ctx& ctx) const {
    if (p.line <= 0) return fmt::format_to(ctx.out(), "{}", p.file);
    if (p.column <= 0) return fmt::format_to(ctx.out(), "{}:{}", p.file, p.line);
    return fmt::format_to(ctx.out(), "{}:{}:{}", p.file, p.line, p.column);
  }
};
