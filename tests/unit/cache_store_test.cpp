// The result store: exact round trips, damaged entries as misses with a warning, other
// machines' entries never returned, concurrent writers, and a clean that removes only
// deckgen caches.
#include "cache/cache_folder.h"
#include "cache/result_store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cache/result_json.h"
#include "test_support.h"

namespace deckgen {
namespace {

namespace fs = std::filesystem;

const std::string kHere = "Some CPU; 2 logical cores; Linux 6.1.0 x86_64";
const std::string kKey = "0123456789abcdef0123456789abcdef";

std::string key_number(int i) { return fmt::format("{:032x}", i); }

// Of 3 values: as many as full_result() has runs (a loaded entry's counts must agree).
Summary summary(double base) {
  Summary s;
  s.n = 3;
  s.median = base;
  s.mad = base / 10;
  s.mean = base * 1.01;
  s.stddev = 0.1234567890123456789;  // every digit must survive
  s.min = base / 2;
  s.max = base * 2;
  s.outliers = {0, 2};
  s.unstable = true;
  return s;
}

// Every field set to something other than its default.
SnippetResult full_result(const std::string& id = "fib") {
  SnippetResult r;
  r.id = id;
  r.outcome = Outcome::failed;
  r.failure = "exit status 1";
  r.compiled = true;
  r.compile_seconds = 0.4321;
  r.compile_output = "prog.c:1: warning: unused variable\n";
  r.compile_reused = true;
  r.warmup_runs = 2;
  for (int i = 0; i < 3; ++i) {
    RunRecord run;
    run.index = i;
    run.exit_code = 1;
    run.signal = 9;
    run.timed_out = true;
    run.wall_seconds = 1.0 / 3 + i;
    run.user_seconds = 0.25;
    run.system_seconds = 0.125;
    run.max_rss_kib = 123456;
    run.voluntary_switches = 17;
    run.involuntary_switches = 3;
    run.other_cpu_seconds = 0.01;
    run.busy = i == 0;
    run.busy_judged = i == 0;  // the second run: made beside deckgen's own work
    r.runs.push_back(run);
  }
  r.out = {"héllo\n", 1000, 994};
  r.err = {"oops\n", 5, 0};
  r.stats["wall"] = summary(0.5);
  r.stats["rss"] = summary(1e8);
  r.metrics["items"] = {"items/s", {1.5, 2.5, 1e-9}};
  r.metric_stats["items"] = summary(2.5);
  r.busy_runs = 1;
  r.traces = {"{\"traceEvents\": []}", "{\"traceEvents\": [1]}"};
  r.trace_problems = {"trace-2.json: 300 MB, over the 256 MB limit"};
  return r;
}

void expect_same_summary(const Summary& a, const Summary& b) {
  EXPECT_EQ(a.n, b.n);
  EXPECT_EQ(a.median, b.median);
  EXPECT_EQ(a.mad, b.mad);
  EXPECT_EQ(a.mean, b.mean);
  EXPECT_EQ(a.stddev, b.stddev);
  EXPECT_EQ(a.min, b.min);
  EXPECT_EQ(a.max, b.max);
  EXPECT_EQ(a.outliers, b.outliers);
  EXPECT_EQ(a.unstable, b.unstable);
}

void expect_same_summaries(const std::map<std::string, Summary>& a, const std::map<std::string, Summary>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, s] : a) {
    ASSERT_TRUE(b.contains(name)) << name;
    expect_same_summary(s, b.at(name));
  }
}

