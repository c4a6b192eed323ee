#include "render/claim_html.h"

#include "render/html.h"

namespace deckgen {

std::string claim_html(const ClaimResult& r) {
  std::string out = r.ok ? "<details class=\"claim ok\"><summary>" : "<details class=\"claim fail\" open><summary>";
  if (!r.ok) out += "Claim failed: ";
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
