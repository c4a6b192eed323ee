#include "render/claim_html.h"

#include "render/html.h"

namespace deckgen {

std::string claim_html(const ClaimResult& r) {
  std::string out;
  // Skipped claims are said plainly, not shown green: nothing was shown to hold.
  switch (r.outcome) {
    case ClaimOutcome::holds:
      out += r.fragile ? "<details class=\"claim ok fragile\"><summary>" : "<details class=\"claim ok\"><summary>";
      break;
    case ClaimOutcome::skipped: out += "<details class=\"claim skipped\"><summary>Claim skipped: "; break;
    case ClaimOutcome::undecided: out += "<details class=\"claim fail\" open><summary>Claim undecided: "; break;
    case ClaimOutcome::fails: out += "<details class=\"claim fail\" open><summary>Claim failed: "; break;
  }
  append_escaped(out, r.verdict);
  out += "</summary>";
  if (!r.evidence.empty()) {
    out += "<p class=\"evidence\">";
    append_escaped(out, r.evidence);
    out += "</p>";
  }
  out += "</details>\n";
  return out;
}

}  // namespace deckgen