void expect_same(const SnippetResult& a, const SnippetResult& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.outcome, b.outcome);
  EXPECT_EQ(a.failure, b.failure);
  EXPECT_EQ(a.compiled, b.compiled);
  EXPECT_EQ(a.compile_seconds, b.compile_seconds);
  EXPECT_EQ(a.compile_output, b.compile_output);
  EXPECT_EQ(a.compile_reused, b.compile_reused);
  EXPECT_EQ(a.warmup_runs, b.warmup_runs);
  ASSERT_EQ(a.runs.size(), b.runs.size());
  for (size_t i = 0; i < a.runs.size(); ++i) {
    const RunRecord &x = a.runs[i], &y = b.runs[i];
    EXPECT_EQ(x.index, y.index);
    EXPECT_EQ(x.exit_code, y.exit_code);
    EXPECT_EQ(x.signal, y.signal);
    EXPECT_EQ(x.timed_out, y.timed_out);
    EXPECT_EQ(x.wall_seconds, y.wall_seconds);
    EXPECT_EQ(x.user_seconds, y.user_seconds);
    EXPECT_EQ(x.system_seconds, y.system_seconds);
    EXPECT_EQ(x.max_rss_kib, y.max_rss_kib);
    EXPECT_EQ(x.voluntary_switches, y.voluntary_switches);
    EXPECT_EQ(x.involuntary_switches, y.involuntary_switches);
    EXPECT_EQ(x.other_cpu_seconds, y.other_cpu_seconds);
    EXPECT_EQ(x.busy, y.busy);
    EXPECT_EQ(x.busy_judged, y.busy_judged);
  }
  EXPECT_EQ(a.out.text, b.out.text);
  EXPECT_EQ(a.out.total_bytes, b.out.total_bytes);
  EXPECT_EQ(a.out.cut_bytes, b.out.cut_bytes);
  EXPECT_EQ(a.err.text, b.err.text);
  EXPECT_EQ(a.err.total_bytes, b.err.total_bytes);
  EXPECT_EQ(a.err.cut_bytes, b.err.cut_bytes);
  expect_same_summaries(a.stats, b.stats);
  ASSERT_EQ(a.metrics.size(), b.metrics.size());
  for (const auto& [name, m] : a.metrics) {
    ASSERT_TRUE(b.metrics.contains(name)) << name;
    EXPECT_EQ(m.unit, b.metrics.at(name).unit);
    EXPECT_EQ(m.values, b.metrics.at(name).values);
  }
  expect_same_summaries(a.metric_stats, b.metric_stats);
  EXPECT_EQ(a.busy_runs, b.busy_runs);
  EXPECT_EQ(a.traces, b.traces);
  EXPECT_EQ(a.trace_problems, b.trace_problems);
}

