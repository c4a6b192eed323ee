#include <fmt/format.h>
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

ClaimResult check_one(std::string_view yaml, const Results& results, ClaimContext context = {0.95, {2, 2}, {}}) {
  return check_claims({parse_claim_block(yaml, kAt)}, results, context).at(0);
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(Placeholders, ParseEveryForm) {
  Placeholder p = parse_placeholder(" cpu-threads.wall ", kAt);
  EXPECT_EQ(p.kind, Placeholder::Kind::stat);
  EXPECT_EQ(p.text, "cpu-threads.wall");
  EXPECT_EQ(p.a.id, "cpu-threads");
  EXPECT_EQ(p.a.metric, "wall");
  EXPECT_EQ(p.a.stat, Statistic::median);
  p = parse_placeholder("sw.m.ns_per_switch.mad", kAt);
  EXPECT_EQ(p.a.metric, "m.ns_per_switch");
  EXPECT_EQ(p.a.stat, Statistic::mad);
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

TEST(Statistics, EveryStatisticIsParsedByItsName) {
  for (Statistic stat : {Statistic::median, Statistic::mad, Statistic::mean, Statistic::sd, Statistic::min,
                         Statistic::max, Statistic::n}) {
    EXPECT_EQ(find_statistic(statistic_name(stat)), stat) << statistic_name(stat);
    EXPECT_EQ(parse_metric_ref(fmt::format("a.wall.{}", statistic_name(stat)), kAt).stat, stat);
  }
  EXPECT_EQ(find_statistic("average"), std::nullopt);
  EXPECT_EQ(statistic_names(), "median, mad, mean, sd, min, max or n");
}

// Unknown statistics never fall back to the median: a claim's `value:` names one at the
// key's own position, and says which ones there are.
TEST(Statistics, AnUnknownStatisticInAClaimIsAnInputErrorAtItsKey) {
  try {
    parse_claim_block("below: 1\nvalue: a.wall.average\n", kAt);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), (SourcePos{"deck/x.md", 9, 8}));
    EXPECT_EQ(e.problem(), "'a.wall.average' has an unknown statistic 'average'");
    EXPECT_TRUE(has(e.what_to_do(), "STAT is median, mad, mean, sd, min, max or n")) << e.what_to_do();
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

// Issue 24, item 7: a ratio over a zero median showed a bare n/a.
TEST(PlaceholderValues, ARatioOverZeroSaysWhy) {
  Results rs = results_of({result("a", {0.01}, {{"n", {"", {3}}}}), result("b", {0.01}, {{"n", {"", {0}}}})});
  auto v = placeholder_values({parse_placeholder("ratio a b m.n", kAt)}, rs, Provenance{});
  EXPECT_EQ(v["ratio a b m.n"], "n/a (b.m.n is 0)");
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
            "a claim says exactly one of faster, less, not_faster, not_less, equivalent or value");
  EXPECT_EQ(problem("value: a.wall\n"), "a value claim needs `below:` or `above:`");
  EXPECT_EQ(problem("faster: a\nthan: b\nmetric: speed\n"), "unknown metric 'speed'");
  EXPECT_EQ(problem("fastr: a\nthan: b\n"), "unknown claim block key 'fastr'");
  EXPECT_EQ(problem("faster: a\nthan: b\nby: 2000000\n"), "'by: 2000000' is more than 1000000");
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
  // One plain sentence for the audience; the procedure and the look in the evidence.
  EXPECT_TRUE(ok.verdict.starts_with("fast was 10")) << ok.verdict;
  EXPECT_TRUE(has(ok.verdict, "× faster than slow (likely ")) << ok.verdict;
  EXPECT_FALSE(has(ok.verdict, "confidence")) << ok.verdict;
  EXPECT_TRUE(has(ok.evidence, "Hodges–Lehmann")) << ok.evidence;
  EXPECT_TRUE(has(ok.evidence, "n=6")) << ok.evidence;
  EXPECT_TRUE(has(ok.evidence, "; look 1 of")) << ok.evidence;
  EXPECT_TRUE(has(ok.evidence, "level 4%; 5% over all looks)")) << ok.evidence;
  ClaimResult too_much = check_one("faster: fast\nthan: slow\nby: 20\n", rs);
  EXPECT_EQ(too_much.outcome, ClaimOutcome::fails);
  EXPECT_TRUE(has(too_much.verdict, "contradicted: fast was 10")) << too_much.verdict;
  EXPECT_TRUE(has(too_much.verdict, "the slide says fast is at least 20× faster than slow")) << too_much.verdict;
  ClaimResult backwards = check_one("faster: slow\nthan: fast\nby: 2\n", rs);
  EXPECT_EQ(backwards.outcome, ClaimOutcome::fails);
}

TEST(Claims, ThreeAgainstThreeIsNotLookedAtYet) {
  // The first look at 4% needs 5 runs a side (4 decide, and one may be left out).
  Results rs = results_of({result("fast", {0.10, 0.11, 0.09}), result("slow", {1.0, 1.1, 0.9})});
  ClaimResult r = check_one("faster: fast\nthan: slow\nby: 5\n", rs);
  EXPECT_EQ(r.outcome, ClaimOutcome::undecided);
  EXPECT_TRUE(has(r.verdict, "too few runs to tell")) << r.verdict;
  EXPECT_TRUE(has(r.advice, "its first look needs 5 runs each (3 so far)")) << r.advice;
  EXPECT_FALSE(has(r.verdict, "runs:")) << "advice stays off the slide: " << r.verdict;
}

TEST(Claims, OneLuckyRunThatCarriesTheVerdictIsFragile) {
  // Five against five at 4%: the lower bound is the 4th smallest ratio, 4.64×; with any
  // one run left out (4 against 5: the 3rd smallest) it is 4.55×, under the 4.6× claimed.
  Results rs = results_of({result("fast", {0.10, 0.11, 0.09, 0.10, 0.08}), result("slow", {0.5, 0.52, 0.48, 0.51, 0.49})});
  ClaimResult r = check_one("faster: fast\nthan: slow\nby: 4.6\n", rs);
  EXPECT_EQ(r.outcome, ClaimOutcome::holds) << r.verdict << " / " << r.evidence;
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
  EXPECT_TRUE(has(few.verdict, "not yet decided")) << few.verdict;
  ClaimResult wrong_way = check_one("faster: b\nthan: a\n", rs);
  EXPECT_EQ(wrong_way.outcome, ClaimOutcome::fails);
  EXPECT_TRUE(claim_fails_build(wrong_way, Strictness::lenient));  // contradicted fails even `build`
}

TEST(Claims, NotFasterIsANonSuperiorityTestWithAMargin) {
  Results rs = results_of({result("a", {1, 2, 3, 4, 5}), result("b", {6, 7, 8, 9, 10}), result("same", {2, 4, 1, 5, 3}),
                           result("p", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00, 1.01, 0.99, 1.00, 1.01}),
                           result("q", {1.00, 0.99, 1.01, 1.00, 1.02, 0.98, 1.00, 1.01, 0.99, 1.00})});
  // The old rule passed this (no significant difference); the spread leaves any ratio open.
  ClaimResult spread = check_one("not_faster: same\nthan: a\n", rs);
  EXPECT_EQ(spread.outcome, ClaimOutcome::undecided);
  ClaimResult equal = check_one("not_faster: p\nthan: q\n", rs);
  EXPECT_EQ(equal.outcome, ClaimOutcome::holds);
  EXPECT_TRUE(has(equal.verdict, "p is not more than 1.1× faster than q: 1")) << equal.verdict;
  EXPECT_TRUE(has(equal.procedure, "non-superiority")) << equal.procedure;
  ClaimResult wrong = check_one("not_faster: a\nthan: b\n", rs);
  EXPECT_EQ(wrong.outcome, ClaimOutcome::fails);
  EXPECT_TRUE(has(wrong.verdict, "contradicted")) << wrong.verdict;
  // A wider margin (at most 3×: see ClaimsThatCannotFail) admits a bigger advantage.
  Results scaled = results_of({result("p", {1.00, 1.01, 0.99, 1.02, 0.98, 1.00, 1.01, 0.99, 1.00, 1.01}),
                               result("p15", {1.50, 1.515, 1.485, 1.53, 1.47, 1.50, 1.515, 1.485, 1.50, 1.515})});
  EXPECT_EQ(check_one("not_faster: p\nthan: p15\n", scaled).outcome, ClaimOutcome::fails);
  EXPECT_EQ(check_one("not_faster: p\nthan: p15\nmargin: 2\n", scaled).outcome, ClaimOutcome::holds);
}

