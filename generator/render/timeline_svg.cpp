#include "render/timeline_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "measure/units.h"
#include "render/svg_parts.h"

namespace deckgen {
namespace {

using svg::num;

// Layout, in SVG units. Drawn at the width of the slide's text column (render/figures.h)
// the slide shows them 1:1, so the fonts are px: 18 and up, readable from the back of a room.
constexpr double kMargin = 10;
constexpr double kLabelWidth = 250;       // lane names, left of the plot ...
constexpr double kLabelShare = 0.3;       // ... at most this share of a narrow drawing (one in a column)
constexpr double kTitleHeight = 40;
constexpr double kAxisHeight = 34;
constexpr double kProcessHeight = 32;
constexpr double kRowHeight = 32;         // one nesting level of spans
constexpr double kBarHeight = 26;
constexpr double kLanePadding = 8;
constexpr double kCounterHeight = 56;
constexpr double kLegendRow = 30;
constexpr double kNoteRow = 26;
constexpr double kFont = 20;              // lane names
constexpr double kSmallFont = 18;         // axis, legend, notes, labels in bars, instants
constexpr double kTitleFont = 24;
constexpr double kLabelMinBar = 40;       // bars this wide or more get a tooltip
constexpr const char* kMergedColour = "#9aa0a6";
constexpr int kShareLevels = 10;          // CPU share drawn in steps of 10% opacity
constexpr double kMinShareOpacity = 0.06; // a span that never ran still shows as a tint
constexpr int kMaxLegendEntries = 10;
// The legend and the notes take at most these rows, whatever the trace holds (a real
// Chromium trace's hundreds of span names, each wrapped, ran the figure off the slide):
// names that do not fit become a "+N more" entry, notes past the last row one line.
constexpr int kMaxLegendRows = 3;
constexpr size_t kMaxNoteRows = 4;
// A name in the legend takes at most a third of its row (and never less than this).
constexpr double kLegendNamePx = 200;
// CPU rows drawn at most: those the threads ran on longest (a snippet may hop over 64).
constexpr size_t kMaxCpuRows = 8;
constexpr size_t kMaxInstantTags = 6;     // per lane; more instants keep their marks only
// What a name may take in a tooltip or the legend (a 50 MB span name made a 50 MB SVG,
// issue 24): about 200 characters, then "…".
constexpr double kLongestNamePx = 200 * kSmallFont * 0.56;
constexpr size_t kMaxCounterSeries = 10;  // per counter lane; fifty lines on one lane read as none
// A timeline of few lanes gets taller rows, up to kMaxStretch times, towards this height:
// about what a slide with a heading leaves free, so the drawing fills the slide at 1:1
// instead of leaving its lower half empty (the labels keep their size).
// Not all of it (about 590 px): on screen a figure keeps its drawing's height (its labels
// are at their 18 px floor), so the height left over is all the room a caption (a
// timeline's trace link) or a line or two of prose has. At 520 the drawing ran over them.
constexpr double kTargetHeight = 440;
constexpr double kMaxStretch = 3;
// The floor rows are lowered to when a figure would be taller than kTargetHeight: a
// lane's name (20 px) still fits.
constexpr double kMinRowHeight = 24;
constexpr double kStateBand = 10;         // the state strip above a lane's spans
constexpr double kCpuRowHeight = 26;

// Sampled thread states: fixed colours that mean the same on every slide, and the
// words the legend uses for them.
// `short_words` stand in for the words in a legend too narrow for them (a figure in a
// column), with the words in their tooltip.
struct StateStyle {
  std::string_view name, colour, words, short_words;
};
constexpr StateStyle kStateStyles[] = {
    {"running", "#2e9e5b", "running on a CPU", "running"},
    {"runnable", "#e8a33d", "ready, waiting for a CPU", "ready"},
    {"lock", "#d64541", "waiting for a lock (the GIL, a mutex)", "lock"},
    {"io", "#3b7dd8", "waiting for I/O", "I/O"},
    {"sleep", "#b9a6e0", "asleep", "asleep"},
    {"other", "#9aa0a6", "waiting for something else", "other"},
};
constexpr std::string_view kCpuFillWords = "fill: share of the span on CPU (solid: all of it, empty: waiting); not when in the span";
constexpr std::string_view kCpuFillShortWords = "fill: share of the span on CPU";

// The time axis: where each microsecond lands, and the tick labels.
struct TimeScale {
  double start_us, x0, px_per_us;
  double x(double ts_us) const { return x0 + (ts_us - start_us) * px_per_us; }
};

struct AxisUnit {
  double us;
  const char* name;
};

// The unit of the axis's far end, so "2.5 s" rather than "2500 ms".
AxisUnit unit_for_axis(double end_us) {
  if (end_us >= 1e6) return {1e6, "s"};
  if (end_us >= 1e3) return {1e3, "ms"};
  return {1, "µs"};
}

std::string tick_label(double value_us, double step_us, AxisUnit unit) {
  double step = step_us / unit.us;
  int decimals = std::max(0, int(std::ceil(-std::log10(step) - 1e-9)));
  return fmt::format("{:.{}f} {}", value_us / unit.us, decimals, unit.name);
}

// Sub-pixel spans that follow one another within a pixel, drawn as one bar.
struct Cluster {
  double x_begin = 0, x_end = 0;
  size_t count = 0;
  const std::string* name = nullptr;
  bool mixed = false;
};

// Bars of one colour in one row become the subpaths of a single <path>: many thin bars
// cost ~20 bytes each instead of a whole element.
class PathBuckets {
 public:
  void add(const std::string& colour, double x, double y, double w, double h) {
    std::string& d = buckets_[colour];
    d += fmt::format("M{} {}h{}v{}h-{}z", num(x), num(y), num(w), num(h), num(w));
  }
  void emit(std::string& out) {
    for (const auto& [colour, d] : buckets_) out += fmt::format("<path fill=\"{}\" d=\"{}\"/>\n", colour, d);
    buckets_.clear();
  }
  void emit_outlines(std::string& out) {
    for (const auto& [colour, d] : buckets_)
      out += fmt::format("<path fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\" d=\"{}\"/>\n", colour, d);
    buckets_.clear();
  }

