#include "render/claim_html.h"

#include <fmt/format.h>

#include "render/html.h"

namespace deckgen {

// Closed by default, passed or failed: the verdict line (its mark drawn by theme.css)
// is what the audience reads, and the evidence opens over the slide on a click.
std::string claim_html(const ClaimResult& r) {
  // The snippets it is about: `deckgen present` marks the claim when one of them reruns.
  const ClaimSpec& c = r.spec;
  std::string out = "<details data-snippets=\"";
  std::vector<std::string> reads = claim_snippets(c);
  append_escaped(out, fmt::format("{}", fmt::join(reads, " ")));
  out += "\" ";
  // Skipped claims are said plainly, not shown green: nothing was shown to hold.
  switch (r.outcome) {
    case ClaimOutcome::holds:
      out += r.fragile ? "class=\"claim ok fragile\"><summary>" : "class=\"claim ok\"><summary>";
      break;
    case ClaimOutcome::skipped: out += "class=\"claim skipped\"><summary>Claim skipped: "; break;
    // Amber, not red: the measurements did not contradict it, they could not tell.
    case ClaimOutcome::undecided:
      out += "class=\"claim undecided\" role=\"status\"><summary><span class=\"claim-failed\">Claim undecided:</span> ";
      break;
    case ClaimOutcome::fails:
      out += "class=\"claim fail\" role=\"alert\"><summary><span class=\"claim-failed\">Claim failed:</span> ";
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

std::string claim_per_mask_html(const std::vector<std::string>& labels, const std::vector<std::string>& claim_htmls) {
  std::string out = "<div class=\"claim-masks\">\n";
  for (size_t i = 0; i < labels.size() && i < claim_htmls.size(); ++i) {
    out += "<div class=\"claim-mask\"><p class=\"claim-mask-name\">";
    append_escaped(out, labels[i]);
    out += "</p>\n" + claim_htmls[i] + "</div>\n";
  }
  out += "</div>\n";
  return out;
}

}  // namespace deckgen
