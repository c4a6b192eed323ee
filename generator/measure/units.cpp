#include "measure/units.h"

#include <cmath>
#include <cstdlib>

namespace deckgen {
namespace {

constexpr const char* kNotANumber = "n/a";

// The decimal exponent of `v` (> 0) once rounded to three significant digits, so that
// 999.7 counts as 1.00e3.
int rounded_exponent(double v) {
  std::string e = fmt::format("{:.2e}", v);  // "9.99e+02": fmt rounds correctly
  return std::atoi(e.c_str() + e.find('e') + 1);
}

// `v` (≥ 0) to three significant digits, keeping every integer digit.
std::string three_significant(double v) {
  int decimals = v == 0 ? 2 : std::max(0, 2 - rounded_exponent(v));
  return fmt::format("{:.{}f}", v, decimals);
}

std::string without_trailing_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

// "1234567" → "1,234,567"; digits after a '.' are left alone.
std::string group_thousands(const std::string& s) {
  size_t end = std::min(s.find('.'), s.size());
  std::string out;
  for (size_t i = 0; i < end; ++i) {
    if (i > 0 && (end - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out + s.substr(end);
}

// From this decimal exponent on, a number is printed as "1.2e+300": three hundred digits
// (or a row of commas) say nothing a reader can take in.
constexpr int kEngineeringFrom = 15;

bool needs_engineering(double v) { return v != 0 && rounded_exponent(v) >= kEngineeringFrom; }

// `v` (> 0) as "1.2e+300": three significant digits, trailing zeros dropped.
std::string engineering(double v) {
  std::string text = fmt::format("{:.2e}", v);
  size_t e = text.find('e');
  return without_trailing_zeros(text.substr(0, e)) + text.substr(e);
}

// Formats |v| with `positive` and puts back the sign; "n/a" when not finite.
template <typename Format>
std::string signed_value(double v, Format positive) {
  if (!std::isfinite(v)) return kNotANumber;
  if (v >= 0) return positive(v);
  std::string text = "-";  // not "-" + …: GCC 12 warns falsely (-Wrestrict) on that
  return text += positive(-v);
}

}  // namespace

std::string format_duration(double seconds) {
  return signed_value(seconds, [](double s) -> std::string {
    if (s == 0) return "0 s";
    if (needs_engineering(s)) return engineering(s) + " s";
    int exponent = rounded_exponent(s);
    if (exponent >= 0) return three_significant(s) + " s";
    if (exponent >= -3) return three_significant(s * 1e3) + " ms";
    if (exponent >= -6) return three_significant(s * 1e6) + " µs";
    return fmt::format("{:.0f} ns", s * 1e9);
  });
}

std::string format_bytes(double bytes) {
  return signed_value(bytes, [](double b) -> std::string {
    if (std::round(b) < 1024) return fmt::format("{:.0f} B", b);
    if (b >= 1e21) return engineering(b) + " B";  // past 1,000 EiB
    static const char* const kUnits[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double scaled = b;
    for (const char* unit : kUnits) {
      scaled /= 1024;
      // 1023.96 KiB would print as "1024.0 KiB": that is "1.0 MiB".
      std::string text = fmt::format("{:.1f}", scaled);
      if (std::strtod(text.c_str(), nullptr) < 1024 || unit == kUnits[std::size(kUnits) - 1])
        return text + " " + unit;
    }
    return kNotANumber;  // not reached: the last unit always returns
  });
}

std::string format_count(double count) {
  return signed_value(count, [](double c) {
    if (needs_engineering(c)) return engineering(c);
    if (c == std::floor(c)) return group_thousands(fmt::format("{:.0f}", c));
    return group_thousands(without_trailing_zeros(three_significant(c)));
  });
}

std::string format_ratio(double ratio) {
  return signed_value(ratio, [](double r) {
    if (needs_engineering(r)) return engineering(r) + "×";
    return without_trailing_zeros(three_significant(r)) + "×";
  });
}

}  // namespace deckgen
