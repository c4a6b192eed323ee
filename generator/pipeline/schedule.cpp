#include "pipeline/schedule.h"

namespace deckgen {

std::set<std::string> timing_sensitive_snippets(const Deck& deck, const Plan& plan) {
  std::set<std::string> ids;
  for (const PlannedSnippet& s : plan.snippets)
    if (s.spec.show_timing) ids.insert(s.spec.id);
  for (const Placeholder& p : deck.placeholders) {
    if (p.kind == Placeholder::Kind::stat || p.kind == Placeholder::Kind::ratio) ids.insert(p.a.id);
    if (p.kind == Placeholder::Kind::ratio) ids.insert(p.b.id);
  }
  for (const ClaimSpec& c : deck.claims) {
    if (c.kind == ClaimSpec::Kind::value) {
      ids.insert(c.value.id);
    } else {
      ids.insert(c.a);
      ids.insert(c.b);
    }
  }
  for (const ChartSpec& c : deck.charts) ids.insert(c.snippets.begin(), c.snippets.end());
  for (const TimelineSpec& t : deck.timelines) ids.insert(t.snippet);
  return ids;
}

}  // namespace deckgen
