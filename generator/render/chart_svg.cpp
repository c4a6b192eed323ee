#include "render/chart_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "render/svg_parts.h"

namespace deckgen {
namespace {

using svg::num;

// Sizes in SVG units; a figure is drawn at the width of the slide's text column
// (render/figures.h), so these are px on the slide.
constexpr double kMargin = 10;
constexpr double kLabelWidth = 260;
constexpr double kValueWidth = 190;     // room right of the longest whisker for its value
// A narrow drawing (one in a column) gives its labels at most this share of its width,
// and its values what the longest of them needs, so its bars keep some length.
constexpr double kLabelShare = 0.28;
constexpr double kValueShare = 0.25;
constexpr double kTitleHeight = 40;
constexpr double kRow = 54;             // the least a bar's row takes ...
constexpr double kMaxRow = 180;         // ... and the most, towards kTargetHeight
constexpr double kBarShare = 0.62;      // of its row, a bar's thickness ...
constexpr double kMaxBar = 64;          // ... up to this: wide rows get more space between bars
// About what a slide with a heading leaves free: a chart of few bars gets taller rows
// so that it fills the slide at 1:1 instead of leaving its lower half empty.
constexpr double kTargetHeight = 520;
constexpr double kAxisHeight = 62;
constexpr double kHintHeight = 28;
constexpr double kFont = 20;            // labels and values
constexpr double kSmallFont = 18;       // ticks, caption, hint: the smallest text drawn
constexpr double kTitleFont = 24;
constexpr double kSpanForHint = 20;     // medians spanning more than this suggest a log axis
constexpr const char* kBarColour = "#5b9bd5";

double finite_or_zero(double v) { return std::isfinite(v) ? v : 0; }

// Where values land on the axis, and its ticks: linear from zero to a whole number of
// nice steps, or logarithmic over whole decades.
class Axis {
 public:
  Axis(const ChartData& chart, double x0, double x1) : x0_(x0), x1_(x1), log_(chart.scale == ChartScale::log) {
    double largest = 0, smallest = std::numeric_limits<double>::infinity();
    for (const ChartEntry& e : chart.entries) {
      if (e.n == 0) continue;
      for (double v : {e.median, e.spread_low, e.spread_high}) {
        v = finite_or_zero(v);
        largest = std::max(largest, v);
        if (v > 0) smallest = std::min(smallest, v);
      }
    }
    if (log_) {
      if (!(smallest < largest)) smallest = largest > 0 ? largest / 10 : 1;
      // Half the smallest value still on the axis: its bar never has zero length.
      lo_ = std::floor(std::log10(smallest / 2));
      hi_ = std::max(lo_ + 1, std::ceil(std::log10(std::max(largest, smallest))));
    } else {
      int max_ticks = std::max(2, int((x1 - x0) / 130));
      step_ = svg::nice_step(largest > 0 ? largest : 1, max_ticks);
      max_ = std::max(1.0, std::ceil(largest / step_ * (1 - 1e-12))) * step_;
    }
  }

  double x(double v) const {
    if (log_) {
      if (!(v > 0)) return x0_;
      return x0_ + std::clamp((std::log10(v) - lo_) / (hi_ - lo_), 0.0, 1.0) * (x1_ - x0_);
    }
    return x0_ + std::clamp(v, 0.0, max_) / max_ * (x1_ - x0_);
  }

  std::vector<double> ticks() const {
    std::vector<double> out;
    if (log_) {
      // 1, 2 and 5 within each decade while that leaves labels room; else decades only.
      bool fine = (hi_ - lo_) <= 3;
      for (double d = lo_; d <= hi_; ++d) {
        double base = std::pow(10.0, d);
        out.push_back(base);
        if (fine && d < hi_) out.push_back(2 * base), out.push_back(5 * base);
      }
      return out;
    }
    for (int i = 0; i * step_ <= max_ * (1 + 1e-9); ++i) out.push_back(i * step_);
    return out;
  }

