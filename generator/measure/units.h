#pragma once
// Measured values as text, one way everywhere: slide labels, the terminal, the report's
// human-readable fields and placeholders in prose. Wrap a value in its unit type to
// format it through fmt ("{}" gives the text below; width and alignment work as for
// strings: "{:>9}").
//
// Precision: three significant digits, but integer digits are never rounded away
// (1234.4 s stays "1234 s"). A value that is not finite gives "n/a".
#include <fmt/format.h>

#include <string>
#include <string_view>

namespace deckgen {

// "1.23 s", "850 ms", "12.3 µs", "25 ns": the largest unit that keeps the number at least
// 1. Below a microsecond, whole nanoseconds, the finest any of the clocks resolves.
std::string format_duration(double seconds);

// "512 B", "16.0 KiB", "2.3 MiB", "1.5 GiB": binary units (as peak RSS is page-sized) with
// one decimal, so that sizes line up in a column; whole bytes below 1 KiB.
std::string format_bytes(double bytes);

// "3", "1,234,567", "12.5": exact integers in full, grouped by commas; a count that
// is not whole (a mean) with three significant digits and no trailing zeros.
std::string format_count(double count);

// "47×", "1.05×", "0.5×": three significant digits, trailing zeros dropped; the digits
// shown are the measured ones, never rounded toward a rounder number.
std::string format_ratio(double ratio);

struct Seconds { double value = 0; };
struct Bytes { double value = 0; };
struct Count { double value = 0; };
struct Ratio { double value = 0; };

}  // namespace deckgen

template <>
struct fmt::formatter<deckgen::Seconds> : fmt::formatter<std::string_view> {
  template <typename Ctx>
  auto format(deckgen::Seconds v, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format(deckgen::format_duration(v.value), ctx);
  }
};

template <>
struct fmt::formatter<deckgen::Bytes> : fmt::formatter<std::string_view> {
  template <typename Ctx>
  auto format(deckgen::Bytes v, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format(deckgen::format_bytes(v.value), ctx);
  }
};

template <>
struct fmt::formatter<deckgen::Count> : fmt::formatter<std::string_view> {
  template <typename Ctx>
  auto format(deckgen::Count v, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format(deckgen::format_count(v.value), ctx);
  }
};

template <>
struct fmt::formatter<deckgen::Ratio> : fmt::formatter<std::string_view> {
  template <typename Ctx>
  auto format(deckgen::Ratio v, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format(deckgen::format_ratio(v.value), ctx);
  }
};
