// The timeline SVG (render/timeline_svg.h): golden files for small traces, and the
// properties a slide relies on (safe, legible, bounded in size, deterministic).
//
// Golden: every tests/golden/svg/NAME.json is merged and drawn, and compared with
// NAME.svg. Set DECKGEN_UPDATE_GOLDEN=1 to rewrite them after an intended change, then
// look at the diff (and at the drawing: open the .svg in a browser).
#include "render/timeline_svg.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "render/svg_parts.h"
#include "svg_text_bounds.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Trace trace_of(const std::string& text) {
  auto result = merge_traces({text});
  if (auto* error = std::get_if<TraceError>(&result)) {
    ADD_FAILURE() << error->message;
    return {};
  }
  return std::get<Trace>(std::move(result));
}

TimelineOptions titled(const std::string& title) {
  TimelineOptions options;
  options.title = title;
  return options;
}

std::vector<fs::path> golden_traces() {
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(fs::path(DECKGEN_TEST_DATA) / "golden" / "svg"))
    if (e.path().extension() == ".json") inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

class TimelineGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(TimelineGolden, DrawsAsExpected) {
  fs::path input = GetParam();
  std::string text;
  ASSERT_TRUE(read_file(input, text));
  std::string actual = timeline_svg(trace_of(text), titled(input.stem().string()));
  fs::path expected_file = fs::path(input).replace_extension(".svg");
  if (const char* update = std::getenv("DECKGEN_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(expected_file, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << expected_file;
  }
  std::string expected;
  ASSERT_TRUE(read_file(expected_file, expected))
      << "missing " << expected_file << " (run with DECKGEN_UPDATE_GOLDEN=1 to create it)";
  EXPECT_EQ(actual, expected) << "golden mismatch for " << input;
}

INSTANTIATE_TEST_SUITE_P(Files, TimelineGolden, ::testing::ValuesIn(golden_traces()),
                         [](const auto& info) { return info.param.stem().string(); });

// A trace of `events` spans over `threads` lanes, nested two deep, with instants and a
// counter: the shape of bench/make_trace.py's output, built here without Python.
std::string synthetic_trace(int events, int threads) {
  std::string out = "[";
  double t = 0;
  for (int i = 0; i < events; ++i) {
    int tid = i % threads;
    double dur = 3 + (i * 7919 % 97);
    out += fmt::format(R"({}{{"ph":"X","name":"step {}","ts":{},"dur":{},"pid":1,"tid":{},"args":{{"cpu_us":{}}}}})",
                       i ? "," : "", i % 13, t, dur, tid, dur / 2);
    if (i % 50 == 0) out += fmt::format(R"(,{{"ph":"i","name":"mark","ts":{},"pid":1,"tid":{}}})", t, tid);
    if (i % 20 == 0) out += fmt::format(R"(,{{"ph":"C","name":"load","ts":{},"pid":1,"args":{{"v":{}}}}})", t, i % 17);
    t += dur / threads + 1;
  }
  return out + "]";
}

TEST(Timeline, HundredThousandEventsStayUnderAMegabyteAndSaySpansWereMerged) {
  Trace trace = trace_of(synthetic_trace(100000, 8));
  std::string svg = timeline_svg(trace);
  EXPECT_LT(svg.size(), 1u << 20);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex(R"(class="timeline-note"[^>]*>([0-9,]+) spans narrower than a pixel merged<)")));
  std::string merged = m[1];
  merged.erase(std::remove(merged.begin(), merged.end(), ','), merged.end());
  EXPECT_GT(std::stol(merged), 90000);
}

// docs/traces-and-charts.md's promise (an SVG under 1 MB) for the red team's shapes (issue 24, item 5).
TEST(Timeline, HundredThousandNestedSpansStayUnderAMegabyte) {
  const int n = 100000;
  std::string out = "[";
  for (int i = 0; i < n; ++i)
    out += fmt::format(R"({}{{"ph":"X","name":"level {}","ts":{},"dur":{},"pid":1,"tid":1}})", i ? "," : "", i % 7, i,
                       2 * (n - i));
  std::string svg = timeline_svg(trace_of(out + "]"));
  EXPECT_LT(svg.size(), 1u << 20);
}