TEST(Claims, ValueBoundsOnARecordedMetric) {
  Results rs = results_of({result("sw", {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1},
                                  {{"ns_per_switch", {"ns", {1200, 1300, 1250, 1220, 1280, 1260, 1255}}}})});
  // (seven runs: a median's first look is at six, and leaving one out must still decide)
  ClaimResult below = check_one("value: sw.m.ns_per_switch\nbelow: 5000\n", rs);
  EXPECT_EQ(below.outcome, ClaimOutcome::holds);
  EXPECT_EQ(below.verdict, "the ns_per_switch of sw was 1.26 µs (likely 1.20 µs to 1.30 µs)");
  EXPECT_TRUE(has(below.evidence, "needed below 5.00 µs")) << below.evidence;
  ClaimResult max = check_one("value: sw.m.ns_per_switch.max\nbelow: 1301\n", rs);
  EXPECT_TRUE(max.observed_fact);
  EXPECT_TRUE(max.verdict.starts_with("observed: the largest ns_per_switch of sw over 7 runs")) << max.verdict;
  EXPECT_EQ(check_one("value: sw.m.ns_per_switch\nabove: 5000\n", rs).outcome, ClaimOutcome::fails);
  EXPECT_EQ(check_one("value: sw.m.ns_per_switch\nbelow: 1270\n", rs).outcome, ClaimOutcome::undecided);
  EXPECT_EQ(check_one("value: sw.m.ns_per_switch.max\nbelow: 1301\n", rs).outcome, ClaimOutcome::holds);
}

