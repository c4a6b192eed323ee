#include "render/claim_html.h"

#include "render/html.h"

namespace deckgen {

// Closed by default, passed or failed: the verdict line (its mark drawn by theme.css)
// is what the audience reads, and the evidence opens over the slide on a click.
std::string claim_html(const ClaimResult& r) {
  std::string out = r.ok ? "<details class=\"claim ok\"><summary>" : "<details class=\"claim fail\" role=\"alert\"><summary>";
  if (!r.ok) out += "<span class=\"claim-failed\">Claim failed:</span> ";
  append_escaped(out, r.verdict);
  out += "</summary>";
  if (!r.evidence.empty()) {
    out += "<div class=\"overlay\"><p class=\"evidence\">";
    append_escaped(out, r.evidence);
    out += "</p></div>";
  }
  out += "</details>\n";
  return out;
}

}  // namespace deckgen
