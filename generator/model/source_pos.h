#pragma once
// Where something came from in the deck's sources. Every input error carries one.
#include <fmt/format.h>

#include <compare>
#include <string>
#include <string_view>

namespace deckgen {

// A file's name, interned: every node of a deck carries its position, and copying a
// pointer instead of a string was a third of the reader's time on large decks. Names
// live for the whole program (a deck has a handful of files).
class FileName {
 public:
  FileName();
  FileName(std::string_view name);  // NOLINT: implicit, a FileName is just a name
  FileName(const std::string& name) : FileName(std::string_view(name)) {}
  FileName(const char* name) : FileName(std::string_view(name)) {}

  const std::string& str() const { return *name_; }
  operator const std::string&() const { return *name_; }  // NOLINT: read like a string
  bool empty() const { return name_->empty(); }
  size_t find(std::string_view s) const { return name_->find(s); }
  bool operator==(const FileName& o) const { return name_ == o.name_ || *name_ == *o.name_; }
  std::strong_ordering operator<=>(const FileName& o) const { return *name_ <=> *o.name_; }

 private:
  const std::string* name_;
};

struct SourcePos {
  FileName file;     // as given on the command line, relative where possible
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
  bool operator==(const SourcePos&) const = default;
  auto operator<=>(const SourcePos&) const = default;
};

}  // namespace deckgen

template <>
struct fmt::formatter<deckgen::FileName> : fmt::formatter<std::string_view> {
  template <typename Ctx>
  auto format(const deckgen::FileName& f, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format(f.str(), ctx);
  }
};

// "deck/01.md:3:5", or "deck/01.md:3", or "deck/01.md": one spelling everywhere.
template <>
struct fmt::formatter<deckgen::SourcePos> : fmt::formatter<std::string_view> {
  template <typename Ctx>
  auto format(const deckgen::SourcePos& p, Ctx& ctx) const {
    if (p.line <= 0) return fmt::format_to(ctx.out(), "{}", p.file.str());
    if (p.column <= 0) return fmt::format_to(ctx.out(), "{}:{}", p.file.str(), p.line);
    return fmt::format_to(ctx.out(), "{}:{}:{}", p.file.str(), p.line, p.column);
  }
};