// Issue 24, item 7: `below: 1/0` held for every measurement. A constant bound that is
// not finite is an input error; one that becomes so on this machine fails the claim.
TEST(Claims, ABoundThatIsNotFiniteMeansNothing) {
  auto problem = [](std::string_view yaml) {
    try {
      parse_claim_block(yaml, kAt);
    } catch (const InputError& e) {
      return e.problem();
    }
    return std::string("no error");
  };
  EXPECT_EQ(problem("value: a.wall\nbelow: 1/0\n"), "'below: 1/0' is infinite, not a finite number");
  EXPECT_EQ(problem("value: a.wall\nabove: -1/0\n"), "'above: -1/0' is minus infinite, not a finite number");
  EXPECT_EQ(problem("value: a.wall\nbelow: 0/0\n"), "'below: 0/0' is NaN, not a finite number");
  EXPECT_EQ(problem("value: a.wall\nbelow: 1e308 * 10\n"), "'below: 1e308 * 10' is infinite, not a finite number");
  EXPECT_EQ(problem("value: a.wall\nbelow: 1e308\n"), "no error");
  Results rs = results_of({result("sw", {0.1, 0.1, 0.1}, {{"x", {"", {1, 2, 3}}}})});
  ClaimResult on_two = check_one("value: sw.m.x\nbelow: 1 / (machine.cores - 2)\n", rs, {0.95, {2, 2}});
  EXPECT_EQ(on_two.outcome, ClaimOutcome::fails);
  EXPECT_EQ(on_two.verdict, "`below: 1 / (machine.cores - 2)` is infinite on this machine, not a bound");
  // On 4 cores the bound is 0.5, a number: the claim is decided on the values.
  ClaimResult on_four = check_one("value: sw.m.x\nbelow: 1 / (machine.cores - 2)\n", rs, {0.95, {4, 4}});
  EXPECT_EQ(on_four.verdict.find("not a bound"), std::string::npos) << on_four.verdict;
}