 private:
  std::map<std::string, std::string> buckets_;   // ordered: deterministic output
};

class TimelineWriter {
 public:
  // `reserved`: height kept free of rows beyond what fit_rows() budgets
  // (see timeline_svg(): the legend and notes can take more rows than it assumes).
  TimelineWriter(const Trace& trace, const TimelineOptions& options, double reserved = 0)
      : trace_(trace), options_(options), reserved_(reserved) {}

  double height() const { return height_; }

  std::string write() {
    choose_lanes();
    assign_colours();
    fit_rows();
    cpu_ids_ = cpus();
    hidden_cpus_ = cpus_run_on() - cpu_ids_.size();
    label_width_ = std::min(kLabelWidth, kLabelShare * options_.width);
    double plot_x0 = kMargin + label_width_ + 10;
    double plot_x1 = options_.width - kMargin - 16;
    double duration = std::max(trace_.end_us - trace_.start_us, 1.0);
    scale_ = {trace_.start_us, plot_x0, (plot_x1 - plot_x0) / duration};
    plot_x1_ = plot_x1;

    double y = kMargin;
    if (!options_.title.empty()) {
      body_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\">{}</text>\n",
                           num(kMargin), num(y + 22), num(kTitleFont), svg::text(options_.title));
      y += kTitleHeight;
    }
    double axis_y = y;
    y += kAxisHeight;
    double lanes_top = y;
    y = draw_lanes(y);
    y = draw_cpu_rows(y);
    double lanes_bottom = y;
    std::string axis = draw_axis(axis_y, lanes_top, lanes_bottom);
    y = draw_legend(y + 10);
    y = draw_notes(y);
    double height = std::ceil(y + kMargin);
    height_ = height;

    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"deckgen-timeline\" viewBox=\"0 0 {w} {h}\" "
        "width=\"{w}\" height=\"{h}\" font-family=\"system-ui, sans-serif\" font-size=\"{f}\" "
        "role=\"img\" aria-label=\"{label}\">\n",
        fmt::arg("w", num(options_.width)), fmt::arg("h", num(height)), fmt::arg("f", num(kFont)),
        fmt::arg("label", svg::text(options_.title.empty() ? "timeline" : options_.title)));
    out += axis;
    out += body_;
    out += "</svg>\n";
    return out;
  }

 private:
  // The drawing's height at a row height of 1: rows (in rows) and everything else.
  std::pair<double, double> height_parts() const {
    double rows = 0, other = 2 * kMargin + kAxisHeight + 10 + 2 * kLegendRow + reserved_;
    if (!options_.title.empty()) other += kTitleHeight;
    std::optional<int64_t> pid;
    for (const Lane* lane : lanes_) {
      if (!pid || *pid != lane->pid) pid = lane->pid, other += kProcessHeight;
      if (lane->kind == Lane::Kind::counter) {
        other += kCounterHeight;
      } else {
        rows += span_rows(*lane) + (lane->spans.empty() && !lane->states.empty() ? 1 : 0);
        other += kLanePadding + (!lane->spans.empty() && !lane->states.empty() ? kStateBand + 2 : 0);
      }
    }
    other += cpu_rows_height();
    return {rows, other};
  }

  // Taller rows when the lanes leave the drawing short of kTargetHeight; when they would
  // make it taller, fewer span rows per lane, then lower rows, then fewer lanes.
  void fit_rows() {
    depth_cap_ = std::max(1, options_.max_depth);
    auto too_tall = [&](double row) {
      auto [rows, other] = height_parts();
      return other + rows * row > kTargetHeight;
    };
    while (depth_cap_ > 1 && too_tall(kRowHeight)) --depth_cap_;
    // CPU rows give way down to two before lanes do, and the last ones after them.
    while (cpu_limit_ > 2 && too_tall(kMinRowHeight)) --cpu_limit_;
    while (lanes_.size() > 1 && too_tall(kMinRowHeight)) lanes_.pop_back(), ++hidden_lanes_;
    while (cpu_limit_ > 0 && too_tall(kMinRowHeight)) --cpu_limit_;
    auto [rows, other] = height_parts();
    if (rows <= 0) return;
    double row = std::clamp((kTargetHeight - other) / rows, kMinRowHeight, kRowHeight * kMaxStretch);
    row_height_ = row;
    bar_height_ = row * kBarHeight / kRowHeight;
  }