class ResultStoreTest : public ::testing::Test {
 protected:
  fs::path cache() const { return dir_.path() / "output/.cache"; }
  fs::path entry(const std::string& key) const { return cache() / "results" / (key + ".json"); }
  std::string read(const fs::path& p) const {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  void overwrite(const fs::path& p, std::string_view text) const { std::ofstream(p, std::ios::binary) << text; }

  // A miss that says why: `reason` in the warning.
  void expect_miss_with_warning(const std::string& key, const std::string& reason) const {
    std::string warning;
    EXPECT_FALSE(store_.load(key, &warning).has_value());
    EXPECT_NE(warning.find(reason), std::string::npos) << warning;
  }

  test::TempDir dir_;
  ResultStore store_{cache(), kHere};
};

TEST_F(ResultStoreTest, RoundTripsAFullResult) {
  SnippetResult original = full_result();
  std::string warning;
  ASSERT_TRUE(store_.save(kKey, original, &warning)) << warning;
  EXPECT_TRUE(fs::exists(entry(kKey)));
  std::optional<SnippetResult> loaded = store_.load(kKey, &warning);
  ASSERT_TRUE(loaded) << warning;
  EXPECT_TRUE(loaded->from_cache);
  expect_same(original, *loaded);
}

// A warm cache saves parsing an entry again, never reading it: another result saved
// under the key, or a damaged entry, is what the next load sees.
TEST_F(ResultStoreTest, AWarmCacheNeverHidesWhatTheEntrySaysNow) {
  WarmCache warm;
  ResultStore warm_store(cache(), kHere, &warm);
  SnippetResult first = full_result();
  ASSERT_TRUE(store_.save(kKey, first, nullptr));
  ASSERT_TRUE(warm_store.load(kKey, nullptr));
  std::optional<SnippetResult> kept = warm_store.load(kKey, nullptr);
  ASSERT_TRUE(kept);
  expect_same(first, *kept);
  EXPECT_TRUE(kept->from_cache);

  SnippetResult second = full_result();
  second.compile_output = "measured again";
  ASSERT_TRUE(store_.save(kKey, second, nullptr));
  std::optional<SnippetResult> now = warm_store.load(kKey, nullptr);
  ASSERT_TRUE(now);
  EXPECT_EQ(now->compile_output, "measured again");

  overwrite(entry(kKey), "{\"schema\": ");
  std::string warning;
  EXPECT_FALSE(warm_store.load(kKey, &warning));
  EXPECT_NE(warning.find("not valid JSON"), std::string::npos) << warning;
  // Kept for this machine only.
  ASSERT_TRUE(store_.save(kKey, first, nullptr));
  ASSERT_TRUE(warm_store.load(kKey, nullptr));
  EXPECT_FALSE(ResultStore(cache(), "Another machine", &warm).load(kKey, nullptr));
}

// A long watch session holds what its last build asked for, not every result it saw.
TEST(WarmCache, KeepsOnlyWhatTheLastBuildAskedFor) {
  WarmCache warm;
  SnippetResult a, b;
  a.id = "a";
  b.id = "b";
  warm.keep_parsed_result("ka", "here", "text a", a);
  warm.keep_parsed_result("kb", "here", "text b", b);
  warm.keep_sources("one", "part one", {});
  warm.keep_sources("two", "part two", {});
  warm.end_build();  // both were kept during the build that ends
  ASSERT_TRUE(warm.parsed_result("ka", "here", "text a"));
  ASSERT_TRUE(warm.sources("one"));
  warm.end_build();  // the next build asked only for a and one
  EXPECT_TRUE(warm.parsed_result("ka", "here", "text a"));
  EXPECT_FALSE(warm.parsed_result("kb", "here", "text b"));
  EXPECT_TRUE(warm.sources("one"));
  EXPECT_FALSE(warm.sources("two"));
}

TEST_F(ResultStoreTest, AnotherStoreOnTheSameFolderSeesTheEntry) {
  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  EXPECT_TRUE(ResultStore(cache(), kHere).load(kKey, nullptr));
}

TEST_F(ResultStoreTest, MissingEntryIsAMissWithoutWarning) {
  std::string warning;
  EXPECT_FALSE(store_.load(kKey, &warning));
  EXPECT_EQ(warning, "");
}

TEST_F(ResultStoreTest, InvalidUtf8IsStoredAsReplacementCharacters) {
  SnippetResult r = full_result();
  r.compile_output = "bad \xff byte";
  ASSERT_TRUE(store_.save(kKey, r, nullptr));
  auto loaded = store_.load(kKey, nullptr);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->compile_output, "bad \xEF\xBF\xBD byte");
}

TEST_F(ResultStoreTest, EmptyEntryIsAMissWithWarning) {
  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  overwrite(entry(kKey), "");
  expect_miss_with_warning(kKey, "empty file");
}

TEST_F(ResultStoreTest, TruncatedEntryIsAMissWithWarning) {
  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  std::string whole = read(entry(kKey));
  for (size_t cut : {size_t{1}, whole.size() / 3, whole.size() / 2, whole.size() - 1}) {
    overwrite(entry(kKey), whole.substr(0, cut));
    expect_miss_with_warning(kKey, "not valid JSON");
  }
}

TEST_F(ResultStoreTest, GarbageEntryIsAMissWithWarning) {
  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  overwrite(entry(kKey), std::string("\x00\x01\x02 binary junk", 16));
  expect_miss_with_warning(kKey, "not valid JSON");
  overwrite(entry(kKey), "[1, 2, 3]");
  expect_miss_with_warning(kKey, "not a JSON object");
}

TEST_F(ResultStoreTest, WrongSchemaIsAMissWithWarning) {
  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  auto entry_json = nlohmann::json::parse(read(entry(kKey)));
  entry_json["schema"] = "deckgen-cache-entry/0";
  overwrite(entry(kKey), entry_json.dump());
  expect_miss_with_warning(kKey, "schema 'deckgen-cache-entry/0'");
}

TEST_F(ResultStoreTest, WrongFieldTypesAreAMissWithWarning) {
  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  const auto good = nlohmann::json::parse(read(entry(kKey)));
  auto damaged = good;
  damaged["result"]["runs"] = "three";
  overwrite(entry(kKey), damaged.dump());
  expect_miss_with_warning(kKey, "'runs' is not a list");
  damaged = good;
  damaged["result"]["runs"][0]["wall_seconds"] = "1.5";
  overwrite(entry(kKey), damaged.dump());
  expect_miss_with_warning(kKey, "'wall_seconds' has the wrong type");
  damaged = good;
  damaged["result"].erase("stats");
  overwrite(entry(kKey), damaged.dump());
  expect_miss_with_warning(kKey, "stats");
  damaged = good;
  damaged["result"]["outcome"] = "maybe";
  overwrite(entry(kKey), damaged.dump());
  expect_miss_with_warning(kKey, "unknown outcome");
}