// (Built with plain appends: a million fmt::format calls in this -O0 test took a minute.)
TEST(Timeline, TwentyThousandCountersOfFiftySeriesStayUnderAMegabyte) {
  auto value = [](int i, int k) { return std::to_string((i * 7919 + k * 104729) % 1000); };
  std::string out = "[";
  for (int i = 0; i < 20000; ++i) {
    out += i ? "," : "";
    out += R"({"ph":"C","name":"load","pid":1,"ts":)" + std::to_string(i * 10) + R"(,"args":{)";
    for (int k = 0; k < 50; ++k) out += (k ? ",\"s" : "\"s") + std::to_string(k) + "\":" + value(i, k);
    out += "}}";
  }
  std::string svg = timeline_svg(trace_of(out + "]"));
  EXPECT_LT(svg.size(), 1u << 20);
  EXPECT_THAT(svg, HasSubstr("40 more counter series not drawn"));
  // Fifty counters of their own, too.
  out = "[";
  for (int i = 0; i < 2000; ++i)
    for (int k = 0; k < 50; ++k)
      out += std::string(i || k ? "," : "") + R"({"ph":"C","pid":1,"name":"c)" + std::to_string(k) +
             R"(","ts":)" + std::to_string(i * 10) + R"(,"args":{"v":)" + value(i, k) + "}}";
  svg = timeline_svg(trace_of(out + "]"));
  EXPECT_LT(svg.size(), 1u << 20);
}

// (8 MB rather than the red team's 50: a name is cut to about 200 characters however
// long it is, and the test stays quick.)
TEST(Timeline, AHugeNameStaysUnderAMegabyte) {
  const std::string name(8 << 20, 'n');
  std::string trace = fmt::format(
      R"([{{"ph":"X","name":"{0}","ts":0,"dur":1000,"pid":1,"tid":1}},{{"ph":"i","name":"{0}","ts":5,"pid":1,"tid":1}},)"
      R"({{"ph":"C","name":"{0}","ts":5,"pid":1,"args":{{"{0}":1}}}},)"
      R"({{"ph":"M","name":"thread_name","pid":1,"tid":1,"args":{{"name":"{0}"}}}},)"
      R"({{"ph":"M","name":"process_name","pid":1,"args":{{"name":"{0}"}}}}])",
      name);
  std::string svg = timeline_svg(trace_of(trace));
  EXPECT_LT(svg.size(), 1u << 20);
}

TEST(Timeline, NoScriptNoExternalReferences) {
  std::string svg = timeline_svg(trace_of(synthetic_trace(500, 3)));
  EXPECT_THAT(svg, Not(HasSubstr("<script")));
  EXPECT_THAT(svg, Not(HasSubstr("href")));
  EXPECT_THAT(svg, Not(HasSubstr("url(")));
  EXPECT_FALSE(std::regex_search(svg, std::regex(R"( on[a-z]+=)")));   // no event handler attributes
}

TEST(Timeline, EveryFontIsLegibleOnAProjector) {
  std::string svg = timeline_svg(trace_of(synthetic_trace(500, 3)));
  std::regex font(R"(font-size="([0-9.]+)\")");
  int seen = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), font); it != std::sregex_iterator(); ++it, ++seen)
    EXPECT_GE(std::stod((*it)[1]), 18) << (*it)[0];
  EXPECT_GT(seen, 2);
}

TEST(Timeline, EscapesNames) {
  Trace trace = trace_of(R"([{"ph":"X","name":"<script>&'\"","ts":0,"dur":100,"pid":1,"tid":1},
                             {"ph":"M","name":"thread_name","pid":1,"tid":1,"args":{"name":"</text>"}}])");
  std::string svg = timeline_svg(trace, titled("a < b"));
  EXPECT_THAT(svg, Not(HasSubstr("<script>")));
  EXPECT_THAT(svg, Not(HasSubstr("</text></text>")));
  EXPECT_THAT(svg, HasSubstr("&lt;script&gt;&amp;&#39;&quot;"));
  EXPECT_THAT(svg, HasSubstr("a &lt; b"));
}

