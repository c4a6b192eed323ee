#include <gtest/gtest.h>

#include "measure/claims.h"
#include "measure/provenance.h"
#include "measure/snippet_result.h"
#include "measure/stats.h"
#include "model/input_error.h"
#include "read/option_blocks.h"

namespace deckgen {
namespace {

const SourcePos kAt{"deck/x.md", 7, 1};

// A result whose runs took the given wall times; `metrics` adds a recorded metric.
SnippetResult result(const std::string& id, std::vector<double> walls,
                     std::map<std::string, std::pair<std::string, std::vector<double>>> metrics = {}) {
  SnippetResult r;
  r.id = id;
  for (double w : walls) {
    RunRecord run;
    run.wall_seconds = w;
    run.exit_code = 0;
    r.runs.push_back(run);
  }
  for (auto& [name, m] : metrics) r.metrics[name] = MetricSeries{m.first, m.second};
  summarize_runs(r);  // as the measure stage does
  return r;
}

Results results_of(std::initializer_list<SnippetResult> rs) {
  Results out;
  for (const SnippetResult& r : rs) out[r.id] = r;
  return out;
}

ClaimResult check_one(std::string_view yaml, const Results& results, ClaimContext context = {0.95, {2, 2}}) {
  return check_claims({parse_claim_block(yaml, kAt)}, results, context).at(0);
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(Placeholders, ParseEveryForm) {
  Placeholder p = parse_placeholder(" cpu-threads.wall ", kAt);
  EXPECT_EQ(p.kind, Placeholder::Kind::stat);
  EXPECT_EQ(p.text, "cpu-threads.wall");
  EXPECT_EQ(p.a.id, "cpu-threads");
  EXPECT_EQ(p.a.metric, "wall");
  EXPECT_EQ(p.a.stat, "median");
  p = parse_placeholder("sw.m.ns_per_switch.mad", kAt);
  EXPECT_EQ(p.a.metric, "m.ns_per_switch");
  EXPECT_EQ(p.a.stat, "mad");
  p = parse_placeholder("ratio seq threads m.elapsed", kAt);
  EXPECT_EQ(p.kind, Placeholder::Kind::ratio);
  EXPECT_EQ(p.a.id, "seq");
  EXPECT_EQ(p.b.id, "threads");
  EXPECT_EQ(p.b.metric, "m.elapsed");
  EXPECT_EQ(parse_placeholder("machine.cores", kAt).kind, Placeholder::Kind::machine);
  EXPECT_EQ(parse_placeholder("python.version", kAt).kind, Placeholder::Kind::python);
}

TEST(Placeholders, MalformedOnesAreInputErrorsAtTheirPosition) {
  for (const char* bad : {"x", "x.speed", "x.wall.average", "x.m", "ratio a", "ratio a b c d", "x.wall.median.extra"}) {
    try {
      parse_placeholder(bad, kAt);
      ADD_FAILURE() << bad;
    } catch (const InputError& e) {
      EXPECT_EQ(e.where(), kAt) << bad;
    }
  }
}

TEST(Placeholders, FoundInTextWithColumns) {
  auto found = find_placeholders("took {{a.wall}} and\n{{ratio a b}} more", {"d.md", 3, 5});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].placeholder.pos, (SourcePos{"d.md", 3, 10}));
  EXPECT_EQ(found[1].placeholder.pos, (SourcePos{"d.md", 4, 1}));
  EXPECT_THROW(find_placeholders("open {{a.wall", kAt), InputError);
}

TEST(PlaceholderValues, FormatsWithUnitsFromTheRuns) {
  Results rs = results_of({result("a", {0.010, 0.012, 0.011}, {{"lat", {"ms", {4, 5, 6}}}, {"pct", {"%", {12.5}}}}),
                           result("b", {0.044, 0.044, 0.044})});
  Provenance prov;
  prov.machine.logical_cores = 16;
  prov.machine.usable_cores = 8;  // e.g. taskset -c 0-7
  prov.tools.push_back({"python", "/usr/bin/python3", "Python 3.11.2"});
  std::vector<Placeholder> ps;
  for (const char* t : {"a.wall", "a.wall.n", "a.wall.max", "a.m.lat", "a.m.pct", "ratio b a", "machine.cores", "machine.logical_cores", "python.version"})
    ps.push_back(parse_placeholder(t, kAt));
  auto v = placeholder_values(ps, rs, prov);
  EXPECT_EQ(v["a.wall"], "11.0 ms");
  EXPECT_EQ(v["a.wall.n"], "3");
  EXPECT_EQ(v["a.wall.max"], "12.0 ms");
  EXPECT_EQ(v["a.m.lat"], "5.00 ms");
  EXPECT_EQ(v["a.m.pct"], "12.5%");
  EXPECT_EQ(v["ratio b a"], "4×");
  EXPECT_EQ(v["machine.cores"], "8");
  EXPECT_EQ(v["machine.logical_cores"], "16");
  EXPECT_EQ(v["python.version"], "3.11.2");  // bare: slides write "Python {{python.version}}"
}

TEST(PlaceholderValues, AMetricAPassingSnippetNeverRecordedIsAnInputError) {
  Results rs = results_of({result("a", {0.01}, {{"lat", {"ms", {4}}}})});
  try {
    placeholder_values({parse_placeholder("a.m.latency", kAt)}, rs, Provenance{});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), kAt);
    EXPECT_EQ(e.problem(), "snippet 'a' recorded no metric 'm.latency'");
    EXPECT_EQ(e.what_to_do(), "it recorded: m.lat");
  }
}

