#include "render/provenance_slide.h"

#include <fmt/format.h>

#include "measure/units.h"
#include "render/html.h"
#include "render/snippet_html.h"

namespace deckgen {

RenderedSlide provenance_slide(const Provenance& p, size_t snippet_count, double measuring_seconds,
                               const std::vector<MaskSummary>& masks) {
  RenderedSlide s;
  s.css_class = "measured-on";
  std::string& out = s.html;
  auto row = [&](std::string_view label, const std::string& value) {
    if (value.empty()) return;
    out += "<tr><th>";
    append_escaped(out, label);
    out += "</th><td>";
    append_escaped(out, value);
    out += "</td></tr>\n";
  };
  out += "<h2>Measured on</h2>\n<table class=\"provenance\">\n";
  const Machine& m = p.machine;
  row("CPU", m.cpu_model);
  row("cores", describe_cores(m));
  row("CPU limits", describe_cpu_limits(m));
  row("memory", format_bytes(static_cast<double>(m.memory_bytes)));
  row("system", m.distribution.empty() ? m.kernel : fmt::format("{}, {}", m.distribution, m.kernel));
  for (const ToolInfo& t : p.tools) row(t.language, t.version.empty() ? t.path : fmt::format("{} ({})", t.version, t.path));
  row("built", fmt::format("{} by deckgen {}{}", p.date, p.deckgen_version,
                           p.git_revision.empty() ? "" : fmt::format(", deck at {}", p.git_revision)));
  row("snippets", fmt::format("{} run in {}", snippet_count, format_duration(measuring_seconds)));
  for (size_t i = 0; i < masks.size(); ++i)  // the first mask's runs are the ones the slides show
    row(fmt::format("--cpus {}", masks[i].cpus),
        fmt::format("{}{}{}", masks[i].label, masks[i].outcome.empty() ? "" : ": " + masks[i].outcome,
                    i == 0 ? " (the runs shown)" : ""));
  if (p.overhead.true_wall.n > 0) {
    std::string overhead = fmt::format("{} per process start", format_spread(p.overhead.true_wall, format_duration));
    if (p.overhead.python_start_wall.n > 0)
      overhead += fmt::format("; Python's empty start {}", format_spread(p.overhead.python_start_wall, format_duration));
    row("harness", overhead);
  }
  out += "</table>\n";
  s.notes = "<p>Every number in this deck was measured on this machine during this build.</p>\n";
  return s;
}

}  // namespace deckgen