TEST(Timeline, LanesAppearInTraceOrderUnderTheirProcess) {
  Trace trace = trace_of(R"([
      {"ph":"M","name":"process_name","pid":1,"args":{"name":"first process"}},
      {"ph":"M","name":"process_name","pid":2,"args":{"name":"second process"}},
      {"ph":"M","name":"process_sort_index","pid":2,"args":{"sort_index":5}},
      {"ph":"M","name":"thread_name","pid":1,"tid":11,"args":{"name":"lane B"}},
      {"ph":"M","name":"thread_name","pid":1,"tid":10,"args":{"name":"lane A"}},
      {"ph":"M","name":"thread_name","pid":2,"tid":20,"args":{"name":"lane C"}},
      {"ph":"X","name":"x","ts":0,"dur":10,"pid":2,"tid":20},
      {"ph":"X","name":"x","ts":1,"dur":10,"pid":1,"tid":10},
      {"ph":"X","name":"x","ts":2,"dur":10,"pid":1,"tid":11}])");
  std::string svg = timeline_svg(trace);
  size_t p1 = svg.find("first process · pid 1"), a = svg.find(">lane A<"), b = svg.find(">lane B<"),
         p2 = svg.find("second process · pid 2"), c = svg.find(">lane C<");
  ASSERT_NE(c, std::string::npos);
  EXPECT_LT(p1, a);
  EXPECT_LT(a, b);
  EXPECT_LT(b, p2);
  EXPECT_LT(p2, c);
}

TEST(Timeline, AxisTicksAreNiceStepsWithUnits) {
  auto ticks = [](double duration_us) {
    std::string svg = timeline_svg(trace_of(fmt::format(
        R"([{{"ph":"X","name":"x","ts":1000000,"dur":{},"pid":1,"tid":1}}])", duration_us)));
    std::vector<std::string> labels;
    size_t axis = svg.find("<g class=\"axis\"");
    size_t end = svg.find("</g>", axis);
    std::regex label(R"(<text [^>]*>([^<]*)</text>)");
    std::string part = svg.substr(axis, end - axis);
    for (auto it = std::sregex_iterator(part.begin(), part.end(), label); it != std::sregex_iterator(); ++it)
      labels.push_back((*it)[1]);
    return labels;
  };
  EXPECT_THAT(ticks(100000), ::testing::ElementsAre("0 ms", "20 ms", "40 ms", "60 ms", "80 ms", "100 ms"));
  EXPECT_THAT(ticks(850), ::testing::ElementsAre("0 µs", "200 µs", "400 µs", "600 µs", "800 µs"));
  // Labels of 18 px need about 130 px each.
  EXPECT_THAT(ticks(1500), ::testing::ElementsAre("0.0 ms", "0.5 ms", "1.0 ms", "1.5 ms"));
  EXPECT_THAT(ticks(3.2e6), ::testing::ElementsAre("0 s", "1 s", "2 s", "3 s"));
}

// In a narrow column two ticks are asked for, and a nice step for 420 ms in two is 500 ms,
// past the whole span: the axis showed a lone "0 µs" (section 4's processes, in a column).
TEST(Timeline, ANarrowAxisStillHasTicksInsideTheSpanInItsUnit) {
  TimelineOptions narrow;
  narrow.width = 560;
  std::string svg = timeline_svg(trace_of(R"([{"ph":"X","name":"x","ts":0,"dur":420000,"pid":1,"tid":1}])"), narrow);
  size_t axis = svg.find("<g class=\"axis\"");
  std::string part = svg.substr(axis, svg.find("</g>", axis) - axis);
  std::vector<std::string> labels;
  std::regex label(R"(<text [^>]*>([^<]*)</text>)");
  for (auto it = std::sregex_iterator(part.begin(), part.end(), label); it != std::sregex_iterator(); ++it)
    labels.push_back((*it)[1]);
  EXPECT_THAT(labels, ::testing::ElementsAre("0 ms", "200 ms", "400 ms"));
}

