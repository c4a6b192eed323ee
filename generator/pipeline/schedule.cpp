#include "pipeline/schedule.h"

#include <map>
#include <numeric>
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
  for (const ClaimSpec& c : deck.claims)
    for (const std::string& id : claim_snippets(c)) ids.insert(id);
  for (const ChartSpec& c : deck.charts) ids.insert(c.snippets.begin(), c.snippets.end());
  for (const TimelineSpec& t : deck.timelines) ids.insert(t.snippet);
  return ids;
}

std::vector<size_t> measured_together(const Deck& deck, const Plan& plan) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < plan.snippets.size(); ++i) index[plan.snippets[i].spec.id] = i;
  // Union-find over plan indices; the root is always the smallest index of its group,
  // so a group is named by its first snippet whatever order the joins came in.
  std::vector<size_t> parent(plan.snippets.size());
  std::iota(parent.begin(), parent.end(), size_t{0});
  auto root = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  auto join = [&](const std::string& x, const std::string& y) {
    auto a = index.find(x), b = index.find(y);
    if (a == index.end() || b == index.end()) return;  // an unknown id is the reader's error, not ours
    size_t ra = root(a->second), rb = root(b->second);
    if (ra > rb) std::swap(ra, rb);
    parent[rb] = ra;
  };
  for (const ClaimSpec& c : deck.claims)
    if (compares_two(c.kind)) join(c.a, c.b);
  for (const ChartSpec& c : deck.charts)
    for (const std::string& id : c.snippets) join(c.snippets.front(), id);
  for (const Placeholder& p : deck.placeholders)
    if (p.kind == Placeholder::Kind::ratio) join(p.a.id, p.b.id);
  std::vector<size_t> group(plan.snippets.size());
  for (size_t i = 0; i < group.size(); ++i) group[i] = root(i);
  return group;
}

void SnippetSchedule::add(size_t snippet, Timing timing, int warmup, int runs, size_t group) {
  order_.push_back(snippet);
  entries_.push_back({snippet, group, timing, -warmup, runs, timing == Timing::shared || -warmup >= runs});
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
  // A group, once started, is finished before the next (the group of the first snippet
  // with steps left); in it, the snippet with the fewest steps made (warmups count below
  // zero, so every warmup comes before any timed run), one of those at random on a tie:
  // A-1 B-1 A0 B0 B1 A1 ..., and a snippet with more runs than the others ends alone.
  auto open = [&](size_t group) {
    for (const Entry& e : entries_)
      if (!e.finished && e.group == group) return true;
    return false;
  };
  if (!current_group_ || !open(*current_group_)) {
    current_group_.reset();
    for (const Entry& e : entries_)
      if (!e.finished) {
        current_group_ = e.group;
        break;
      }
  }
  if (!current_group_) return std::nullopt;
  // The candidates: the snippets of the group with the fewest steps made; one of them at random.
  std::vector<const Entry*> fewest;
  for (const Entry& e : entries_) {
    if (e.finished || e.group != *current_group_) continue;
    if (!fewest.empty() && e.next_run < fewest.front()->next_run) fewest.clear();
    if (fewest.empty() || e.next_run == fewest.front()->next_run) fewest.push_back(&e);
  }
  const Entry* pick = fewest.size() == 1 ? fewest.front()
                                         : fewest[std::uniform_int_distribution<size_t>(0, fewest.size() - 1)(random_)];
  step_out_ = true;
  TimedStep step{pick->snippet, pick->next_run};
  if (step.run >= 0) {  // warmups are in no round
    auto [it, fresh] = rounds_.try_emplace({pick->group, step.run}, 0, 0);
    if (fresh) it->second.first = random_() | 1;
    step.round = it->second.first;
    step.round_position = it->second.second++;
  }
  return step;
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
