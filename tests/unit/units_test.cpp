#include <gtest/gtest.h>

#include <limits>

#include "measure/units.h"

namespace deckgen {
namespace {

struct Case {
  double value;
  const char* text;
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

const Case kDurations[] = {
    {1.2345, "1.23 s"},
    {1.235001, "1.24 s"},
    {0.85, "850 ms"},
    {12.3e-6, "12.3 µs"},
    {25e-9, "25 ns"},
    {0.2, "200 ms"},
    {0.0123, "12.3 ms"},
    {0.00123, "1.23 ms"},
    {1.0, "1.00 s"},
    {59.94, "59.9 s"},
    {123.4, "123 s"},
    {1234.4, "1234 s"},       // integer digits are never rounded away
    {0.9996, "1.00 s"},       // rounds up into the next unit, not "1000 ms"
    {0.0009996, "1.00 ms"},
    {9.996e-7, "1.00 µs"},
    {999.4e-9, "999 ns"},
    {1.4e-9, "1 ns"},
    {0.3e-9, "0 ns"},
    {0, "0 s"},
    {-0.0021, "-2.10 ms"},    // an overhead-corrected time can fall below zero
    {999e12, "999000000000000 s"},  // the last one written out
    {1.2e300, "1.2e+300 s"},  // huge numbers in engineering form, not 300 digits (issue 13)
    {-1.234e17, "-1.23e+17 s"},
    {kNaN, "n/a"},
    {kInf, "n/a"},
};

TEST(FormatDuration, ThreeSignificantDigitsInTheLargestUnit) {
  for (const auto& c : kDurations) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(format_duration(c.value), c.text);
  }
}

const Case kByteSizes[] = {
    {0, "0 B"},
    {512, "512 B"},
    {1023, "1023 B"},
    {1023.6, "1.0 KiB"},
    {1024, "1.0 KiB"},
    {16384, "16.0 KiB"},
    {2.3 * 1024 * 1024, "2.3 MiB"},
    {1536 * 1024, "1.5 MiB"},
    {1023.96 * 1024, "1.0 MiB"},  // not "1024.0 KiB"
    {1023.9 * 1024, "1023.9 KiB"},
    {1.5 * (1ull << 30), "1.5 GiB"},
    {3.0 * (1ull << 40), "3.0 TiB"},
    {1e300, "1e+300 B"},
    {kNaN, "n/a"},
};

TEST(FormatBytes, OneDecimalInBinaryUnits) {
  for (const auto& c : kByteSizes) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(format_bytes(c.value), c.text);
  }
}

const Case kCounts[] = {
    {0, "0"},
    {3, "3"},
    {999, "999"},
    {1000, "1,000"},
    {1234567, "1,234,567"},
    {12.5, "12.5"},
    {0.5, "0.5"},
    {2.25, "2.25"},
    {2.0004, "2"},
    {1234.6, "1,235"},
    {-12000, "-12,000"},
    {1e300, "1e+300"},
    {1.2e15, "1.2e+15"},
    {kInf, "n/a"},
};

TEST(FormatCount, WholeNumbersInFullFractionsToThreeDigits) {
  for (const auto& c : kCounts) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(format_count(c.value), c.text);
  }
}

const Case kRatios[] = {
    {47, "47×"},
    {47.04, "47×"},
    {47.26, "47.3×"},
    {1.05, "1.05×"},
    {1.049, "1.05×"},
    {1.5, "1.5×"},
    {2.87, "2.87×"},   // not "about 3×"
    {2.999, "3×"},
    {0.333333, "0.333×"},
    {123.4, "123×"},
    {1234.4, "1234×"},
    {0, "0×"},
    {1.79e308, "1.79e+308×"},
    {kNaN, "n/a"},
};

TEST(FormatRatio, ThreeSignificantDigitsWithoutTrailingZeros) {
  for (const auto& c : kRatios) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(format_ratio(c.value), c.text);
  }
}

TEST(UnitFormatters, FormatThroughFmtLikeTheFunctions) {
  EXPECT_EQ(fmt::format("{}", Seconds{0.85}), "850 ms");
  EXPECT_EQ(fmt::format("{}", Bytes{16384}), "16.0 KiB");
  EXPECT_EQ(fmt::format("{}", Count{1234567}), "1,234,567");
  EXPECT_EQ(fmt::format("{}", Ratio{47}), "47×");
  EXPECT_EQ(fmt::format("[{:>8}]", Seconds{1.2345}), "[  1.23 s]");
  EXPECT_EQ(fmt::format("{} ± {}", Seconds{0.2013}, Seconds{0.0012}), "201 ms ± 1.20 ms");
}

}  // namespace
}  // namespace deckgen