TEST(PlaceholderValues, AFailedSnippetShowsNotAvailable) {
  SnippetResult failed = result("a", {0.01});
  failed.outcome = Outcome::failed;
  auto v = placeholder_values({parse_placeholder("a.m.lat", kAt), parse_placeholder("a.wall", kAt)},
                              results_of({failed}), Provenance{});
  EXPECT_EQ(v["a.m.lat"], "n/a");
  EXPECT_EQ(v["a.wall"], "n/a");
}

TEST(ClaimBlocks, SyntaxErrors) {
  auto problem = [](std::string_view yaml) {
    try {
      parse_claim_block(yaml, kAt);
    } catch (const InputError& e) {
      return e.problem();
    }
    return std::string("no error");
  };
  EXPECT_EQ(problem("faster: a\n"), "the claim says what is compared but not `than:` what");
  EXPECT_EQ(problem("faster: a\nnot_faster: b\nthan: c\n"),
            "a claim says exactly one of faster, less, not_faster, not_less or value");
  EXPECT_EQ(problem("value: a.wall\n"), "a value claim needs `below:` or `above:`");
  EXPECT_EQ(problem("faster: a\nthan: b\nmetric: speed\n"), "unknown metric 'speed'");
  EXPECT_EQ(problem("fastr: a\nthan: b\n"), "unknown claim block key 'fastr'");
  EXPECT_EQ(problem("faster: a\nthan: b\nby: 0.5\n"), "'by' must be a number from 1 to 1000000, not '0.5'");
  EXPECT_EQ(problem("faster: a\nthan: b\nmargin: 1.2\n"), "`margin:` belongs to not_faster/not_less claims");
  EXPECT_EQ(problem("value: a.wall\nbelow: 2 * machine.core\n"),
            "in '2 * machine.core': unknown name 'machine.core'");
  EXPECT_EQ(problem("value: a.wall\nbelow: 1\nwhen: machine.cores\n"),
            "in 'machine.cores': a condition needs a comparison, like `machine.cores >= 2`");
}

TEST(Claims, FasterByAFactorNeedsTheIntervalsLowerBound) {
  Results rs = results_of({result("fast", {0.10, 0.11, 0.09, 0.10, 0.105, 0.095}),
                           result("slow", {1.0, 1.1, 0.9, 1.05, 0.95, 1.0})});
  ClaimResult ok = check_one("faster: fast\nthan: slow\nby: 5\n", rs);
  EXPECT_EQ(ok.outcome, ClaimOutcome::holds);
  EXPECT_NEAR(*ok.ratio, 10.0, 0.3);
  EXPECT_TRUE(ok.verdict.starts_with("fast is faster than slow by 10"));
  EXPECT_TRUE(has(ok.verdict, "with 95% confidence; needed ≥ 5×)")) << ok.verdict;
  EXPECT_TRUE(has(ok.evidence, "Hodges–Lehmann")) << ok.evidence;
  EXPECT_TRUE(has(ok.evidence, "n=6")) << ok.evidence;
  ClaimResult too_much = check_one("faster: fast\nthan: slow\nby: 20\n", rs);
  EXPECT_EQ(too_much.outcome, ClaimOutcome::fails);
  EXPECT_TRUE(has(too_much.verdict, "is not faster than slow by 20×: at most")) << too_much.verdict;
  ClaimResult backwards = check_one("faster: slow\nthan: fast\nby: 2\n", rs);
  EXPECT_EQ(backwards.outcome, ClaimOutcome::fails);
}