 private:
  double x0_, x1_;
  bool log_;
  double lo_ = 0, hi_ = 1;       // log: decades (log10) at the ends
  double step_ = 1, max_ = 1;    // linear
};

// The ratio of the largest median to the smallest positive one; 1 with fewer than two.
double median_span(const ChartData& chart) {
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  for (const ChartEntry& e : chart.entries)
    if (e.n > 0 && std::isfinite(e.median) && e.median > 0) lo = std::min(lo, e.median), hi = std::max(hi, e.median);
  return hi > 0 && std::isfinite(lo) ? hi / lo : 1;
}

}  // namespace

std::string chart_svg(const ChartData& chart) {
  auto format = chart.format ? chart.format : [](double v) { return format_count(v); };
  auto value_text = [&](const ChartEntry& e) { return fmt::format("{} (n={})", format(finite_or_zero(e.median)), e.n); };
  double longest_value = 0;
  for (const ChartEntry& e : chart.entries)
    if (e.n > 0) longest_value = std::max(longest_value, svg::text_width(value_text(e), kFont));
  double label_width = std::min(kLabelWidth, kLabelShare * chart.width);
  double value_width = std::min(kValueWidth, std::max(longest_value + 16, kValueShare * chart.width));
  double x0 = kMargin + label_width + 10;
  double x1 = chart.width - kMargin - value_width;
  Axis axis_scale(chart, x0, x1);
  bool log = chart.scale == ChartScale::log;

  double fixed = 2 * kMargin + kAxisHeight + (chart.title.empty() ? 0 : kTitleHeight);
  double row = chart.entries.empty() ? kRow
                                     : std::clamp((kTargetHeight - fixed) / double(chart.entries.size()), kRow, kMaxRow);
  double bar = std::min(row * kBarShare, kMaxBar);

  std::string body;
  double y = kMargin;
  if (!chart.title.empty()) {
    body += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\">{}</text>\n",
                        num(kMargin), num(y + 26), num(kTitleFont), svg::text(chart.title));
    y += kTitleHeight;
  }
  double plot_top = y;
  for (const ChartEntry& e : chart.entries) {
    double cy = y + row / 2;
    std::string label = svg::fit(e.label, kFont, label_width);
    body += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", num(x0 - 10),
                        num(cy + 7), svg::text(label));
    if (e.n == 0) {
      body += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill-opacity=\"0.75\">no data</text>\n",
                          num(x0 + 6), num(cy + 6), num(kSmallFont));
      y += row;
      continue;
    }
    double median = finite_or_zero(e.median);
    double low = finite_or_zero(std::min(e.spread_low, median));
    double high = finite_or_zero(std::max(e.spread_high, median));
    // At least a 2-unit bar: a value far smaller than the others stays visible.
    body += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", num(x0),
                        num(cy - bar / 2), num(std::max(axis_scale.x(median) - x0, 2.0)), num(bar), kBarColour);
    if (high > low)
      body += fmt::format(
          "<path class=\"whisker\" d=\"M{l} {y}H{h}M{l} {t}V{b}M{h} {t}V{b}\" stroke=\"currentColor\" stroke-width=\"2\" fill=\"none\"/>\n",
          fmt::arg("l", num(axis_scale.x(low))), fmt::arg("h", num(axis_scale.x(high))), fmt::arg("y", num(cy)),
          fmt::arg("t", num(cy - bar / 4)), fmt::arg("b", num(cy + bar / 4)));
    std::string value = value_text(e);
    body += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n",
                        num(std::max({axis_scale.x(high), axis_scale.x(median), x0 + 2}) + 10), num(cy + 7),
                        svg::text(value));
    y += row;
  }
  double plot_bottom = y;

  // Axis: a baseline, ticks, and a caption saying what bars and whiskers show.
  std::string axis = fmt::format("<g class=\"axis\" font-size=\"{}\" text-anchor=\"middle\">\n", num(kSmallFont));
  std::string grid;
  double last_label_end = -1e9;
  for (double v : axis_scale.ticks()) {
    double x = axis_scale.x(v);
    std::string tick = format(v);
    double half = svg::text_width(tick, kSmallFont) / 2;
    if (x - half > last_label_end + 8) {   // a label only where it does not touch the last
      axis += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", num(x), num(plot_bottom + 24), svg::text(tick));
      last_label_end = x + half;
    }
    grid += fmt::format("M{} {}V{}", num(x), num(plot_top), num(plot_bottom + 4));
  }
  axis += "</g>\n";
  axis += fmt::format(
      "<path d=\"{}\" stroke=\"currentColor\" stroke-opacity=\"0.18\" fill=\"none\"/>\n"
      "<path d=\"M{} {}V{}\" stroke=\"currentColor\" stroke-width=\"2\"/>\n",
      grid, num(x0), num(plot_top), num(plot_bottom + 4));
  // Under the axis, centred on the drawing (the plot's centre leaves a long caption too
  // little room on the right in a narrow drawing); the log note on a line of its own
  // when one line would not hold both.
  std::vector<std::string> caption{chart.metric_label.empty() ? "median" : "median " + chart.metric_label};
  caption[0] += fmt::format(" (bars); whiskers: {} of the runs", chart.spread_label);
  double line_width = chart.width - 2 * kMargin;
  if (log) {
    const char* note = "log scale: bar lengths are not proportional";
    std::string joined = caption[0] + "; " + note;
    if (svg::text_width(joined, kSmallFont) <= line_width) caption[0] = joined;
    else caption.push_back(note);
  }
  // A narrow drawing breaks its caption into lines rather than cutting it at its edges.
  std::vector<std::string> caption_lines;
  for (const std::string& part : caption)
    for (std::string& line : svg::wrap(part, kSmallFont, line_width)) caption_lines.push_back(std::move(line));
  double height = plot_bottom + kAxisHeight - kHintHeight;
  for (const std::string& line : caption_lines) {
    height += kHintHeight;
    axis += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill-opacity=\"0.8\">{}</text>\n",
                        num(chart.width / 2), num(height - 10), num(kSmallFont), svg::text(line));
  }
  double span = median_span(chart);
  if (!log && span > kSpanForHint) {
    std::string hint = fmt::format("the medians span {:.0f}×: `scale: log` in the chart block shows the small ones", span);
    for (const std::string& line : svg::wrap(hint, kSmallFont, line_width)) {
      axis += fmt::format(
          "<text class=\"scale-hint\" x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill-opacity=\"0.8\">{}</text>\n",
          num(chart.width / 2), num(height + 20), num(kSmallFont), svg::text(line));
      height += kHintHeight;
    }
  }
  height = std::ceil(height + kMargin);

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"deckgen-chart\" viewBox=\"0 0 {w} {h}\" "
      "width=\"{w}\" height=\"{h}\" font-family=\"system-ui, sans-serif\" font-size=\"{f}\" "
      "role=\"img\" aria-label=\"{label}\">\n",
      fmt::arg("w", num(chart.width)), fmt::arg("h", num(height)), fmt::arg("f", num(kFont)),
      fmt::arg("label", svg::text(chart.title.empty() ? "chart" : chart.title)));
  out += axis;
  out += body;
  out += "</svg>\n";
  return out;
}

}  // namespace deckgen
