#include "pipeline/schedule.h"

#include <stdexcept>

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

void SnippetSchedule::add(size_t snippet, Timing timing, int warmup, int runs) {
  order_.push_back(snippet);
  entries_.push_back({snippet, timing, -warmup, runs, timing == Timing::shared || -warmup >= runs});
}

SnippetSchedule::Entry* SnippetSchedule::find(size_t snippet) {
  for (Entry& e : entries_)
    if (e.snippet == snippet) return &e;
  return nullptr;
}

const SnippetSchedule::Entry* SnippetSchedule::find(size_t snippet) const {
  return const_cast<SnippetSchedule*>(this)->find(snippet);
}

bool SnippetSchedule::runs_whole_in_shared_phase(size_t snippet) const {
  const Entry* e = find(snippet);
  return e && e->timing == Timing::shared;
}

void SnippetSchedule::drop(size_t snippet) {
  if (Entry* e = find(snippet)) e->finished = true;
}

std::optional<TimedStep> SnippetSchedule::next_timed() {
  // A programming error, not an input error: two timed runs at once would time each other.
  if (step_out_) throw std::logic_error("next_timed before the previous step was done");
  // Today: each snippet's runs together, in plan order (the order issue 11 will change).
  for (Entry& e : entries_) {
    if (e.finished) continue;
    step_out_ = true;
    return TimedStep{e.snippet, e.next_run};
  }
  return std::nullopt;
}

bool SnippetSchedule::done(const TimedStep& step, StepOutcome outcome) {
  step_out_ = false;
  Entry* e = find(step.snippet);
  if (!e) throw std::logic_error("done for a snippet that was never added");
  e->next_run = step.run + 1;
  e->finished = outcome == StepOutcome::failed || e->next_run >= e->runs;
  return e->finished;
}

}  // namespace deckgen