TEST(Claims, OneLuckyRunAtThreeAgainstThreeIsFragile) {
  Results rs = results_of({result("fast", {0.10, 0.11, 0.09}), result("slow", {1.0, 1.1, 0.9})});
  ClaimResult r = check_one("faster: fast\nthan: slow\nby: 5\n", rs);
  EXPECT_EQ(r.outcome, ClaimOutcome::holds);
  EXPECT_TRUE(r.fragile);
  EXPECT_TRUE(has(r.evidence, "fragile")) << r.evidence;
  EXPECT_FALSE(claim_fails_build(r, Strictness::normal));
  EXPECT_TRUE(claim_fails_build(r, Strictness::strict));
}

TEST(Claims, FasterWithoutAFactorNeedsSignificance) {
  Results rs = results_of({result("a", {1, 2, 3, 4, 5}), result("b", {6, 7, 8, 9, 10}),
                           result("c", {1, 6, 2, 7, 3}), result("d3", {1, 2, 3}), result("e3", {4, 5, 6})});
  EXPECT_EQ(check_one("faster: a\nthan: b\n", rs).outcome, ClaimOutcome::holds);
  ClaimResult mixed = check_one("faster: c\nthan: a\n", rs);
  EXPECT_EQ(mixed.outcome, ClaimOutcome::undecided);
  EXPECT_TRUE(claim_fails_build(mixed, Strictness::normal));  // undecided is not a pass
  EXPECT_FALSE(claim_fails_build(mixed, Strictness::lenient));  // `build` warns, `check` fails
  EXPECT_TRUE(claim_fails_build(mixed, Strictness::strict));
  ClaimResult few = check_one("faster: d3\nthan: e3\n", rs);
  EXPECT_EQ(few.outcome, ClaimOutcome::undecided);  // 3 vs 3 cannot reach p < 0.05: no guessing
  EXPECT_TRUE(has(few.verdict, "undecided")) << few.verdict;
  ClaimResult wrong_way = check_one("faster: b\nthan: a\n", rs);
  EXPECT_EQ(wrong_way.outcome, ClaimOutcome::fails);
  EXPECT_TRUE(claim_fails_build(wrong_way, Strictness::lenient));  // contradicted fails even `build`
}

TEST(Claims, NotFasterIsAnEquivalenceTestWithAMargin) {
  Results rs = results_of({result("a", {1, 2, 3, 4, 5}), result("b", {6, 7, 8, 9, 10}), result("same", {2, 4, 1, 5, 3}),
                           result("p", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00, 1.01, 0.99, 1.00, 1.01}),
                           result("q", {1.00, 0.99, 1.01, 1.00, 1.02, 0.98, 1.00, 1.01, 0.99, 1.00})});
  // The old rule passed this (no significant difference); the spread leaves any ratio open.
  ClaimResult spread = check_one("not_faster: same\nthan: a\n", rs);
  EXPECT_EQ(spread.outcome, ClaimOutcome::undecided);
  ClaimResult equal = check_one("not_faster: p\nthan: q\n", rs);
  EXPECT_EQ(equal.outcome, ClaimOutcome::holds);
  EXPECT_TRUE(has(equal.verdict, "margin 1.1×")) << equal.verdict;
  ClaimResult wrong = check_one("not_faster: a\nthan: b\n", rs);
  EXPECT_EQ(wrong.outcome, ClaimOutcome::fails);
  EXPECT_TRUE(has(wrong.verdict, "after all")) << wrong.verdict;
  EXPECT_EQ(check_one("not_faster: a\nthan: b\nmargin: 100\n", rs).outcome, ClaimOutcome::holds);
}