TEST(Claims, RunsThatDependOnEachOtherDecideNothing) {
  // Twelve runs drifting steadily upwards: their median is clearly below the bound, but
  // each run follows the one before (lag-1 autocorrelation near 0.75), so the usual
  // interval would be too narrow: undecided, saying why, with the advice off the slide.
  std::vector<double> drift;
  for (int i = 0; i < 12; ++i) drift.push_back(0.100 + 0.002 * i);
  Results rs = results_of({result("warming", drift)});
  ClaimResult r = check_one("value: warming.wall\nbelow: 0.2\n", rs);
  EXPECT_EQ(r.outcome, ClaimOutcome::undecided);
  EXPECT_TRUE(has(r.verdict, "these runs depend on each other")) << r.verdict;
  EXPECT_TRUE(has(r.advice, "lag-1 autocorrelation 0.7")) << r.advice;
  // The same values in an order without a trend decide the claim.
  std::vector<double> shuffled = {0.112, 0.100, 0.118, 0.104, 0.122, 0.106, 0.110, 0.102, 0.116, 0.108, 0.120, 0.114};
  EXPECT_EQ(check_one("value: warming.wall\nbelow: 0.2\n", results_of({result("warming", shuffled)})).outcome,
            ClaimOutcome::holds);
}

TEST(Claims, BoundsMayDependOnTheMachine) {
  Results rs = results_of({result("p", {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1},
                                  {{"speedup", {"", {1.9, 1.85, 1.95, 1.9, 1.88, 1.92, 1.91}}}})});
  std::string yaml = "value: p.m.speedup\nabove: 0.6 * min(machine.cores, 4)\n";
  EXPECT_EQ(check_one(yaml, rs, {0.95, {2, 2}}).outcome, ClaimOutcome::holds);   // above 1.2
  ClaimResult four = check_one(yaml, rs, {0.95, {4, 4}});                         // above 2.4
  EXPECT_EQ(four.outcome, ClaimOutcome::fails);
  EXPECT_TRUE(has(four.verdict, "above 0.6 * min(machine.cores, 4) = 2.4")) << four.verdict;
  EXPECT_EQ(check_one(yaml, rs, {0.95, {8, 8}}).outcome, ClaimOutcome::fails);  // min(8, 4): still 2.4
}

TEST(Claims, AFalseWhenConditionSkipsTheClaimVisibly) {
  Results rs = results_of({result("fast", {0.1, 0.1, 0.1, 0.1, 0.1}), result("slow", {0.1, 0.1, 0.1, 0.1, 0.1})});
  ClaimResult r = check_one("faster: fast\nthan: slow\nby: 1.5\nwhen: machine.cores >= 2\n", rs, {0.95, {1, 2}});
  EXPECT_EQ(r.outcome, ClaimOutcome::skipped);
  EXPECT_EQ(r.verdict, "skipped: needs 2+ cores; this machine has 1 for deckgen (of 2 logical)");
  EXPECT_FALSE(claim_fails_build(r, Strictness::normal));
  // With the cores there, the same claim is checked (and fails on these numbers).
  EXPECT_EQ(check_one("faster: fast\nthan: slow\nby: 1.5\nwhen: machine.cores >= 2\n", rs, {0.95, {2, 2}}).outcome,
            ClaimOutcome::fails);
}

// Under --strict a claim the build did not check fails, unless its block says it may be
// skipped: CI on one core must not pass a deck whose claims it never checked by accident.
TEST(Claims, UnderStrictASkippedClaimFailsUnlessItsBlockSaysSkipOk) {
  Results rs = results_of({result("fast", {0.1, 0.1, 0.1}), result("slow", {0.1, 0.1, 0.1})});
  ClaimResult plain = check_one("faster: fast\nthan: slow\nwhen: machine.cores >= 2\n", rs, {0.95, {1, 1}});
  EXPECT_EQ(plain.outcome, ClaimOutcome::skipped);
  EXPECT_FALSE(claim_fails_build(plain, Strictness::normal));
  EXPECT_TRUE(claim_fails_build(plain, Strictness::strict));
  ClaimResult ok = check_one("faster: fast\nthan: slow\nwhen: machine.cores >= 2\nskip_ok: true\n", rs, {0.95, {1, 1}});
  EXPECT_EQ(ok.outcome, ClaimOutcome::skipped);
  EXPECT_TRUE(ok.spec.skip_ok);
  EXPECT_FALSE(claim_fails_build(ok, Strictness::strict));
  EXPECT_FALSE(check_one("faster: fast\nthan: slow\nwhen: machine.cores >= 2\nskip_ok: false\n", rs, {0.95, {1, 1}})
                   .spec.skip_ok);
}