// Issue 24, item 2: entries are checked for meaning, not just shape.
TEST_F(ResultStoreTest, AnEntryThatNoRunCouldHaveMeasuredIsAMissWithWarning) {
  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  const auto good = nlohmann::json::parse(read(entry(kKey)));
  auto expect_refused = [&](auto change, const std::string& reason) {
    auto damaged = good;
    change(damaged["result"]);
    overwrite(entry(kKey), damaged.dump());
    expect_miss_with_warning(kKey, reason);
  };
  using json = nlohmann::json;
  expect_refused([](json& r) { r["stats"]["wall"]["n"] = 7; }, "the wall statistics counts 7 values, not the 3 recorded");
  expect_refused([](json& r) { r["runs"].erase(2); }, "counts 3 values, not the 2 recorded");
  expect_refused([](json& r) { r["runs"][1]["wall_seconds"] = -1.5; }, "run 1's wall time is -1.5");
  expect_refused([](json& r) { r["runs"][0]["user_seconds"] = 1e300; }, "run 0's user time");
  expect_refused([](json& r) { r["compile_seconds"] = -0.1; }, "compile_seconds");
  expect_refused([](json& r) { r["runs"][0]["max_rss_kib"] = -5; }, "negative count");
  expect_refused([](json& r) { r["runs"][2]["index"] = 0; }, "run 2 has index 0");
  expect_refused([](json& r) { r["shown_run"] = 3; }, "shown_run 3 is not one of the 3 runs");
  expect_refused([](json& r) { r["shown_run"] = -2; }, "shown_run -2");
  expect_refused([](json& r) { r["busy_runs"] = 4; }, "busy_runs");
  expect_refused([](json& r) { r["stats"]["wall"]["median"] = 99.0; }, "median is outside its min and max");
  expect_refused([](json& r) { r["stats"]["wall"]["outliers"] = {5}; }, "outlier past its values");
  expect_refused([](json& r) { r["metric_stats"]["items"]["n"] = 2; }, "metric 'items' statistics counts 2");
  expect_refused([](json& r) { r["metric_stats"]["ghost"] = r["metric_stats"]["items"]; }, "metric 'ghost', which has no values");
  // Within the bounds, the entry is used: shown_run -1 (no median run) and 0.
  for (int shown : {-1, 0, 2}) {
    auto fine = good;
    fine["result"]["shown_run"] = shown;
    overwrite(entry(kKey), fine.dump());
    std::string warning;
    EXPECT_TRUE(store_.load(kKey, &warning).has_value()) << warning;
  }
}

// Issue 24, item 2: an entry read through a symbolic link is whatever it points at; one
// written through a linked folder lands outside the cache.
TEST_F(ResultStoreTest, SymbolicLinksInsideTheCacheAreRefused) {
  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  fs::path elsewhere = dir_.path() / "elsewhere.json";
  fs::rename(entry(kKey), elsewhere);
  fs::create_symlink(elsewhere, entry(kKey));
  expect_miss_with_warning(kKey, "is a symbolic link");
  fs::remove(entry(kKey));
  fs::path outside = dir_.path() / "outside";
  fs::create_directory(outside);
  fs::rename(cache() / "results", dir_.path() / "old-results");
  fs::create_directory_symlink(outside, cache() / "results");
  std::string warning;
  EXPECT_FALSE(store_.save(kKey, full_result(), &warning));
  EXPECT_NE(warning.find("is a symbolic link"), std::string::npos) << warning;
  EXPECT_TRUE(fs::is_empty(outside));
}

TEST_F(ResultStoreTest, EntryUnderTheWrongNameIsAMissWithWarning) {
  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  std::string other = key_number(7);
  fs::copy_file(entry(kKey), entry(other));
  expect_miss_with_warning(other, "another key");
}

