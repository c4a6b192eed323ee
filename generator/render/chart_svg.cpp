#include "render/chart_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "render/svg_parts.h"

namespace deckgen {
namespace {

using svg::num;

constexpr double kMargin = 10;
constexpr double kLabelWidth = 240;
constexpr double kValueWidth = 150;     // room right of the longest whisker for its value
constexpr double kTitleHeight = 36;
constexpr double kRow = 48;
constexpr double kBar = 30;
constexpr double kAxisHeight = 56;
constexpr double kFont = 16;
constexpr const char* kBarColour = "#5b9bd5";

double finite_or_zero(double v) { return std::isfinite(v) ? v : 0; }

}  // namespace

std::string chart_svg(const ChartData& chart) {
  auto format = chart.format ? chart.format : [](double v) { return format_count(v); };
  double x0 = kMargin + kLabelWidth + 10;
  double x1 = chart.width - kMargin - kValueWidth;

  // The axis runs from zero to a whole number of nice steps past the largest value.
  double largest = 0;
  for (const ChartEntry& e : chart.entries)
    if (e.n > 0) largest = std::max({largest, finite_or_zero(e.median), finite_or_zero(e.spread_high)});
  int max_ticks = std::max(2, int((x1 - x0) / 120));
  double step = svg::nice_step(largest > 0 ? largest : 1, max_ticks);
  double axis_max = std::max(1.0, std::ceil(largest / step * (1 - 1e-12))) * step;
  auto x_of = [&](double v) { return x0 + std::clamp(v, 0.0, axis_max) / axis_max * (x1 - x0); };

  std::string body;
  double y = kMargin;
  if (!chart.title.empty()) {
    body += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"20\" font-weight=\"bold\">{}</text>\n",
                        num(kMargin), num(y + 22), svg::text(chart.title));
    y += kTitleHeight;
  }
  double plot_top = y;
  for (const ChartEntry& e : chart.entries) {
    double cy = y + kRow / 2;
    std::string label = svg::fit(e.label, kFont, kLabelWidth);
    body += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", num(x0 - 10),
                        num(cy + 5), svg::text(label));
    if (e.n == 0) {
      body += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" fill-opacity=\"0.75\">no data</text>\n",
                          num(x0 + 6), num(cy + 5));
      y += kRow;
      continue;
    }
    double median = finite_or_zero(e.median);
    double low = finite_or_zero(std::min(e.spread_low, median));
    double high = finite_or_zero(std::max(e.spread_high, median));
    body += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", num(x0),
                        num(cy - kBar / 2), num(std::max(x_of(median) - x0, 1.0)), num(kBar), kBarColour);
    if (high > low)
      body += fmt::format(
          "<path class=\"whisker\" d=\"M{l} {y}H{h}M{l} {t}V{b}M{h} {t}V{b}\" stroke=\"currentColor\" stroke-width=\"2\" fill=\"none\"/>\n",
          fmt::arg("l", num(x_of(low))), fmt::arg("h", num(x_of(high))), fmt::arg("y", num(cy)),
          fmt::arg("t", num(cy - 8)), fmt::arg("b", num(cy + 8)));
    std::string value = fmt::format("{} (n={})", format(median), e.n);
    body += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", num(std::max(x_of(high), x_of(median)) + 10),
                        num(cy + 5), svg::text(value));
    y += kRow;
  }
  double plot_bottom = y;

  // Axis: a baseline at zero, ticks, and a caption saying what bars and whiskers show.
  std::string axis = "<g class=\"axis\" font-size=\"14\" text-anchor=\"middle\">\n";
  std::string grid;
  for (int i = 0; i * step <= axis_max * (1 + 1e-9); ++i) {
    double v = i * step, x = x_of(v);
    axis += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", num(x), num(plot_bottom + 20),
                        svg::text(format(v)));
    grid += fmt::format("M{} {}V{}", num(x), num(plot_top), num(plot_bottom + 4));
  }
  axis += "</g>\n";
  axis += fmt::format(
      "<path d=\"{}\" stroke=\"currentColor\" stroke-opacity=\"0.18\" fill=\"none\"/>\n"
      "<path d=\"M{} {}V{}\" stroke=\"currentColor\" stroke-width=\"2\"/>\n",
      grid, num(x0), num(plot_top), num(plot_bottom + 4));
  std::string caption = chart.metric_label.empty() ? "median" : "median " + chart.metric_label;
  caption += fmt::format(" (bars); whiskers: {} of the runs", chart.spread_label);
  axis += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"middle\" fill-opacity=\"0.8\">{}</text>\n",
                      num((x0 + x1) / 2), num(plot_bottom + 44), svg::text(caption));
  double height = std::ceil(plot_bottom + kAxisHeight + kMargin);

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