TEST(Timeline, DrawsTheCpuShareAsOpacityNotAsABlockAtTheStart) {
  // A quarter of the span on CPU: one bar the span's full length, a quarter opaque, and
  // no shorter bar that would say the CPU time came first.
  Trace trace = trace_of(R"([{"ph":"X","name":"work","ts":0,"dur":1000,"pid":1,"tid":1,"args":{"cpu_us":250}}])");
  std::string svg = timeline_svg(trace);
  std::smatch bar;
  ASSERT_TRUE(std::regex_search(svg, bar, std::regex(R"re(<path fill="#[0-9a-f]{6}" fill-opacity="([0-9.]+)" d="M[0-9.]+ [0-9.]+h([0-9.]+)v[0-9.]+h-[0-9.]+z"/>)re")));
  EXPECT_EQ(bar[1], "0.3");   // 25% drawn in steps of 10%, rounded half up: 0.3, never solid
  double plot = TimelineOptions{}.width - 10 - 16 - (10 + 250 + 10);
  EXPECT_NEAR(std::stod(bar[2]), plot, 0.5);
  std::string rest = bar.suffix();
  rest = rest.substr(0, rest.find("<g class=\"legend\""));
  EXPECT_FALSE(std::regex_search(rest, std::regex(R"re(<path fill="#[0-9a-f]{6}" d="M)re"))) << "a solid part inside the span";
  EXPECT_THAT(svg, HasSubstr("fill: share of the span on CPU (solid: all of it, empty: waiting); not when in the span"));

  // All of it on CPU is solid; none is an outline with the faintest tint.
  EXPECT_THAT(timeline_svg(trace_of(R"([{"ph":"X","name":"w","ts":0,"dur":1000,"pid":1,"tid":1,"args":{"cpu_us":1000}}])")),
              HasSubstr("fill-opacity=\"1\""));
  EXPECT_THAT(timeline_svg(trace_of(R"([{"ph":"X","name":"w","ts":0,"dur":1000,"pid":1,"tid":1,"args":{"cpu_us":0}}])")),
              HasSubstr("fill-opacity=\"0.1\""));
}

size_t legend_rows(const std::string& svg);  // below

// In a column (render/figure_widths.h) a timeline is drawn 400 units wide: lane names
// take at most a share of it, and the legend's long CPU-share line, which would wrap
// onto four rows, says it in short words (the whole line in its tooltip) instead of
// running past the right edge or the legend's three rows.
TEST(Timeline, ATimelineForAColumnKeepsItsLegendInside) {
  Trace trace = trace_of(R"([{"ph":"X","name":"work","ts":0,"dur":1000,"pid":1,"tid":1,"args":{"cpu_us":250}}])");
  TimelineOptions options;
  options.width = 400;
  std::string svg = timeline_svg(trace, options);
  std::string legend = svg.substr(svg.find("<g class=\"legend\""));
  EXPECT_THAT(test::texts_outside(legend, options.width, 18), ::testing::IsEmpty()) << legend;
  EXPECT_THAT(legend, HasSubstr("not when in the span</title>fill: share of the span on CPU</text>"));
  EXPECT_LE(legend_rows(svg), 3u);
  std::smatch bar;
  ASSERT_TRUE(std::regex_search(svg, bar, std::regex(R"re(fill-opacity="[0-9.]+" d="M([0-9.]+) [0-9.]+h([0-9.]+)v)re")));
  EXPECT_LE(std::stod(bar[1]), 10 + 0.3 * 400 + 10 + 0.5) << "the lane names take more than their share";
}

// Few lanes are stretched towards the target height (440 px: what a slide with a heading
// leaves, less room for the trace link or a line of prose). A legend that wraps (thirty
// span names and the CPU-share key) and a "more lanes" note must come out of the
// stretched rows, not out of that room (the five-thread pool slide).
TEST(Timeline, AStretchedTimelineWithALongLegendAndANoteStaysWithinTheSlide) {
  std::string events = "[";
  for (int lane = 0; lane < 6; ++lane)
    for (int i = 0; i < 5; ++i)
      events += fmt::format(R"({}{{"ph":"X","name":"fetch {}","ts":{},"dur":900,"pid":1,"tid":{},"args":{{"cpu_us":10}}}})",
                            events.size() > 1 ? "," : "", lane * 5 + i, i * 1000, lane + 1);
  events += "]";
  TimelineOptions options;
  options.max_lanes = 5;
  std::string svg = timeline_svg(trace_of(events), options);
  ASSERT_THAT(svg, HasSubstr(">1 more lane not shown<"));
  std::smatch height;
  ASSERT_TRUE(std::regex_search(svg, height, std::regex(R"re(<svg [^>]*height="([0-9.]+)")re")));
  EXPECT_LE(std::stod(height[1]), 440) << "taller than the height timelines stretch to";
  EXPECT_GE(std::stod(height[1]), 430) << "the rows should still stretch towards that height";
}

// The shape of the real Chromium trace that ran 513 px past the slide's bottom (issue 26,
// item 2: 40,744 events, `lanes: 8`): three processes of many threads, spans nested 30
// deep under hundreds of distinct names (long ones, some without a space to wrap at),
// instants and counters of many names, sampled thread states that ran on 64 CPUs, and
// begin events without an end (the trace's warnings).
std::string chromium_sized_trace(int events) {
  std::string out = "[";
  auto add = [&](const std::string& event) { out += (out.size() > 1 ? ",\n" : "") + event; };
  int made = 0;
  for (int round = 0; made < events; ++round)
    for (int pid = 1; pid <= 3 && made < events; ++pid)
      for (int tid = 1; tid <= 6 && made < events; ++tid) {
        const double start = round * 400.0 + tid;
        for (int depth = 0; depth < 30 && made < events; ++depth, ++made) {
          int name = (round * 7 + depth * 13 + tid) % 600;
          std::string label = name % 3 == 0 ? fmt::format("v8.compile.{}", std::string(size_t(40 + name % 90), 'x'))
                                             : fmt::format("ThreadControllerImpl::RunTask {} {}", name,
                                                           std::string(size_t(name % 50), 'y'));
          add(fmt::format(R"({{"ph":"X","name":"{}","ts":{},"dur":{},"pid":{},"tid":{}}})", label,
                          start + depth * 2, 380 - depth * 4, pid, tid));
        }
        if (round % 10 == 0)
          add(fmt::format(R"({{"ph":"i","name":"mark {}","ts":{},"pid":{},"tid":{},"s":"t"}})", round % 90, start, pid, tid));
        if (round % 5 == 0)
          add(fmt::format(R"({{"ph":"C","name":"memory","ts":{},"pid":{},"args":{{"heap {}":{},"gpu {}":{}}}}})", start,
                          pid, round % 40, round, round % 30, round * 2));
        if (round % 3 == 0) {
          add(fmt::format(R"({{"ph":"X","cat":"deckgen.sched","name":"{}","ts":{},"dur":300,"pid":{},"tid":{},"args":{{"cpu":{}}}}})",
                          round % 2 ? "running" : "runnable", start, pid, tid, (round + tid) % 64));
          add(fmt::format(R"({{"ph":"X","cat":"deckgen.sched","name":"lock","ts":{},"dur":90,"pid":{},"tid":{}}})",
                          start + 300, pid, tid));
        }
      }
  add(R"({"ph":"B","name":"never ended","ts":5,"pid":1,"tid":1})");
  add(R"({"ph":"E","ts":9,"pid":2,"tid":99})");
  return out + "]";
}

double svg_height(const std::string& svg) {
  std::smatch height;
  if (!std::regex_search(svg, height, std::regex(R"re(<svg [^>]*height="([0-9.]+)")re"))) return -1;
  return std::stod(height[1]);
}

// The rows the legend's texts start on.
size_t legend_rows(const std::string& svg) {
  size_t at = svg.find("<g class=\"legend\"");
  if (at == std::string::npos) return 0;
  std::string legend = svg.substr(at, svg.find("</g>", at) - at);
  std::set<std::string> rows;
  std::regex text(R"re(<text x="[0-9.]+" y="([0-9.]+)")re");
  for (auto it = std::sregex_iterator(legend.begin(), legend.end(), text); it != std::sregex_iterator(); ++it)
    rows.insert((*it)[1]);
  return rows.size();
}

TEST(Timeline, AChromiumSizedTraceKeepsTheFigureOnTheSlide) {
  Trace trace = trace_of(chromium_sized_trace(40744));
  ASSERT_GE(trace.spans.size(), 40000u);
  for (size_t lanes : {size_t(8), size_t(12), size_t(40)}) {
    for (bool cpus : {false, true}) {
      TimelineOptions options = titled("a Chromium trace");
      options.max_lanes = lanes;
      options.cpu_rows = cpus;
      std::string svg = timeline_svg(trace, options);
      SCOPED_TRACE(fmt::format("lanes: {}, cpus: {}", lanes, cpus));
      EXPECT_LE(svg_height(svg), 440) << "the figure runs past the room a slide with a heading leaves";
      EXPECT_LE(legend_rows(svg), 3u);
      EXPECT_THAT(svg, testing::ContainsRegex(">\\+[0-9]+ more<")) << "the names left out of the legend are counted";
      EXPECT_THAT(svg, HasSubstr(">waiting for a lock (the GIL, a mutex)<")) << "the states' key stays";
      // The axis labels are centred by their group: the legend and notes are checked.
      EXPECT_THAT(test::texts_outside(svg.substr(svg.find("<g class=\"legend\"")), options.width, 18), ::testing::IsEmpty());
      if (cpus) {
        EXPECT_THAT(svg, HasSubstr(">CPU ")) << "some CPU rows are drawn";
        EXPECT_THAT(svg, HasSubstr("more CPUs not shown"));
      }
    }
  }
}

// However many long names and notes two lanes bring, the figure keeps the promise.
TEST(Timeline, ManyLongNamesAndNotesStayOnTheSlide) {
  std::string events = "[";
  for (int i = 0; i < 300; ++i)
    events += fmt::format(R"({}{{"ph":"X","name":"{} {}","ts":{},"dur":9,"pid":1,"tid":1}})", i ? "," : "",
                          std::string(size_t(150 + i), char('a' + i % 26)), std::string(size_t(80), 'z'), i * 10);
  for (int i = 0; i < 3; ++i)
    events += fmt::format(R"(,{{"ph":"B","name":"open {}","ts":{},"pid":1,"tid":2}})", i, 2990 + i);
  events += R"(,{"ph":"E","ts":9,"pid":2,"tid":99},{"ph":"Q","ts":9,"pid":2,"tid":99}])";
  std::string svg = timeline_svg(trace_of(events));
  EXPECT_LE(svg_height(svg), 440);
  EXPECT_LE(legend_rows(svg), 3u);
  EXPECT_THAT(svg, testing::ContainsRegex(">\\+[0-9]+ more<"));
  EXPECT_THAT(test::texts_outside(svg.substr(svg.find("<g class=\"legend\"")), 1168, 18), ::testing::IsEmpty());
}

// Every state sampled, spans with their CPU share, a dozen names, instants and a counter:
// every kind of legend entry, and the longest keys.
std::string every_legend_entry() {
  std::string out = R"([{"ph":"C","name":"queue","ts":0,"pid":1,"args":{"depth":1}})";
  const char* states[] = {"running", "runnable", "lock", "io", "sleep", "other"};
  for (int tid = 1; tid <= 3; ++tid) {
    for (int i = 0; i < 12; ++i)
      out += fmt::format(R"(,{{"ph":"X","name":"step {} of the pipeline","ts":{},"dur":80,"pid":1,"tid":{},"args":{{"cpu_us":40}}}})",
                         i, i * 100, tid);
    for (int i = 0; i < 6; ++i)
      out += fmt::format(R"(,{{"ph":"X","cat":"deckgen.sched","name":"{}","ts":{},"dur":200,"pid":1,"tid":{},"args":{{"cpu":0}}}})",
                         states[(i + tid) % 6], i * 200, tid);
    out += fmt::format(R"(,{{"ph":"i","name":"mark {}","ts":500,"pid":1,"tid":{},"s":"t"}})", tid, tid);
  }
  return out + "]";
}

// The legend keeps to three rows at every width the layout draws a figure at: the slide's
// text column down to the narrowest column (render/figure_widths.h: 120 px). Where the
// keys' words do not fit, their short words do (the words in the tooltip); in the
// narrowest columns the keys left out are counted in "+N more", their words in its
// tooltip. Nothing reaches past the drawing's sides.
TEST(Timeline, TheLegendKeepsToThreeRowsAtEveryWidthAColumnAllows) {
  Trace trace = trace_of(every_legend_entry());
  for (double width = 120; width <= 1168; width += 4) {
    TimelineOptions options;
    options.width = width;
    std::string svg = timeline_svg(trace, options);
    SCOPED_TRACE(fmt::format("width {}", width));
    EXPECT_LE(legend_rows(svg), 3u);
    std::string legend = svg.substr(svg.find("<g class=\"legend\""));
    legend = legend.substr(0, legend.find("</g>"));
    EXPECT_THAT(test::texts_outside(legend, width, 18), ::testing::IsEmpty());
    for (std::string_view words : {"running on a CPU", "ready, waiting for a CPU", "waiting for a lock (the GIL, a mutex)",
                                   "waiting for I/O", "asleep", "waiting for something else"})
      EXPECT_THAT(legend, HasSubstr(words)) << "each colour is explained, on the legend or in a tooltip";
    if (HasFailure()) break;
  }
  TimelineOptions narrow;
  narrow.width = 400;
  std::string svg = timeline_svg(trace, narrow);
  EXPECT_THAT(svg, HasSubstr("<title>waiting for a lock (the GIL, a mutex)</title>lock<")) << "short words, the words in the tooltip";
  narrow.width = 120;
  EXPECT_THAT(timeline_svg(trace, narrow), testing::ContainsRegex(R"(<title>[^<]*waiting for)")) << "keys counted in +N more";
  EXPECT_THAT(timeline_svg(trace), HasSubstr(">waiting for a lock (the GIL, a mutex)<")) << "the whole words where they fit";
}

// The Chromium-sized trace in narrow columns: hundreds of names, states and CPU rows.
TEST(Timeline, AChromiumSizedTraceInANarrowColumnKeepsItsLegendToThreeRows) {
  Trace trace = trace_of(chromium_sized_trace(40744));
  for (double width : {120.0, 200.0, 300.0, 408.0, 560.0}) {
    TimelineOptions options;
    options.width = width;
    options.max_lanes = 8;
    options.cpu_rows = true;
    std::string svg = timeline_svg(trace, options);
    SCOPED_TRACE(fmt::format("width {}", width));
    EXPECT_LE(legend_rows(svg), 3u);
    EXPECT_LE(svg_height(svg), 440);
    std::string legend = svg.substr(svg.find("<g class=\"legend\""));
    EXPECT_THAT(test::texts_outside(legend.substr(0, legend.find("</g>")), width, 18), ::testing::IsEmpty());
    std::smatch header;
    ASSERT_TRUE(std::regex_search(svg, header, std::regex(R"re(<text x="[0-9.]+" y="[0-9.]+" font-weight="bold">(<title>)?[^<]*(</title>)?CPUs[^<]*</text>)re")));
    std::string shown = std::regex_replace(header.str(), std::regex("<title>[^<]*</title>"), "");
    EXPECT_THAT(test::texts_outside(shown, width, 20), ::testing::IsEmpty()) << "the CPU rows' header";
  }
}

TEST(Timeline, InstantsAreLabelledMarkersThroughTheirLane) {
  Trace trace = trace_of(R"([{"ph":"X","name":"work","ts":0,"dur":1000,"pid":1,"tid":1},
                             {"ph":"i","name":"cancelled","ts":400,"pid":1,"tid":1,"s":"t"},
                             {"ph":"i","name":"failed","ts":990,"pid":1,"tid":1,"s":"t"}])");
  std::string svg = timeline_svg(trace);
  EXPECT_THAT(svg, HasSubstr(">cancelled</text></g>"));
  EXPECT_THAT(svg, HasSubstr(">failed</text></g>"));
  // A triangle and a line down the lane for each.
  std::regex mark(R"re(M[0-9.]+ [0-9.]+h16l-8 12zM[0-9.]+ [0-9.]+V[0-9.]+)re");
  EXPECT_EQ(std::distance(std::sregex_iterator(svg.begin(), svg.end(), mark), std::sregex_iterator()), 2);
  // The tag of an instant at the right end stands left of its marker, inside the plot.
  std::smatch tag;
  ASSERT_TRUE(std::regex_search(svg, tag, std::regex(R"re(<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="22" rx="3" fill="#[0-9a-f]{6}"/><text [^>]*>failed<)re")));
  EXPECT_LE(std::stod(tag[1]) + std::stod(tag[2]), TimelineOptions{}.width - 10 - 16);
}

// The legend's swatch colours, by name.
std::map<std::string, std::string> legend_colours(const std::string& svg) {
  std::map<std::string, std::string> colours;
  std::regex swatch(R"re(<rect [^>]*fill="(#[0-9a-f]{6})"/>\n<text [^>]*>([^<]*)</text>)re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), swatch); it != std::sregex_iterator(); ++it)
    colours[(*it)[2]] = (*it)[1];
  return colours;
}

TEST(Timeline, ColoursComeFromAStableHashOfTheName) {
  std::string svg = timeline_svg(trace_of(R"([{"ph":"X","name":"work","ts":0,"dur":10,"pid":1,"tid":1}])"));
  EXPECT_EQ(legend_colours(svg)["work"], svg::colour_for("work"));
}

TEST(Timeline, NamesInOneTraceGetDistinctColours) {
  std::string events = "[";
  for (int i = 0; i < 10; ++i)
    events += fmt::format(R"({}{{"ph":"X","name":"name {}","ts":{},"dur":10,"pid":1,"tid":1}})", i ? "," : "", i, i * 20);
  auto colours = legend_colours(timeline_svg(trace_of(events + "]")));
  ASSERT_EQ(colours.size(), 10u);
  std::set<std::string> distinct;
  for (const auto& [name, colour] : colours) distinct.insert(colour);
  EXPECT_EQ(distinct.size(), 10u);
}

TEST(Timeline, IsDeterministic) {
  std::string text = synthetic_trace(2000, 4);
  EXPECT_EQ(timeline_svg(trace_of(text)), timeline_svg(trace_of(text)));
}

TEST(Timeline, LeavesOutLanesBeyondTheLimitAndSaysSo) {
  std::string svg = timeline_svg(trace_of(synthetic_trace(100, 20)), [] { TimelineOptions o; o.max_lanes = 5; return o; }());
  // 20 thread lanes and the counter's lane, 5 shown.
  EXPECT_THAT(svg, HasSubstr(">16 more lanes not shown<"));
}

TEST(Timeline, ShowsTheTracesWarnings) {
  std::string svg = timeline_svg(trace_of(R"([{"ph":"B","name":"open","ts":0,"pid":1,"tid":1},
                                              {"ph":"X","name":"x","ts":0,"dur":9,"pid":1,"tid":2}])"));
  EXPECT_THAT(svg, HasSubstr("1 begin (B) event without an end (E)"));
}

}  // namespace
}  // namespace deckgen