TEST_F(ResultStoreTest, AnotherMachinesEntryIsAMissWithWarning) {
  ResultStore elsewhere(cache(), "Other CPU; 64 logical cores; Linux 6.8.0 x86_64");
  ASSERT_TRUE(elsewhere.save(kKey, full_result(), nullptr));
  expect_miss_with_warning(kKey, "another machine (Other CPU; 64 logical cores");
}

TEST_F(ResultStoreTest, RejectsWhatIsNotAKey) {
  std::string warning;
  EXPECT_FALSE(store_.save("../../escape", full_result(), &warning));
  EXPECT_NE(warning.find("not a cache key"), std::string::npos) << warning;
  EXPECT_FALSE(fs::exists(dir_.path() / "escape.json"));
  expect_miss_with_warning("../../escape", "not a cache key");
}

// Issue 13: deckgen tagged and then removed a folder it had not made.
TEST_F(ResultStoreTest, SomeoneElsesFolderIsNeitherTaggedNorWritten) {
  fs::path theirs = dir_.write("output/.cache/pip/wheel", "precious");
  std::string warning;
  EXPECT_FALSE(store_.save(kKey, full_result(), &warning));
  EXPECT_NE(warning.find("deckgen did not make it"), std::string::npos) << warning;
  EXPECT_FALSE(fs::exists(cache() / "CACHEDIR.TAG"));
  EXPECT_FALSE(fs::exists(cache() / "results"));
  EXPECT_FALSE(CacheStore::clean(cache(), &warning));
  EXPECT_TRUE(fs::exists(theirs));
}

TEST_F(ResultStoreTest, UnwritableFolderIsAWarningNotAThrow) {
  dir_.write("output/.cache", "a file where the folder should be");
  std::string warning;
  EXPECT_FALSE(store_.save(kKey, full_result(), &warning));
  EXPECT_NE(warning.find("cannot save snippet 'fib'"), std::string::npos) << warning;
}

// Every entry in the folder is whole and loadable, and no temporary file is left.
void expect_only_complete_entries(const ResultStore& store, const fs::path& results, size_t count) {
  size_t entries = 0;
  for (const auto& file : fs::directory_iterator(results)) {
    std::string name = file.path().filename().string();
    ASSERT_TRUE(name.ends_with(".json") && !name.starts_with(".")) << "left behind: " << name;
    std::string warning;
    auto loaded = store.load(file.path().stem().string(), &warning);
    ASSERT_TRUE(loaded) << name << ": " << warning;
    expect_same(full_result(loaded->id), *loaded);
    ++entries;
  }
  EXPECT_EQ(entries, count);
}

TEST_F(ResultStoreTest, ConcurrentThreadsLeaveOnlyCompleteEntries) {
  constexpr int kWriters = 6, kRounds = 30;
  std::atomic<bool> done = false;
  std::atomic<int> bad_reads = 0;
  // A reader meanwhile sees a whole entry or none, never a part.
  std::thread reader([&] {
    while (!done) {
      std::string warning;
      auto r = store_.load(kKey, &warning);
      if (!warning.empty()) ++bad_reads;
    }
  });
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      for (int round = 0; round < kRounds; ++round) {
        EXPECT_TRUE(store_.save(kKey, full_result("shared"), nullptr));                 // the same key
        EXPECT_TRUE(store_.save(key_number(w + 1), full_result(fmt::format("w{}", w)), nullptr));  // its own
      }
    });
  for (auto& t : writers) t.join();
  done = true;
  reader.join();
  EXPECT_EQ(bad_reads, 0);
  expect_only_complete_entries(store_, cache() / "results", kWriters + 1);
}