// --- claims that cannot fail: input errors at the key, saying what to write instead ---

// The error a claim block raises (a test failure when it raises none).
InputError claim_error(std::string_view yaml) {
  try {
    parse_claim_block(yaml, kAt);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << yaml;
  return InputError(SourcePos{}, "no error");
}

// Line 1 of the block's YAML is line 8 of the file (the fence is line 7).
SourcePos at(int yaml_line, int column) { return {"deck/x.md", 7 + yaml_line, column}; }

TEST(ClaimsThatCannotFail, ASelfComparisonIsAnInputErrorAtThan) {
  for (const char* yaml : {"not_faster: a\nthan: a\n", "faster: a\nthan: a\n", "not_less: a\nmargin: 1.5\nthan: a\n"}) {
    InputError e = claim_error(yaml);
    EXPECT_EQ(e.problem(), "the claim compares 'a' with itself") << yaml;
    EXPECT_TRUE(has(e.what_to_do(), "compare two different snippets")) << e.what_to_do();
    EXPECT_TRUE(has(e.what_to_do(), "`value: a.wall`")) << e.what_to_do();
  }
  EXPECT_EQ(claim_error("not_faster: a\nthan: a\n").where(), at(2, 7));
  EXPECT_EQ(claim_error("not_less: a\nmargin: 1.5\nthan: a\n").where(), at(3, 7));
}

TEST(ClaimsThatCannotFail, AConstantFactorOfAtMostOneIsAnInputErrorAtBy) {
  for (const char* by : {"1", "0.5", "2 / 2", "-3"}) {
    InputError e = claim_error(fmt::format("faster: a\nthan: b\nby: {}\n", by));
    EXPECT_EQ(e.where(), at(3, 5)) << by;
    EXPECT_EQ(e.problem(), fmt::format("'by: {}' is a factor of at most 1: it would hold for a snippet that is not "
                                       "faster, so the claim cannot fail", by));
    EXPECT_TRUE(has(e.what_to_do(), "leave out `by:`")) << e.what_to_do();
    EXPECT_TRUE(has(e.what_to_do(), "above 1, like `by: 1.5`")) << e.what_to_do();
  }
  EXPECT_NO_THROW(parse_claim_block("faster: a\nthan: b\nby: 1.01\n", kAt));
  EXPECT_NO_THROW(parse_claim_block("faster: a\nthan: b\nby: machine.cores / 4\n", kAt));  // checked on the machine
}

// A factor that depends on the machine and comes to at most 1 here fails the claim and
// says why: it must not hold silently.
TEST(ClaimsThatCannotFail, AMachineFactorOfAtMostOneHereFailsTheClaimSayingSo) {
  Results rs = results_of({result("fast", {0.1, 0.11, 0.09, 0.1, 0.1}), result("slow", {0.1, 0.11, 0.09, 0.1, 0.1})});
  ClaimResult r = check_one("faster: fast\nthan: slow\nby: machine.cores / 2\n", rs, {0.95, {2, 2}});
  EXPECT_EQ(r.outcome, ClaimOutcome::fails);
  EXPECT_EQ(r.verdict, "`by: machine.cores / 2` is 1 on this machine, not a factor above 1: the claim could not fail "
                       "here");
  EXPECT_EQ(r.advice, "make the factor above 1 on every machine (e.g. `max(1.5, …)`), or add a `when:`");
  EXPECT_TRUE(claim_fails_build(r, Strictness::normal));
}

TEST(ClaimsThatCannotFail, ANonFiniteConstantIsAnInputErrorAtItsKey) {
  InputError by = claim_error("faster: a\nthan: b\nby: 1/0\n");
  EXPECT_EQ(by.where(), at(3, 5));
  EXPECT_EQ(by.problem(), "'by: 1/0' is not a finite number");
  EXPECT_TRUE(has(by.what_to_do(), "like `by: 1.5`")) << by.what_to_do();
  InputError nan = claim_error("faster: a\nthan: b\nby: 0/0\n");
  EXPECT_EQ(nan.problem(), "'by: 0/0' is not a finite number");
  InputError below = claim_error("value: a.wall\nbelow: 1/0\n");
  EXPECT_EQ(below.where(), at(2, 8));
  EXPECT_EQ(below.problem(), "'below: 1/0' is infinite, not a finite number");
  EXPECT_EQ(below.what_to_do(), "write a finite bound, like `below: 100`");
  InputError above = claim_error("value: a.wall\nabove: -1/0\n");
  EXPECT_EQ(above.where(), at(2, 8));
  EXPECT_EQ(above.problem(), "'above: -1/0' is minus infinite, not a finite number");
}

TEST(ClaimsThatCannotFail, AMachineBoundThatIsNotFiniteHereFailsTheClaimSayingSo) {
  Results rs = results_of({result("a", {0.1, 0.11, 0.09, 0.1, 0.1})});
  ClaimResult r = check_one("value: a.wall\nbelow: 1 / (machine.cores - 2)\n", rs, {0.95, {2, 2}});
  EXPECT_EQ(r.outcome, ClaimOutcome::fails);
  EXPECT_EQ(r.verdict, "`below: 1 / (machine.cores - 2)` is infinite on this machine, not a bound");
  EXPECT_EQ(r.advice, "make the bound finite on every machine, or add a `when:`");
}

TEST(ClaimsThatCannotFail, AMarginBeyondThreeOrAtMostOneIsAnInputErrorAtMargin) {
  InputError huge = claim_error("not_faster: a\nthan: b\nmargin: 1000000\n");
  EXPECT_EQ(huge.where(), at(3, 9));
  EXPECT_EQ(huge.problem(), "'margin: 1000000' is not \"not faster\": the claim would hold for A up to 1000000× "
                            "faster than B");
  EXPECT_TRUE(has(huge.what_to_do(), "above 1 and at most 3 (default 1.10)")) << huge.what_to_do();
  EXPECT_TRUE(has(huge.what_to_do(), "`value: ID.m.speedup` / `below: 1000000`")) << huge.what_to_do();
  EXPECT_EQ(claim_error("not_faster: a\nthan: b\nmargin: 3.01\n").where(), at(3, 9));
  for (const char* none : {"1", "0.9"}) {
    InputError e = claim_error(fmt::format("not_faster: a\nthan: b\nmargin: {}\n", none));
    EXPECT_EQ(e.where(), at(3, 9)) << none;
    EXPECT_EQ(e.problem(), fmt::format("'margin: {}' leaves no room: the claim could hold only if A were measurably "
                                       "slower", none));
    EXPECT_TRUE(has(e.what_to_do(), "write `faster: B` / `than: A`")) << e.what_to_do();
  }
  EXPECT_NO_THROW(parse_claim_block("not_faster: a\nthan: b\nmargin: 3\n", kAt));
  EXPECT_NO_THROW(parse_claim_block("not_faster: a\nthan: b\nmargin: 1.01\n", kAt));
}

TEST(ClaimsThatCannotFail, AClaimOnTheRunCountIsAnInputErrorAtValue) {
  for (const char* ref : {"a.m.x.n", "a.wall.n"}) {
    InputError e = claim_error(fmt::format("value: {}\nabove: 1\n", ref));
    EXPECT_EQ(e.where(), at(1, 8)) << ref;
    EXPECT_EQ(e.problem(), fmt::format("'{}' is the number of runs, which the deck and the sampler choose: it is not "
                                       "measured, so a claim on it cannot fail", ref));
    EXPECT_TRUE(has(e.what_to_do(), "give its run block an `expect:`")) << e.what_to_do();
    EXPECT_TRUE(has(e.what_to_do(), fmt::format("write {{{{{}}}}} in the text", ref))) << e.what_to_do();
  }
}

TEST(ClaimsThatCannotFail, SkipOkWithoutWhenIsAnInputErrorAtSkipOk) {
  InputError e = claim_error("faster: a\nthan: b\nskip_ok: true\n");
  EXPECT_EQ(e.where(), at(3, 10));
  EXPECT_EQ(e.problem(), "`skip_ok: true` without `when:`: the claim is never skipped");
  EXPECT_TRUE(has(e.what_to_do(), "remove `skip_ok:`")) << e.what_to_do();
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
