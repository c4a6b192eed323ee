// The comparison chart (render/chart_svg.h): a golden file, and the properties a slide
// relies on (axis from zero, values with units, whiskers where the spread says).
//
// Golden: tests/golden/svg/chart_wall.svg; DECKGEN_UPDATE_GOLDEN=1 rewrites it.
#include "render/chart_svg.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "svg_text_bounds.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ChartData wall_chart() {
  ChartData chart;
  chart.title = "CPU-bound work, 4 jobs";
  chart.metric_label = "wall time";
  chart.format = format_duration;
  chart.entries = {{"sequential", 1.92, 1.88, 2.01, 5},
                   {"threads", 2.05, 1.97, 2.31, 5},
                   {"processes", 0.55, 0.52, 0.61, 5},
                   {"<not measured>", 0, 0, 0, 0}};
  return chart;
}

TEST(Chart, Golden) {
  fs::path expected_file = fs::path(DECKGEN_TEST_DATA) / "golden" / "svg" / "chart_wall.svg";
  std::string actual = chart_svg(wall_chart());
  if (const char* update = std::getenv("DECKGEN_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(expected_file, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << expected_file;
  }
  std::string expected;
  ASSERT_TRUE(read_file(expected_file, expected)) << "run with DECKGEN_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(actual, expected);
}

TEST(Chart, LabelsValuesWithUnitsAndRuns) {
  std::string svg = chart_svg(wall_chart());
  EXPECT_THAT(svg, HasSubstr(">1.92 s (n=5)<"));
  EXPECT_THAT(svg, HasSubstr(">550 ms (n=5)<"));
  EXPECT_THAT(svg, HasSubstr(">no data<"));
  EXPECT_THAT(svg, HasSubstr("&lt;not measured&gt;"));
  EXPECT_THAT(svg, HasSubstr("median wall time (bars); whiskers: min–max of the runs"));
}

TEST(Chart, AxisStartsAtZeroAndCoversTheLongestWhisker) {
  std::string svg = chart_svg(wall_chart());
  size_t axis = svg.find("<g class=\"axis\"");
  std::string part = svg.substr(axis, svg.find("</g>", axis) - axis);
  std::vector<std::string> ticks;
  std::regex label(R"(<text [^>]*>([^<]*)</text>)");
  for (auto it = std::sregex_iterator(part.begin(), part.end(), label); it != std::sregex_iterator(); ++it)
    ticks.push_back((*it)[1]);
  EXPECT_THAT(ticks, ::testing::ElementsAre("0 s", "500 ms", "1.00 s", "1.50 s", "2.00 s", "2.50 s"));
}

TEST(Chart, BarLengthsAreProportionalToMedians) {
  ChartData chart;
  chart.entries = {{"a", 10, 10, 10, 3}, {"b", 40, 40, 40, 3}};
  std::string svg = chart_svg(chart);
  std::regex bar(R"re(<rect x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)")re");
  std::vector<double> widths;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it)
    widths.push_back(std::stod((*it)[1]));
  ASSERT_EQ(widths.size(), 2u);
  EXPECT_NEAR(widths[1] / widths[0], 4, 0.02);
  EXPECT_THAT(svg, Not(HasSubstr("class=\"whisker\"")));   // no spread: no whiskers
  EXPECT_THAT(chart_svg(wall_chart()), HasSubstr("class=\"whisker\""));
}

ChartData spread_chart(ChartScale scale) {
  ChartData chart;
  chart.metric_label = "size";
  chart.scale = scale;
  chart.entries = {{"big", 500, 490, 510, 3}, {"small", 10, 9.5, 10.5, 3}};
  return chart;
}

TEST(Chart, HintsAtALogAxisWhenMediansSpanMoreThanTwentyTimes) {
  EXPECT_THAT(chart_svg(spread_chart(ChartScale::linear)), HasSubstr("the medians span 50×: `scale: log`"));
  EXPECT_THAT(chart_svg(spread_chart(ChartScale::log)), Not(HasSubstr("scale-hint")));
  EXPECT_THAT(chart_svg(wall_chart()), Not(HasSubstr("scale-hint")));   // 3.7×
}

// Drawn for a 4:3 slide (848 units), the log note goes on a line of its own and every
// caption line is centred on the drawing, so none runs past its right edge.
TEST(Chart, ANarrowChartKeepsItsCaptionInside) {
  ChartData chart = spread_chart(ChartScale::log);
  chart.width = 848;
  std::string svg = chart_svg(chart);
  EXPECT_THAT(svg, HasSubstr("x=\"424\" y=\""));
  EXPECT_THAT(svg, HasSubstr(">log scale: bar lengths are not proportional</text>"));
  EXPECT_THAT(chart_svg(spread_chart(ChartScale::log)), HasSubstr("of the runs; log scale: bar lengths are not proportional</text>"));
}

// In a column (render/figure_widths.h) a chart is drawn 400 units wide: its labels and
// values take a share of that, its bars keep a length, and every caption line, the
// hint included, is broken to fit rather than cut at the edges.
TEST(Chart, AChartForAColumnKeepsEveryTextInside) {
  for (ChartScale scale : {ChartScale::linear, ChartScale::log}) {
    ChartData chart = spread_chart(scale);
    chart.width = 400;
    std::string svg = chart_svg(chart);
    EXPECT_THAT(test::texts_outside(svg, chart.width, 20), ::testing::IsEmpty()) << svg;
    std::smatch bar;
    ASSERT_TRUE(std::regex_search(svg, bar, std::regex(R"re(<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)")re")));
    EXPECT_GT(std::stod(bar[2]), 60) << "the longest bar is a sliver";
  }
  ChartData wide = spread_chart(ChartScale::linear);
  EXPECT_THAT(test::texts_outside(chart_svg(wide), wide.width, 20), ::testing::IsEmpty());
}

TEST(Chart, LogAxisRunsOverWholeDecadesAndSaysSo) {
  std::string svg = chart_svg(spread_chart(ChartScale::log));
  size_t axis = svg.find("<g class=\"axis\"");
  std::string part = svg.substr(axis, svg.find("</g>", axis) - axis);
  std::vector<std::string> ticks;
  std::regex label(R"(<text [^>]*>([^<]*)</text>)");
  for (auto it = std::sregex_iterator(part.begin(), part.end(), label); it != std::sregex_iterator(); ++it)
    ticks.push_back((*it)[1]);
  EXPECT_THAT(ticks, ::testing::ElementsAre("1", "2", "5", "10", "20", "50", "100", "200", "500", "1,000"));
  EXPECT_THAT(svg, HasSubstr("log scale: bar lengths are not proportional"));
  // Equal ratios, equal distances: 10 → 500 is log10(50) of the 3 decades.
  std::regex bar(R"re(<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)")re");
  std::vector<double> ends;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it)
    ends.push_back(std::stod((*it)[1]) + std::stod((*it)[2]));
  ASSERT_EQ(ends.size(), 2u);
  double x0 = 10 + 260 + 10, x1 = 1168 - 10 - 190;
  EXPECT_NEAR((ends[0] - ends[1]) / (x1 - x0), std::log10(50) / 3, 0.002);
}

TEST(Chart, FontsAreLegibleAndNothingIsExternal) {
  std::string svg = chart_svg(wall_chart());
  std::regex font(R"(font-size="([0-9.]+)\")");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), font); it != std::sregex_iterator(); ++it)
    EXPECT_GE(std::stod((*it)[1]), 18);
  EXPECT_THAT(svg, Not(HasSubstr("<script")));
  EXPECT_THAT(svg, Not(HasSubstr("href")));
}

}  // namespace
}  // namespace deckgen