TEST_F(ResultStoreTest, ConcurrentProcessesLeaveOnlyCompleteEntries) {
  constexpr int kProcesses = 4, kRounds = 25;
  std::vector<pid_t> children;
  for (int p = 0; p < kProcesses; ++p) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {  // the child: no gtest assertions, only an exit status
      ResultStore store(cache(), kHere);
      bool ok = true;
      for (int round = 0; round < kRounds; ++round) {
        ok &= store.save(kKey, full_result("shared"), nullptr);
        ok &= store.save(key_number(p + 1), full_result(fmt::format("p{}", p)), nullptr);
        std::string warning;
        store.load(kKey, &warning);
        ok &= warning.empty();
      }
      ::_exit(ok ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child " << pid << " status " << status;
  }
  expect_only_complete_entries(store_, cache() / "results", kProcesses + 1);
}

TEST_F(ResultStoreTest, CleanRemovesADeckgenCache) {
  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  std::string error;
  EXPECT_TRUE(CacheStore::clean(cache(), &error)) << error;
  EXPECT_FALSE(fs::exists(cache()));
  // Nothing renamed aside is left either.
  for (const auto& f : fs::directory_iterator(cache().parent_path())) ADD_FAILURE() << "left: " << f.path();
  EXPECT_TRUE(CacheStore::clean(cache(), &error)) << "a missing cache is already clean: " << error;
}

TEST_F(ResultStoreTest, CleanRemovesAFolderClaimedBeforeAnySave) {
  claim_cache_dir(cache());
  dir_.write("output/.cache/highlight/0123456789abcdef0123456789abcdef.html", "1x");
  EXPECT_TRUE(CacheStore::clean(cache(), nullptr));
  EXPECT_FALSE(fs::exists(cache()));
}

TEST_F(ResultStoreTest, CleanRefusesWhatIsNotADeckgenCache) {
  std::string error;
  fs::path precious = dir_.write("project/notes.txt", "keep me");
  EXPECT_FALSE(CacheStore::clean(dir_.path() / "project", &error));
  EXPECT_NE(error.find("does not look like a deckgen cache"), std::string::npos) << error;
  // Another program's cache tag is not deckgen's.
  dir_.write("project/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# made by another tool\n");
  EXPECT_FALSE(CacheStore::clean(dir_.path() / "project", &error));
  EXPECT_TRUE(fs::exists(precious));

  EXPECT_FALSE(CacheStore::clean(precious, &error));
  EXPECT_NE(error.find("not a folder"), std::string::npos) << error;

  ASSERT_TRUE(store_.save(kKey, full_result(), nullptr));
  fs::create_directory_symlink(cache(), dir_.path() / "link");
  EXPECT_FALSE(CacheStore::clean(dir_.path() / "link", &error));
  EXPECT_NE(error.find("symbolic link"), std::string::npos) << error;
  EXPECT_TRUE(fs::exists(entry(kKey)));

  EXPECT_FALSE(CacheStore::clean(cache() / ".", &error));
  EXPECT_TRUE(fs::exists(entry(kKey)));
}

}  // namespace
}  // namespace deckgen

namespace deckgen {
namespace {

// Many entries at once (highlighting: issue 24, one flush for all rather than an fsync
// each): every entry is whole and readable, no temporary file is left, and one that may
// not be written (a link inside the cache) fails the batch with the reason.
TEST(CacheStoreBatch, WritesEveryEntryAndLeavesNoTemporaryFile) {
  test::TempDir dir;
  CacheStore store(dir.path() / "cache");
  std::vector<std::pair<std::string, std::string>> entries;
  for (int i = 0; i < 50; ++i) entries.emplace_back(key_number(i), fmt::format("entry {}", i));
  std::string warning;
  ASSERT_TRUE(store.write_all(CacheKind::highlighting, entries, ".html", &warning)) << warning;
  for (const auto& [key, bytes] : entries) EXPECT_EQ(store.read(CacheKind::highlighting, key, ".html", &warning), bytes);
  size_t files = 0;
  fs::path folder = store.entry_path(CacheKind::highlighting, key_number(0), ".html").parent_path();
  for (const auto& e : fs::directory_iterator(folder)) {
    ++files;
    EXPECT_FALSE(e.path().filename().string().starts_with(".")) << e.path();
  }
  EXPECT_EQ(files, entries.size());

  fs::create_symlink(dir.path(), store.entry_path(CacheKind::highlighting, key_number(99), ".html"));
  entries.emplace_back(key_number(99), "through a link");
  EXPECT_FALSE(store.write_all(CacheKind::highlighting, entries, ".html", &warning));
  EXPECT_FALSE(warning.empty());
  entries = {{"not-a-key", "x"}};
  EXPECT_FALSE(store.write_all(CacheKind::highlighting, entries, ".html", &warning));
  EXPECT_NE(warning.find("not a cache key"), std::string::npos) << warning;
}

}  // namespace
}  // namespace deckgen
