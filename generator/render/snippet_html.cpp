#include "render/snippet_html.h"

#include <fmt/format.h>

#include "measure/median_run.h"
#include "measure/units.h"
#include "measure/values.h"
#include "model/metrics.h"
#include "render/code_html.h"
#include "render/html.h"

namespace deckgen {
namespace {

// Only the end of a long stderr is shown in an error box: that is where the error is.
std::string tail_lines(const std::string& text, size_t max_lines) {
  size_t at = text.size(), lines = 0;
  while (at > 0 && lines <= max_lines) {
    at = text.rfind('\n', at - 1);
    if (at == std::string::npos) return text;
    ++lines;
  }
  return "…\n" + text.substr(at + 1);
}

// What the program printed, with the snippets folder's absolute path (in a traceback, a
// compiler error) named as the deck names it. Only the slide's text changes: the result
// kept in the cache and the report is the program's own.
std::string with_paths_on_slides(std::string text, const PlannedSnippet& snippet) {
  const std::string& from = snippet.folder_in_messages;
  const std::string& to = snippet.folder_on_slides;
  if (from.empty() || from == to) return text;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

void write_output(std::string& out, const char* css_class, const CapturedText& t, const PlannedSnippet& snippet) {
  if (t.text.empty() && t.cut_bytes == 0) return;
  fmt::format_to(std::back_inserter(out), "<pre class=\"{}\">", css_class);
  append_escaped(out, with_paths_on_slides(t.text, snippet));
  if (t.cut_bytes > 0)
    fmt::format_to(std::back_inserter(out), "<span class=\"cut\">… {} more not shown ({} in all)</span>",
                   format_bytes(static_cast<double>(t.cut_bytes)), format_bytes(static_cast<double>(t.total_bytes)));
  out += "</pre>\n";
}

void stats_row(std::string& out, const BuiltinMetric& metric, const Summary& s) {
  auto format = [&](double v) { return format_metric_value(v, std::string(metric.name), ""); };
  fmt::format_to(std::back_inserter(out),
                 "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                 metric.label, s.n, format(s.median), format(s.mad), format(s.mean), format(s.stddev), format(s.min),
                 format(s.max));
}

void write_timing(std::string& out, const SnippetResult& r, bool busy_note) {
  auto wall = r.stats.find("wall");
  if (wall == r.stats.end()) return;
  const Summary& w = wall->second;
  const Summary& user = r.stats.at("user");
  const Summary& sys = r.stats.at("sys");
  out += "<details class=\"timing\"><summary>";
  fmt::format_to(std::back_inserter(out), "<span class=\"wall\">{}</span> · CPU {} user + {} sys · peak RSS {} · {} context switches",
                 escape_html(format_spread(w, format_duration)), escape_html(format_duration(user.median)),
                 escape_html(format_duration(sys.median)), escape_html(format_bytes(r.stats.at("rss").median)),
                 escape_html(format_count(r.stats.at("ctx").median)));
  if (w.unstable) out += " · <span class=\"flag\">unstable: σ/mean ≥ 10%</span>";
  if (!w.outliers.empty()) fmt::format_to(std::back_inserter(out), " · <span class=\"flag\">{} outlier(s)</span>", w.outliers.size());
  if (busy_note && r.busy_runs > 0)
    fmt::format_to(std::back_inserter(out), " · <span class=\"flag busy\">machine busy during {} of {} runs</span>", r.busy_runs, r.runs.size());
  // The table opens as an overlay over the slide (theme.css), so it never pushes the
  // code and output off the slide.
  out += "</summary>\n<div class=\"overlay\"><table class=\"stats\"><thead><tr><th></th><th>n</th><th>median</th><th>MAD</th><th>mean</th>"
         "<th>σ</th><th>min</th><th>max</th></tr></thead><tbody>\n";
  for (const BuiltinMetric& metric : builtin_metrics()) {
    auto s = r.stats.find(std::string(metric.name));
    if (s != r.stats.end()) stats_row(out, metric, s->second);
  }
  for (const auto& [name, s] : r.metric_stats) {
    const std::string& unit = r.metrics.at(name).unit;
    auto plain = [](double v) { return fmt::format("{:.4g}", v); };
    fmt::format_to(std::back_inserter(out),
                   "<tr><th>{} ({})</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                   escape_html(name), escape_html(unit.empty() ? "-" : unit), s.n, plain(s.median), plain(s.mad),
                   plain(s.mean), plain(s.stddev), plain(s.min), plain(s.max));
  }
  out += "</tbody></table>\n";
  fmt::format_to(std::back_inserter(out), "<p class=\"runs\">{} timed run(s) after {} warmup(s)", r.runs.size(), r.warmup_runs);
  if (r.compiled)
    fmt::format_to(std::back_inserter(out), "; compiled in {}{}", escape_html(format_duration(r.compile_seconds)),
                   r.compile_reused ? " by an earlier build" : "");
  out += ".</p></div></details>\n";
}

// What the run showed: the failure box and the output.
void write_result(std::string& out, const PlannedSnippet& snippet, const SnippetResult* result) {
  const SnippetSpec& spec = snippet.spec;
  if (!result) {
    out += "<div class=\"snippet-error\"><strong>not run</strong></div>\n";
    return;
  }
  bool failed = result->outcome == Outcome::failed;
  if (failed) {
    out += "<div class=\"snippet-error\" role=\"alert\"><strong>✖ ";
    append_escaped(out, spec.id);
    out += ": ";
    append_escaped(out, result->failure);
    out += "</strong>\n";
    if (!result->compile_output.empty()) {
      out += "<pre>";
      append_escaped(out, with_paths_on_slides(tail_lines(result->compile_output, 15), snippet));
      out += "</pre>\n";
    } else if (!result->err.text.empty()) {
      out += "<pre>";
      append_escaped(out, with_paths_on_slides(tail_lines(result->err.text, 12), snippet));
      out += "</pre>\n";
    }
    out += "</div>\n";
  }
  if (spec.show_output) {
    write_output(out, "snippet-output", result->out, snippet);
    // Which run printed it, so the output and the medians quoted beside it agree.
    if (result->shown_run >= 0 && result->runs.size() > 1 && !(result->out.text.empty() && result->out.cut_bytes == 0))
      fmt::format_to(std::back_inserter(out), "<p class=\"shown-run\">{}</p>\n",
                     escape_html(median_run_caption(static_cast<size_t>(result->shown_run), result->runs.size())));
    if (!failed) write_output(out, "snippet-output stderr", result->err, snippet);
  }
}

}  // namespace

std::string format_spread(const Summary& s, std::string (*format)(double)) {
  return fmt::format("{} ± {} (n={})", format(s.median), format(s.mad), s.n);
}

void write_snippet(std::string& out, const PlannedSnippet& snippet, const SnippetResult* result,
                   const std::string* highlighted, bool busy_note) {
  const SnippetSpec& spec = snippet.spec;
  bool failed = result && result->outcome == Outcome::failed;
  out += "<div class=\"snippet";
  if (failed) out += " failed";
  out += "\" data-snippet=\"";
  append_escaped(out, spec.id);
  out += "\">\n";
  // Beside the code, the output takes the right-hand column (Quarto's output-location: column).
  bool columns = spec.output_location == OutputLocation::column && spec.show_code;
  if (columns) out += "<div class=\"columns snippet-columns\">\n<div class=\"column\">\n";
  if (spec.show_code) write_code(out, snippet.language.pygments, snippet.shown_code, highlighted, CodeLook{spec.lines});
  if (columns) out += "</div>\n<div class=\"column\">\n";
  write_result(out, snippet, result);
  if (columns) out += "</div>\n</div>\n";
  if (result && spec.show_timing) write_timing(out, *result, busy_note);
  out += "</div>\n";
}

}  // namespace deckgen
