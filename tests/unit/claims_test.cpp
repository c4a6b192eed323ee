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

ClaimResult check_one(std::string_view yaml, const Results& results) {
  return check_claims({parse_claim_block(yaml, kAt)}, results).at(0);
}

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
  prov.tools.push_back({"python", "/usr/bin/python3", "Python 3.11.2"});
  std::vector<Placeholder> ps;
  for (const char* t : {"a.wall", "a.wall.n", "a.wall.max", "a.m.lat", "a.m.pct", "ratio b a", "machine.cores", "python.version"})
    ps.push_back(parse_placeholder(t, kAt));
  auto v = placeholder_values(ps, rs, prov);
  EXPECT_EQ(v["a.wall"], "11.0 ms");
  EXPECT_EQ(v["a.wall.n"], "3");
  EXPECT_EQ(v["a.wall.max"], "12.0 ms");
  EXPECT_EQ(v["a.m.lat"], "5.00 ms");
  EXPECT_EQ(v["a.m.pct"], "12.5%");
  EXPECT_EQ(v["ratio b a"], "4×");
  EXPECT_EQ(v["machine.cores"], "16");
  EXPECT_EQ(v["python.version"], "Python 3.11.2");
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
}

TEST(Claims, FasterByAFactorComparesMedians) {
  Results rs = results_of({result("fast", {0.10, 0.11, 0.09}), result("slow", {1.0, 1.1, 0.9})});
  ClaimResult ok = check_one("faster: fast\nthan: slow\nby: 5\n", rs);
  EXPECT_TRUE(ok.ok);
  EXPECT_DOUBLE_EQ(*ok.ratio, 10.0);
  EXPECT_EQ(ok.verdict, "fast is faster than slow by 10× (needed ≥ 5×)");
  ClaimResult too_much = check_one("faster: fast\nthan: slow\nby: 20\n", rs);
  EXPECT_FALSE(too_much.ok);
  ClaimResult backwards = check_one("faster: slow\nthan: fast\nby: 2\n", rs);
  EXPECT_FALSE(backwards.ok);
  EXPECT_EQ(backwards.verdict, "slow is not faster than fast: 10× as much (needed ≥ 2×)");
}

TEST(Claims, FasterWithoutAFactorNeedsSignificance) {
  Results rs = results_of({result("a", {1, 2, 3, 4, 5}), result("b", {6, 7, 8, 9, 10}),
                           result("c", {1, 6, 2, 7, 3}), result("d3", {1, 2, 3}), result("e3", {4, 5, 6})});
  EXPECT_TRUE(check_one("faster: a\nthan: b\n", rs).ok);
  ClaimResult mixed = check_one("faster: c\nthan: a\n", rs);
  EXPECT_FALSE(mixed.ok);
  ClaimResult few = check_one("faster: d3\nthan: e3\n", rs);
  EXPECT_FALSE(few.ok);  // 3 vs 3 cannot reach p < 0.05: no guessing
  EXPECT_NE(few.verdict.find("too few runs"), std::string::npos);
}

TEST(Claims, NotFaster) {
  Results rs = results_of({result("a", {1, 2, 3, 4, 5}), result("b", {6, 7, 8, 9, 10}), result("same", {2, 4, 1, 5, 3})});
  EXPECT_TRUE(check_one("not_faster: same\nthan: a\n", rs).ok);
  ClaimResult wrong = check_one("not_faster: a\nthan: b\n", rs);
  EXPECT_FALSE(wrong.ok);
  EXPECT_NE(wrong.verdict.find("after all"), std::string::npos);
}

TEST(Claims, ValueBoundsOnARecordedMetric) {
  Results rs = results_of({result("sw", {0.1, 0.1, 0.1}, {{"ns_per_switch", {"ns", {1200, 1300, 1250}}}})});
  ClaimResult below = check_one("value: sw.m.ns_per_switch\nbelow: 5000\n", rs);
  EXPECT_TRUE(below.ok);
  EXPECT_EQ(below.verdict, "sw.m.ns_per_switch is 1.25 µs (needed below 5.00 µs)");
  EXPECT_FALSE(check_one("value: sw.m.ns_per_switch\nabove: 5000\n", rs).ok);
  EXPECT_TRUE(check_one("value: sw.m.ns_per_switch.max\nbelow: 1301\n", rs).ok);
}

TEST(Claims, AFailedSnippetFailsItsClaims) {
  SnippetResult broken = result("a", {0.1});
  broken.outcome = Outcome::failed;
  ClaimResult r = check_one("faster: a\nthan: b\n", results_of({broken, result("b", {1})}));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.verdict.find("it failed"), std::string::npos);
}

}  // namespace
}  // namespace deckgen