  // The CPUs sampled threads ran on, when `cpu_rows` asks for a row each: up to
  // cpu_limit_ of them, those the drawn threads ran on longest, in the order of their ids.
  std::vector<int> cpus() const {
    std::map<int, double> found;
    if (options_.cpu_rows)
      for (const Lane* lane : lanes_)
        for (size_t i : lane->states)
          if (trace_.states[i].cpu >= 0) found[trace_.states[i].cpu] += trace_.states[i].dur_us;
    std::vector<std::pair<int, double>> busiest(found.begin(), found.end());
    std::stable_sort(busiest.begin(), busiest.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<int> ids;
    for (size_t i = 0; i < busiest.size() && i < cpu_limit_; ++i) ids.push_back(busiest[i].first);
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  size_t cpus_run_on() const {
    std::set<int> found;
    if (options_.cpu_rows)
      for (const Lane* lane : lanes_)
        for (size_t i : lane->states)
          if (trace_.states[i].cpu >= 0) found.insert(trace_.states[i].cpu);
    return found.size();
  }
  double cpu_rows_height() const {
    size_t n = cpus().size();
    return n == 0 ? 0 : kProcessHeight + double(n) * kCpuRowHeight;
  }
  // Each thread's colour on the CPU rows (and the swatch by its name).
  std::string thread_colour(size_t lane_index) const {
    const std::vector<std::string>& palette = svg::palette();
    return palette[lane_index % palette.size()];
  }

  // A row per CPU: in each pixel column, the thread that ran there longest.
  double draw_cpu_rows(double y) {
    const std::vector<int>& ids = cpu_ids_;
    if (ids.empty()) return y;
    // Cut to a narrow drawing's width (one in a column), whole in its tooltip.
    const std::string header = "CPUs: which thread ran (its colour by its name)";
    const std::string shown = svg::fit(header, kFont, options_.width - 2 * kMargin);
    body_ += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}{}</text>\n"
        "<path d=\"M{} {}H{}\" stroke=\"currentColor\" stroke-opacity=\"0.35\"/>\n",
        num(kMargin), num(y + 22), shown == header ? "" : "<title>" + header + "</title>", svg::text(shown), num(kMargin),
        num(y + kProcessHeight - 2), num(plot_x1_));
    y += kProcessHeight;
    const int columns = std::max(1, int(std::ceil(plot_x1_ - scale_.x0)));
    for (int cpu : ids) {
      std::vector<std::map<size_t, double>> time(static_cast<size_t>(columns));
      for (size_t l = 0; l < lanes_.size(); ++l)
        for (size_t i : lanes_[l]->states) {
          const TraceEvent& s = trace_.states[i];
          if (s.cpu != cpu) continue;
          double x0 = scale_.x(s.ts_us) - scale_.x0, x1 = scale_.x(s.ts_us + s.dur_us) - scale_.x0;
          for (int c = std::max(0, int(std::floor(x0))); c < std::min(columns, int(std::ceil(x1))); ++c) {
            double overlap = std::min(x1, double(c + 1)) - std::max(x0, double(c));
            if (overlap > 0) time[size_t(c)][l] += overlap;
          }
        }
      draw_lane_label(fmt::format("CPU {}", cpu), y + kCpuRowHeight / 2 + 7);
      PathBuckets paths;
      int run_start = 0;
      long run_lane = -1;
      auto flush = [&](int end) {
        if (run_lane >= 0) paths.add(thread_colour(size_t(run_lane)), scale_.x0 + run_start, y + 3, end - run_start, kCpuRowHeight - 6);
      };
      for (int c = 0; c < columns; ++c) {
        long best = -1;
        double most = 0;
        for (const auto& [lane, t] : time[size_t(c)])
          if (t > most) most = t, best = long(lane);
        if (best != run_lane) {
          flush(c);
          run_start = c;
          run_lane = best;
        }
      }
      flush(columns);
      paths.emit(body_);
      y += kCpuRowHeight;
    }
    return y;
  }

  void choose_lanes() {
    size_t limit = std::max<size_t>(options_.max_lanes, 1);
    for (size_t i = 0; i < trace_.lanes.size() && i < limit; ++i) lanes_.push_back(&trace_.lanes[i]);
    hidden_lanes_ = trace_.lanes.size() - lanes_.size();
  }

  std::string draw_axis(double y, double lanes_top, double lanes_bottom) {
    double duration = std::max(trace_.end_us - trace_.start_us, 1.0);
    // About one tick per 130 px keeps labels such as "1.25 ms" apart.
    int max_ticks = std::max(2, int((plot_x1_ - scale_.x0) / 130));
    double step = svg::nice_step(duration, max_ticks);
    // Asked for two ticks, nice_step may round up past the whole span (420 ms: 500 ms),
    // leaving a lone "0" in a narrow column: the largest nice step within it then.
    if (step > duration) step = svg::nice_step_within(duration);
    std::string out = fmt::format("<g class=\"axis\" font-size=\"{}\" text-anchor=\"middle\">\n", num(kSmallFont));
    std::string grid;
    AxisUnit unit = unit_for_axis(std::floor(duration / step) * step);
    // Bounded whatever the trace holds: merge_traces keeps times finite, and the tick
    // count cannot exceed what nice_step was asked for (plus the ends).
    for (int i = 0; i <= max_ticks + 1; ++i) {
      double t = i * step;
      if (t > duration * (1 + 1e-9)) break;
      double x = scale_.x(trace_.start_us + t);
      std::string label = tick_label(t, step, unit);
      // The last label may not stick out of the drawing: it moves left of its tick.
      double half = svg::text_width(label, kSmallFont) / 2;
      double label_x = std::min(x, options_.width - kMargin - half);
      out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", num(label_x), num(y + 20), svg::text(label));
      grid += fmt::format("M{} {}V{}", num(x), num(lanes_top - 6), num(lanes_bottom));
    }
    out += "</g>\n";
    out += fmt::format(
        "<path d=\"{}\" stroke=\"currentColor\" stroke-opacity=\"0.18\" stroke-width=\"1\" fill=\"none\"/>\n",
        grid);
    return out;
  }

