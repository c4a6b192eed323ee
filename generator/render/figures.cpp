#include "render/figures.h"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "model/metrics.h"
#include "render/chart_svg.h"
#include "render/html.h"
#include "render/timeline_svg.h"
#include "render/trace.h"

namespace deckgen {
namespace {

std::string error_box(const std::string& what) {
  return "<div class=\"snippet-error\" role=\"alert\"><strong>✖ " + escape_html(what) + "</strong></div>\n";
}

}  // namespace

double figure_width(int stage_width) {
  constexpr int kSlidePadding = 56;   // theme.css: section { padding: 24px 56px 36px }
  return stage_width - 2 * kSlidePadding;
}

std::string chart_html(const ChartSpec& chart, const Results& results, double width) {
  ChartData data;
  data.width = width;
  data.title = chart.title;
  std::string unit;
  for (const std::string& id : chart.snippets)
    if (unit.empty()) unit = metric_unit(results, id, chart.metric);
  data.metric_label = metric_label(chart.metric, unit);
  data.scale = chart.scale == ChartSpec::Scale::log ? ChartScale::log : ChartScale::linear;
  data.format = [metric = chart.metric, unit](double v) { return format_metric_value(v, metric, unit); };
  for (size_t i = 0; i < chart.snippets.size(); ++i) {
    ChartEntry e;
    e.label = chart.labels.empty() ? chart.snippets[i] : chart.labels[i];
    if (std::optional<Summary> s = metric_summary(results, chart.snippets[i], chart.metric, chart.pos)) {
      e.median = s->median;
      e.spread_low = s->min;
      e.spread_high = s->max;
      e.n = s->n;
    }
    data.entries.push_back(std::move(e));
  }
  return "<figure class=\"chart\">\n" + chart_svg(data) + "\n</figure>\n";
}

TimelineFigure timeline_html(const TimelineSpec& timeline, const SnippetResult* result, double width) {
  TimelineFigure fig;
  if (!result || result->outcome == Outcome::failed) {
    fig.error = fmt::format("no timeline: snippet '{}' failed", timeline.snippet);
  } else if (!result->trace_problems.empty()) {
    fig.error = fmt::format("no timeline for '{}': {}", timeline.snippet, result->trace_problems.front());
  } else if (result->traces.empty()) {
    fig.error = fmt::format("no timeline: snippet '{}' wrote no trace (does it use deckgen_trace spans?)", timeline.snippet);
  } else {
    std::variant<Trace, TraceError> merged = merge_traces(result->traces);
    if (auto* error = std::get_if<TraceError>(&merged)) {
      fig.error = fmt::format("the trace of '{}' cannot be drawn: {}", timeline.snippet, error->message);
    } else {
      const Trace& trace = std::get<Trace>(merged);
      // A span that began and never ended (B without E) is among these warnings: it is
      // drawn to the trace's end, as Chromium's own traces look when cut off, and the
      // drawing's notes say so. docs/traces-and-charts.md promises it does not fail the build.
      fig.warnings = trace.warnings;
      TimelineOptions options;
      options.title = timeline.title;
      options.width = width;
      options.max_lanes = static_cast<size_t>(timeline.lanes);
      options.cpu_rows = timeline.cpus;
      fig.html = "<figure class=\"timeline\">\n" + timeline_svg(trace, options) +
                 fmt::format("\n<figcaption><a class=\"trace-download\" href=\"traces/{0}.json\" download=\"{0}.json\">"
                             "trace of {0} (Chrome trace format: Perfetto, chrome://tracing)</a></figcaption>\n</figure>\n",
                             escape_html(timeline.snippet));
      return fig;
    }
  }
  fig.html = "<figure class=\"timeline\">\n" + error_box(fig.error) + "</figure>\n";
  return fig;
}

}  // namespace deckgen
