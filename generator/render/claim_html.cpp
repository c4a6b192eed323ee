#include "render/claim_html.h"

#include "render/html.h"

namespace deckgen {

// Closed by default, passed or failed: the verdict line (its mark drawn by theme.css)
// is what the audience reads, and the evidence opens over the slide on a click.
std::string claim_html(const ClaimResult& r) {
  std::string out;
  // Skipped claims are said plainly, not shown green: nothing was shown to hold.
  switch (r.outcome) {
    case ClaimOutcome::holds:
      out += r.fragile ? "<details class=\"claim ok fragile\"><summary>" : "<details class=\"claim ok\"><summary>";
      break;
    case ClaimOutcome::skipped: out += "<details class=\"claim skipped\"><summary>Claim skipped: "; break;
    case ClaimOutcome::undecided:
      out += "<details class=\"claim fail\" role=\"alert\"><summary><span class=\"claim-failed\">Claim undecided:</span> ";
      break;
    case ClaimOutcome::fails:
      out += "<details class=\"claim fail\" role=\"alert\"><summary><span class=\"claim-failed\">Claim failed:</span> ";
      break;
  }
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