  double draw_lanes(double y) {
    std::optional<int64_t> current_pid;
    for (size_t i = 0; i < lanes_.size(); ++i) {
      const Lane& lane = *lanes_[i];
      if (!current_pid || *current_pid != lane.pid) {
        current_pid = lane.pid;
        std::string header = fmt::format("{} · pid {}", lane.process_name, lane.pid);
        body_ += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>\n"
            "<path d=\"M{} {}H{}\" stroke=\"currentColor\" stroke-opacity=\"0.35\"/>\n",
            num(kMargin), num(y + 22),
            svg::text(svg::fit(header, kFont, options_.width - 2 * kMargin)), num(kMargin),
            num(y + kProcessHeight - 2), num(plot_x1_));
        y += kProcessHeight;
      }
      double height = lane.kind == Lane::Kind::counter ? kCounterHeight : lane_height(lane);
      if (i % 2 == 1)
        body_ += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"currentColor\" fill-opacity=\"0.05\"/>\n",
            num(kMargin), num(y), num(plot_x1_ - kMargin), num(height));
      if (lane.kind == Lane::Kind::counter)
        draw_counter_lane(lane, y);
      else
        draw_thread_lane(lane, y);
      if (lane.kind == Lane::Kind::thread && !lane.states.empty() && !cpu_ids_.empty())
        body_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"6\" height=\"{}\" fill=\"{}\"/>\n", num(kMargin + 2),
                             num(y + kLanePadding / 2), num(height - kLanePadding), thread_colour(i));
      y += height;
    }
    return y;
  }

  int span_rows(const Lane& lane) const {
    if (lane.spans.empty() && !lane.states.empty()) return 0;
    return std::clamp(lane.depth_count, 1, std::max(1, depth_cap_));
  }
  // A lane of states only is one row of them; with spans too, a band above the spans.
  double state_band(const Lane& lane) const {
    if (lane.states.empty()) return 0;
    return lane.spans.empty() ? row_height_ : kStateBand + 2;
  }
  double lane_height(const Lane& lane) const { return span_rows(lane) * row_height_ + state_band(lane) + kLanePadding; }

  void draw_lane_label(const std::string& name, double y, const std::string& second_line = {}) {
    std::string shown = svg::fit(name, kFont, label_width_ - 12);
    std::string tooltip =
        shown != name ? fmt::format("<title>{}</title>", svg::text(svg::fit(name, kSmallFont, kLongestNamePx))) : "";
    body_ += fmt::format("<text x=\"{}\" y=\"{}\">{}{}</text>\n", num(kMargin + 12), num(y),
                         tooltip, svg::text(shown));
    if (!second_line.empty())
      body_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill-opacity=\"0.75\">{}</text>\n",
                           num(kMargin + 12), num(y + 21), num(kSmallFont), svg::text(second_line));
  }

  void draw_thread_lane(const Lane& lane, double top) {
    double band = state_band(lane);
    // The name beside the first row: the states', or the first row of spans.
    draw_lane_label(lane.thread_name, top + kLanePadding / 2 + (lane.spans.empty() ? 0 : band) + bar_height_ / 2 + 7);
    if (band > 0) draw_states(lane, top + kLanePadding / 2, lane.spans.empty() ? bar_height_ : kStateBand);
    int rows = span_rows(lane);
    for (int row = 0; row < rows; ++row) {
      double bar_y = top + kLanePadding / 2 + band + row * row_height_;
      draw_span_row(lane, row, rows, bar_y);
    }
    draw_instants(lane, top, lane_height(lane));
  }

  // The state the thread spent most of each pixel column in, as runs of one colour.
  // Bounded by the drawing's width whatever the sampling rate and the run's length.
  void draw_states(const Lane& lane, double y, double height) {
    const int columns = std::max(1, int(std::ceil(plot_x1_ - scale_.x0)));
    std::vector<std::array<double, std::size(kStateStyles)>> time(static_cast<size_t>(columns));
    auto style_index = [](const std::string& name) {
      for (size_t i = 0; i < std::size(kStateStyles); ++i)
        if (kStateStyles[i].name == name) return i;
      return std::size(kStateStyles) - 1;
    };
    for (size_t index : lane.states) {
      const TraceEvent& s = trace_.states[index];
      size_t style = style_index(s.name);
      state_time_[style] += s.dur_us;
      double x0 = scale_.x(s.ts_us) - scale_.x0, x1 = scale_.x(s.ts_us + s.dur_us) - scale_.x0;
      for (int c = std::max(0, int(std::floor(x0))); c < std::min(columns, int(std::ceil(x1))); ++c) {
        double overlap = std::min(x1, double(c + 1)) - std::max(x0, double(c));
        if (overlap > 0) time[size_t(c)][style] += overlap;
      }
    }
    PathBuckets paths;
    int run_start = 0;
    int run_style = -1;
    auto flush = [&](int end) {
      if (run_style >= 0)
        paths.add(std::string(kStateStyles[size_t(run_style)].colour), scale_.x0 + run_start, y, end - run_start, height);
    };
    for (int c = 0; c < columns; ++c) {
      const auto& t = time[size_t(c)];
      int best = -1;
      double most = 0;
      for (size_t i = 0; i < t.size(); ++i)
        if (t[i] > most) most = t[i], best = int(i);
      if (best != run_style) {
        flush(c);
        run_start = c;
        run_style = best;
      }
    }
    flush(columns);
    paths.emit(body_);
  }

  // The spans of one row: wide ones as elements of their own (with a tooltip and, when
  // they fit, their name), the rest into per-colour paths, merging sub-pixel runs.
  // A span whose CPU time is known is outlined in its colour and filled with an
  // opacity in proportion to CPU ÷ duration: how much of it ran, not when (a trace
  // does not say when within the span the thread was on a CPU).
  void draw_span_row(const Lane& lane, int row, int rows, double bar_y) {
    PathBuckets solid, outlines;
    std::map<std::pair<std::string, int>, std::string> shares;   // (colour, level) -> path
    std::string labels;
    Cluster cluster;
    // The whole pixels the last span drawn wide covers: a span nested below the last row
    // that covers the same ones adds nothing to see (100,000 nested spans made a 3 MB SVG).
    long last_left = -1, last_right = -1;
    auto flush = [&] {
      if (cluster.count == 0) return;
      if (cluster.count > 1) merged_spans_ += cluster.count, any_merged_mixed_ |= cluster.mixed;
      if (!cluster.mixed) note_name(*cluster.name, (cluster.x_end - cluster.x_begin) / scale_.px_per_us);
      const std::string& colour = cluster.mixed ? std::string(kMergedColour) : colour_of(*cluster.name);
      solid.add(colour, cluster.x_begin, bar_y, std::max(cluster.x_end - cluster.x_begin, 1.0), bar_height_);
      cluster = {};
    };
    for (size_t index : lane.spans) {
      const TraceEvent& span = trace_.spans[index];
      if (std::min(span.depth, rows - 1) != row) continue;
      double x = scale_.x(span.ts_us);
      double w = span.dur_us * scale_.px_per_us;
      if (w < 1) {
        if (cluster.count > 0 && x <= cluster.x_end + 1) {
          cluster.x_end = std::max(cluster.x_end, x + w);
          cluster.mixed |= *cluster.name != span.name;
          ++cluster.count;
          continue;
        }
        flush();
        cluster = {x, x + w, 1, &span.name, false};
        continue;
      }
      flush();
      const long left = std::lround(x), right = std::lround(x + w);
      if (span.depth > row && left == last_left && right == last_right) {
        ++hidden_deep_spans_;
        continue;
      }
      last_left = left, last_right = right;
      note_name(span.name, span.dur_us);
      const std::string& colour = colour_of(span.name);
      if (span.cpu_us && span.dur_us > 0) {
        any_cpu_ = true;
        double share = std::clamp(*span.cpu_us / span.dur_us, 0.0, 1.0);
        int level = int(std::lround(share * kShareLevels));
        shares[{colour, level}] += fmt::format("M{} {}h{}v{}h-{}z", num(x), num(bar_y), num(w), num(bar_height_), num(w));
        if (w >= 3) outlines.add(colour, x + 0.5, bar_y + 0.5, w - 1, bar_height_ - 1);
      } else {
        solid.add(colour, x, bar_y, w, bar_height_);
      }
      // Spans deeper than the last row overlap their parents there: no name for them.
      if (w >= kLabelMinBar && span.depth == row) labels += span_label(span, x, w, bar_y);
    }
    flush();
    solid.emit(body_);
    for (const auto& [key, d] : shares)
      body_ += fmt::format("<path fill=\"{}\" fill-opacity=\"{}\" d=\"{}\"/>\n", key.first,
                           num(std::max(double(key.second) / kShareLevels, kMinShareOpacity)), d);
    outlines.emit_outlines(body_);
    body_ += labels;
  }

  // The span's name inside its bar when it fits, and a tooltip with its numbers.
  std::string span_label(const TraceEvent& span, double x, double w, double bar_y) {
    std::string tooltip =
        fmt::format("{}: {}", svg::fit(span.name, kSmallFont, kLongestNamePx), format_duration(span.dur_us / 1e6));
    if (span.cpu_us) tooltip += fmt::format(", CPU {}", format_duration(*span.cpu_us / 1e6));
    if (span.unfinished) tooltip += " (never ended)";
    std::string name = svg::fit(span.name, kSmallFont, w - 8);
    bool fits = name.size() >= 2 && name != "…";
    // Text over a span takes the page's colour: a span that used little CPU is mostly
    // the slide's background.
    return fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\"><title>{}</title>{}</text>\n", num(x + 5),
                       num(bar_y + bar_height_ / 2 + 6), num(kSmallFont), svg::text(tooltip),
                       fits ? svg::text(name) : std::string());
  }

  // An instant (a failure, a cancellation, anything the snippet marked) is a line
  // down through its lane under a triangle, with its name on a tag beside it, so it
  // shows over the spans. Instants of one colour less than a pixel apart share a mark;
  // past kMaxInstantTags in a lane, or where a tag would cover the last one, the mark
  // stands alone and the legend names it.
  void draw_instants(const Lane& lane, double top, double height) {
    std::map<std::string, std::string> marks;
    std::map<std::string, double> last_x;
    std::string tags;
    size_t tagged = 0;
    double tag_end = -1e9;
    for (size_t index : lane.instants) {
      const TraceEvent& instant = trace_.instants[index];
      double x = scale_.x(instant.ts_us);
      const std::string& colour = colour_of(instant.name);
      auto it = last_x.find(colour);
      if (it != last_x.end() && x - it->second < 1) continue;
      last_x[colour] = x;
      note_instant(instant.name);
      marks[colour] += fmt::format("M{} {}h16l-8 12zM{} {}V{}", num(x - 8), num(top), num(x), num(top + 12),
                                   num(top + height));
      std::string name = svg::fit(instant.name, kSmallFont, 200);
      double w = svg::text_width(name, kSmallFont) + 12;
      double tag_x = x + 10 + w <= plot_x1_ ? x + 10 : x - 10 - w;   // right of the mark, or left at the end
      if (tagged < kMaxInstantTags && tag_x > tag_end + 4) {
        tags += fmt::format(
            "<g class=\"instant\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"22\" rx=\"3\" fill=\"{}\"/>"
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" style=\"fill:#111\">{}</text></g>\n",
            num(tag_x), num(top + 1), num(w), colour, num(tag_x + 6), num(top + 18), num(kSmallFont), svg::text(name));
        tag_end = tag_x + w;
        ++tagged;
      }
    }
    for (const auto& [colour, d] : marks)
      body_ += fmt::format("<path fill=\"{}\" stroke=\"currentColor\" stroke-width=\"1.5\" d=\"{}\"/>\n",
                           colour, d);
    body_ += tags;
  }

  void draw_counter_lane(const Lane& lane, double top) {
    // Every series of the lane shares one vertical scale from min(0, lowest) to highest.
    double low = 0, high = 0;
    std::map<std::string, bool> series;
    for (size_t index : lane.counters)
      for (const auto& [key, value] : trace_.counters[index].counter_values) {
        low = std::min(low, value);
        high = std::max(high, value);
        series[key] = true;
      }
    std::string range = fmt::format("{} – {}", format_count(low), format_count(high));
    draw_lane_label(lane.thread_name, top + 20, range);
    double y_bottom = top + kCounterHeight - 5, y_top = top + 6;
    auto y_of = [&](double v) {
      return high > low ? y_bottom - (v - low) / (high - low) * (y_bottom - y_top) : y_bottom;
    };
    size_t drawn = 0;
    for (const auto& [key, unused] : series) {
      if (drawn++ == kMaxCounterSeries) {
        hidden_series_ += series.size() - kMaxCounterSeries;
        break;
      }
      // Values within half a pixel of each other make one vertical stroke over their
      // range, ending at the last: a path no longer than the plot is wide, however many
      // values (20,000 values of 50 series made a 6 MB SVG, issue 24).
      std::string d;
      double column_x = -1, low_y = 0, high_y = 0, last_y = 0;
      auto end_column = [&] {
        if (column_x < 0) return;
        if (low_y != high_y) d += fmt::format("V{}V{}V{}", num(low_y), num(high_y), num(last_y));
      };
      for (size_t index : lane.counters) {
        const auto& values = trace_.counters[index].counter_values;
        auto it = values.find(key);
        if (it == values.end()) continue;
        double x = scale_.x(trace_.counters[index].ts_us), y = y_of(it->second);
        if (column_x >= 0 && x - column_x < 0.5) {
          low_y = std::min(low_y, y), high_y = std::max(high_y, y), last_y = y;
          continue;
        }
        end_column();
        d += column_x < 0 ? fmt::format("M{} {}", num(x), num(y)) : fmt::format("H{}V{}", num(x), num(y));
        column_x = x, low_y = high_y = last_y = y;
      }
      end_column();
      d += fmt::format("H{}", num(plot_x1_));
      std::string name = series.size() > 1 ? lane.thread_name + "." + key : lane.thread_name;
      body_ += fmt::format("<path fill=\"none\" stroke=\"{}\" stroke-width=\"2\" d=\"{}\"/>\n",
                           colour_of(name), d);
      if (series.size() > 1) note_series(name);
    }
  }

  struct LegendEntry {
    std::string label, colour;
    enum { bar, marker, line, running } shape;
    bool key = false;          // words saying what colours mean: wrapped, never cut
    std::string tooltip = {};
  };

  // Names (spans, instants, counter series) first, then the keys to the drawing's colours
  // and fills, in at most kMaxLegendRows at the drawing's width (laid out by the same
  // text widths as the rest of the figure). Past that the legend gives way in steps:
  // names are left out from the end, and a "+N more" entry (their names in its tooltip)
  // says how many; then the keys take their short words (the whole words in their
  // tooltips) and the names come back as far as they fit; then, in the narrowest column,
  // keys are left out from the end into "+N more" too, their words first in its tooltip.
  double draw_legend(double y) {
    std::vector<std::pair<std::string, double>> spans(span_time_.begin(), span_time_.end());
    std::stable_sort(spans.begin(), spans.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<LegendEntry> names, keys, short_keys;
    std::vector<std::string> unlisted;   // span names past kMaxLegendEntries
    for (const auto& [name, unused] : spans)
      if (names.size() < size_t(kMaxLegendEntries)) names.push_back({name, colour_of(name), LegendEntry::bar});
      else unlisted.push_back(name);
    for (const auto& name : instant_names_) names.push_back({name, colour_of(name), LegendEntry::marker});
    for (const auto& name : series_names_) names.push_back({name, colour_of(name), LegendEntry::line});
    auto key = [&](std::string_view words, std::string_view short_words, std::string colour, auto shape) {
      keys.push_back({std::string(words), colour, shape, true});
      short_keys.push_back({std::string(short_words), std::move(colour), shape, true,
                            short_words == words ? std::string() : std::string(words)});
    };
    if (any_merged_mixed_) key("several, merged", "merged", kMergedColour, LegendEntry::bar);
    for (const StateStyle& style : kStateStyles)
      if (state_time_[size_t(&style - kStateStyles)] > 0)
        key(style.words, style.short_words, std::string(style.colour), LegendEntry::bar);
    if (any_cpu_) key(kCpuFillWords, kCpuFillShortWords, "#5b9bd5", LegendEntry::running);
    if (names.empty() && keys.empty() && unlisted.empty()) return y;

    // The first `shown` names, the "+N more" entry for the rest, the first `kept` keys.
    auto with = [&](size_t shown, const std::vector<LegendEntry>& key_set, size_t kept) {
      std::vector<LegendEntry> entries(names.begin(), names.begin() + long(shown));
      std::vector<std::string> rest;
      for (size_t i = kept; i < key_set.size(); ++i) rest.push_back(keys[i].label);
      for (size_t i = shown; i < names.size(); ++i) rest.push_back(names[i].label);
      rest.insert(rest.end(), unlisted.begin(), unlisted.end());
      if (!rest.empty()) {
        std::string all;
        for (const std::string& name : rest) all += (all.empty() ? "" : ", ") + name;
        entries.push_back({fmt::format("+{} more", rest.size()), "", LegendEntry::bar, true,
                           svg::fit(all, kSmallFont, 2 * kLongestNamePx)});
      }
      entries.insert(entries.end(), key_set.begin(), key_set.begin() + long(kept));
      return entries;
    };
    auto fits = [&](const std::vector<LegendEntry>& entries) { return legend_rows(entries) <= kMaxLegendRows; };
    std::vector<LegendEntry> entries;
    [&] {
      for (const std::vector<LegendEntry>* key_set : {&keys, &short_keys})
        for (size_t shown = names.size() + 1; shown-- > 0;)
          if (fits(entries = with(shown, *key_set, key_set->size()))) return;
      for (size_t kept = short_keys.size(); kept-- > 0;)
        if (fits(entries = with(0, short_keys, kept))) return;
    }();
    body_ += fmt::format("<g class=\"legend\" font-size=\"{}\">\n", num(kSmallFont));
    y = lay_out_legend(entries, y, &body_);
    body_ += "</g>\n";
    return y + kLegendRow;
  }

  int legend_rows(const std::vector<LegendEntry>& entries) const {
    return int(std::lround(lay_out_legend(entries, 0, nullptr) / kLegendRow)) + 1;
  }

  // Places the entries in rows from `y` (drawing them into `out` when given) and returns
  // the top of the last row.
  double lay_out_legend(const std::vector<LegendEntry>& entries, double y, std::string* out) const {
    double x = kMargin, right = options_.width - kMargin;
    // A name's swatch and its whole (cut) name fit the row, however narrow.
    const double name_px = std::min(std::max(kLegendNamePx, (right - kMargin) / 3), right - kMargin - 22);
    for (const LegendEntry& e : entries) {
      double swatch = e.shape == LegendEntry::running ? 40 : 22;
      // A name is cut to a third of the row; a key wraps instead.
      const std::string label = svg::fit(e.label, kSmallFont, e.key ? kLongestNamePx : name_px);
      double w = swatch + svg::text_width(label, kSmallFont) + 18;
      if (x > kMargin && x + w > right) x = kMargin, y += kLegendRow;
      double cy = y + kLegendRow / 2;
      double text_x = e.colour.empty() ? x : x + swatch;
      // A label wider than a narrow drawing (one in a column) goes on as many rows as it
      // needs, and the next entry starts a row of its own.
      std::vector<std::string> lines = svg::wrap(label, kSmallFont, right - text_x);
      if (out) {
        std::string& body = *out;
        switch (e.shape) {
          case LegendEntry::bar:
            if (!e.colour.empty())
              body += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"16\" fill=\"{}\"/>\n",
                                  num(x), num(cy - 8), e.colour);
            break;
          case LegendEntry::marker:
            body += fmt::format("<path fill=\"{}\" stroke=\"currentColor\" d=\"M{} {}h16l-8 12z\"/>\n",
                                e.colour, num(x), num(cy - 7));
            break;
          case LegendEntry::line:
            body += fmt::format("<path stroke=\"{}\" stroke-width=\"2\" fill=\"none\" d=\"M{} {}h6v-6h10\"/>\n",
                                e.colour, num(x), num(cy + 3));
            break;
          case LegendEntry::running:
            // Three swatches: all, half and none of the span on CPU.
            body += fmt::format(
                "<path fill=\"{c}\" d=\"M{a} {y}h10v16h-10z\"/><path fill=\"{c}\" fill-opacity=\"0.5\" d=\"M{b} {y}h10v16h-10z\"/>"
                "<path fill=\"none\" stroke=\"{c}\" stroke-width=\"1.5\" d=\"M{a} {y}h34v16h-34z\"/>\n",
                fmt::arg("c", e.colour), fmt::arg("a", num(x)), fmt::arg("b", num(x + 12)), fmt::arg("y", num(cy - 8)));
            break;
        }
        std::string whole = !e.tooltip.empty() ? e.tooltip
                            : label != e.label ? svg::fit(e.label, kSmallFont, kLongestNamePx) : std::string();
        std::string tooltip = whole.empty() ? "" : fmt::format("<title>{}</title>", svg::text(whole));
        for (size_t i = 0; i < lines.size(); ++i)
          body += fmt::format("<text x=\"{}\" y=\"{}\">{}{}</text>\n", num(text_x), num(cy + 6 + double(i) * kLegendRow),
                              i == 0 ? tooltip : "", svg::text(lines[i]));
      }
      x = text_x + svg::text_width(label, kSmallFont) + 18;
      if (lines.size() > 1) y += double(lines.size() - 1) * kLegendRow, x = right;
    }
    return y;
  }

  double draw_notes(double y) {
    std::vector<std::string> notes;
    if (merged_spans_ > 0)
      notes.push_back(fmt::format("{} spans narrower than a pixel merged", format_count(double(merged_spans_))));
    if (const std::optional<SamplerNote>& s = trace_.sampler) {
      std::string note = fmt::format("thread states sampled from outside at {} Hz", format_count(std::round(s->rate_hz)));
      if (s->missed_ticks > 0)
        note += fmt::format(" ({} {} missed)", format_count(s->missed_ticks), s->missed_ticks == 1 ? "tick" : "ticks");
      note += fmt::format("; the sampler used {} of CPU", format_duration(s->cpu_ms / 1e3));
      notes.push_back(note);
      if (s->started_threads && s->short_threads > 0)
        notes.push_back(fmt::format("{} thread{} too short to draw (of {} started)", format_count(s->short_threads),
                                    s->short_threads == 1 ? "" : "s", format_count(*s->started_threads)));
      else if (s->short_threads > 0)
        notes.push_back(fmt::format("{} thread{} seen at one sample only: too short to draw", format_count(s->short_threads),
                                    s->short_threads == 1 ? "" : "s"));
      if (!s->short_threads_missed.empty())
        notes.push_back(fmt::format("threads shorter than a tick may be missed: {}", s->short_threads_missed));
      if (s->dropped_intervals > 0)
        notes.push_back(fmt::format("{} later state changes not kept (the trace keeps 200,000): the drawing ends early",
                                    format_count(s->dropped_intervals)));
    }
    if (hidden_series_ > 0)
      notes.push_back(fmt::format("{} more counter series not drawn (at most {} a lane)", format_count(double(hidden_series_)),
                                  kMaxCounterSeries));
    if (hidden_deep_spans_ > 0)
      notes.push_back(fmt::format("{} spans nested below the last row not drawn: they cover no pixel the span around them "
                                  "does not", format_count(double(hidden_deep_spans_))));
    if (hidden_lanes_ > 0)
      notes.push_back(fmt::format("{} more lane{} not shown", hidden_lanes_, hidden_lanes_ == 1 ? "" : "s"));
    if (hidden_cpus_ > 0)
      notes.push_back(fmt::format("{} more CPU{} not shown (the rows are the CPUs the threads ran on longest)",
                                  hidden_cpus_, hidden_cpus_ == 1 ? "" : "s"));
    for (const std::string& w : trace_.warnings) notes.push_back(w);
    // Past the last row the rest share one line, whole in its tooltip.
    if (notes.size() > kMaxNoteRows) {
      std::string rest;
      for (size_t i = kMaxNoteRows - 1; i < notes.size(); ++i) rest += (rest.empty() ? "" : "; ") + notes[i];
      notes.resize(kMaxNoteRows - 1);
      notes.push_back(rest);
    }
    for (const std::string& note : notes) {
      y += kNoteRow;
      std::string shown = svg::fit(note, kSmallFont, options_.width - 2 * kMargin);
      std::string tooltip =
          shown != note ? fmt::format("<title>{}</title>", svg::text(svg::fit(note, kSmallFont, 2 * kLongestNamePx))) : "";
      body_ += fmt::format(
          "<text class=\"timeline-note\" x=\"{}\" y=\"{}\" font-size=\"{}\" fill-opacity=\"0.8\">{}{}</text>\n",
          num(kMargin), num(y - 6), num(kSmallFont), tooltip, svg::text(shown));
    }
    return y;
  }

  // Each name keeps the colour its hash picks unless an earlier name (alphabetically) in
  // this trace took it; then it gets the next free one, so that two names on one slide
  // share a colour only when there are more names than colours.
  void assign_colours() {
    std::set<std::string> names;
    for (const Lane* lane : lanes_) {
      for (size_t i : lane->spans) names.insert(trace_.spans[i].name);
      for (size_t i : lane->instants) names.insert(trace_.instants[i].name);
      for (size_t i : lane->counters) {
        names.insert(lane->thread_name);
        for (const auto& [key, unused] : trace_.counters[i].counter_values)
          names.insert(lane->thread_name + "." + key);
      }
    }
    const std::vector<std::string>& palette = svg::palette();
    std::vector<bool> taken(palette.size());
    size_t free_left = palette.size();
    for (const std::string& name : names) {
      size_t slot = svg::palette_index(name);
      if (free_left > 0) {
        while (taken[slot]) slot = (slot + 1) % palette.size();
        taken[slot] = true;
        --free_left;
      }
      colours_[name] = palette[slot];
    }
  }

  const std::string& colour_of(const std::string& name) {
    auto it = colours_.find(name);
    if (it == colours_.end()) it = colours_.emplace(name, svg::colour_for(name)).first;
    return it->second;
  }
  void note_name(const std::string& name, double dur_us) { span_time_[name] += dur_us; }
  void note_instant(const std::string& name) {
    if (std::find(instant_names_.begin(), instant_names_.end(), name) == instant_names_.end() &&
        instant_names_.size() < 4)
      instant_names_.push_back(name);
  }
  void note_series(const std::string& name) {
    if (std::find(series_names_.begin(), series_names_.end(), name) == series_names_.end())
      series_names_.push_back(name);
  }

  const Trace& trace_;
  const TimelineOptions& options_;
  std::vector<const Lane*> lanes_;
  size_t hidden_lanes_ = 0;
  TimeScale scale_{};
  double plot_x1_ = 0;
  double label_width_ = kLabelWidth;  // lane names: narrower in a narrow drawing
  double row_height_ = kRowHeight, bar_height_ = kBarHeight;   // after stretch_rows()
  double reserved_ = 0;
  double height_ = 0;                                           // after write()
  std::string body_;
  std::map<std::string, std::string> colours_;
  std::map<std::string, double> span_time_;   // drawn spans' total time per name, for the legend
  std::vector<std::string> instant_names_, series_names_;
  size_t merged_spans_ = 0;
  size_t hidden_series_ = 0;      // counter series past kMaxCounterSeries in their lane
  size_t hidden_deep_spans_ = 0;  // spans below the last row with their drawn parent's pixels
  bool any_merged_mixed_ = false, any_cpu_ = false;
  std::array<double, std::size(kStateStyles)> state_time_{};   // drawn states' time, for the legend
  std::vector<int> cpu_ids_;                                     // CPU rows drawn
  size_t cpu_limit_ = kMaxCpuRows;                               // after fit_rows()
  size_t hidden_cpus_ = 0;                                       // CPUs run on but not drawn
  int depth_cap_ = 3;                                            // span rows per lane, after fit_height()
};

}  // namespace

std::string timeline_svg(const Trace& trace, const TimelineOptions& options) {
  // Rows are stretched towards kTargetHeight before the legend and notes are laid out,
  // with two legend rows budgeted. A legend that wraps to three, or a "more lanes" note,
  // makes the drawing taller than a slide with a heading leaves free. Drawn again with
  // that overshoot kept from the rows, it ends at the target (never below unstretched rows);
  // a third time when fewer lanes brought a note of their own.
  double reserved = 0;
  std::string svg;
  for (int pass = 0; pass < 3; ++pass) {
    TimelineWriter writer(trace, options, reserved);
    svg = writer.write();
    double overshoot = writer.height() - kTargetHeight;
    if (overshoot < 1) break;
    reserved += overshoot;
  }
  return svg;
}

}  // namespace deckgen