TEST(Claims, ValueBoundsOnARecordedMetric) {
  Results rs = results_of({result("sw", {0.1, 0.1, 0.1, 0.1, 0.1, 0.1},
                                  {{"ns_per_switch", {"ns", {1200, 1300, 1250, 1220, 1280, 1260}}}})});
  ClaimResult below = check_one("value: sw.m.ns_per_switch\nbelow: 5000\n", rs);
  EXPECT_EQ(below.outcome, ClaimOutcome::holds);
  EXPECT_EQ(below.verdict, "sw.m.ns_per_switch is 1.26 µs (needed below 5.00 µs; 1.20 µs to 1.30 µs at 95%)");
  EXPECT_EQ(check_one("value: sw.m.ns_per_switch\nabove: 5000\n", rs).outcome, ClaimOutcome::fails);
  EXPECT_EQ(check_one("value: sw.m.ns_per_switch\nbelow: 1270\n", rs).outcome, ClaimOutcome::undecided);
  EXPECT_EQ(check_one("value: sw.m.ns_per_switch.max\nbelow: 1301\n", rs).outcome, ClaimOutcome::holds);
}

TEST(Claims, BoundsMayDependOnTheMachine) {
  Results rs = results_of({result("p", {0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, {{"speedup", {"", {1.9, 1.85, 1.95, 1.9, 1.88, 1.92}}}})});
  std::string yaml = "value: p.m.speedup\nabove: 0.6 * min(machine.cores, 4)\n";
  EXPECT_EQ(check_one(yaml, rs, {0.95, {2, 2}}).outcome, ClaimOutcome::holds);   // above 1.2
  ClaimResult four = check_one(yaml, rs, {0.95, {4, 4}});                         // above 2.4
  EXPECT_EQ(four.outcome, ClaimOutcome::fails);
  EXPECT_TRUE(has(four.verdict, "above 0.6 * min(machine.cores, 4) = 2.4")) << four.verdict;
  EXPECT_EQ(check_one(yaml, rs, {0.95, {8, 8}}).outcome, ClaimOutcome::fails);  // min(8, 4): still 2.4
}

TEST(Claims, AFalseWhenConditionSkipsTheClaimVisibly) {
  Results rs = results_of({result("fast", {0.1, 0.1, 0.1}), result("slow", {0.1, 0.1, 0.1})});
  ClaimResult r = check_one("faster: fast\nthan: slow\nby: 1.5\nwhen: machine.cores >= 2\n", rs, {0.95, {1, 2}});
  EXPECT_EQ(r.outcome, ClaimOutcome::skipped);
  EXPECT_EQ(r.verdict, "skipped: needs 2+ cores; this machine has 1 for deckgen (of 2 logical)");
  EXPECT_FALSE(claim_fails_build(r, Strictness::strict));
  // With the cores there, the same claim is checked (and fails on these numbers).
  EXPECT_EQ(check_one("faster: fast\nthan: slow\nby: 1.5\nwhen: machine.cores >= 2\n", rs, {0.95, {2, 2}}).outcome,
            ClaimOutcome::fails);
}

TEST(Claims, TheSummaryCountsEveryOutcome) {
  std::vector<ClaimResult> rs(5);
  rs[0].outcome = ClaimOutcome::holds;
  rs[1].outcome = ClaimOutcome::holds;
  rs[1].fragile = true;
  rs[2].outcome = ClaimOutcome::fails;
  rs[3].outcome = ClaimOutcome::undecided;
  rs[4].outcome = ClaimOutcome::skipped;
  EXPECT_EQ(claims_summary(rs), "claims: 2 hold (1 fragile), 1 failed, 1 undecided, 1 skipped");
}

TEST(Claims, AFailedSnippetFailsItsClaims) {
  SnippetResult broken = result("a", {0.1});
  broken.outcome = Outcome::failed;
  ClaimResult r = check_one("faster: a\nthan: b\n", results_of({broken, result("b", {1})}));
  EXPECT_EQ(r.outcome, ClaimOutcome::fails);
  EXPECT_NE(r.verdict.find("it failed"), std::string::npos);
}

}  // namespace
}  // namespace deckgen
