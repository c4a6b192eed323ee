// Cache keys: every input that can change a snippet's result changes its key; what only
// the slide shows, and files the snippet does not use, do not.
#include "cache/cache_key.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "cache/dependencies.h"
#include "plan/languages.h"
#include "run/trace_helpers.h"
#include "test_support.h"

namespace deckgen {
namespace {

namespace fs = std::filesystem;

class CacheKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("snippets/main.py", "import helper\nfrom pkg import tools\nimport json\nprint(helper.x)\n");
    dir_.write("snippets/helper.py", "import deep  # transitively\nx = 1\n");
    dir_.write("snippets/deep.py", "y = 2\n");
    dir_.write("snippets/pkg/__init__.py", "");
    dir_.write("snippets/pkg/tools.py", "z = 3\n");
    dir_.write("snippets/unused.py", "w = 4\n");
    dir_.write("snippets/other.py", "print('another snippet')\n");
    dir_.write("snippets/deckgen_trace.py", "def metric(name, value, unit=''): pass\n");
    dir_.write("snippets/prog.c", "#include <stdio.h>\n#include \"local.h\"\n#include <deckgen_trace.h>\nint main(void) { return 0; }\n");
    dir_.write("snippets/local.h", "#include \"inner/more.h\"\n");
    dir_.write("snippets/inner/more.h", "#define MORE 1\n");
    dir_.write("snippets/deckgen_trace.h", "// helper\n");
    dir_.write("snippets/unused.h", "// not included\n");
  }

  fs::path snippets() const { return dir_.path() / "snippets"; }

  PlannedSnippet snippet(const std::string& file) const {
    PlannedSnippet s;
    s.spec.id = fs::path(file).stem().string();
    s.spec.file = snippets() / file;
    s.spec.display_file = file;
    bool python = fs::path(file).extension() == ".py";
    s.spec.language = python ? "python" : "c";
    s.language = *find_language_by_name(builtin_languages(), s.spec.language);
    std::ifstream in(s.spec.file);
    s.source.assign(std::istreambuf_iterator<char>(in), {});
    s.shown_code = s.source;
    return s;
  }

  CacheInputs inputs() const {
    CacheInputs in;
    in.snippets_dir = snippets();
    in.tool = {"python", "/usr/bin/python3.11", "Python 3.11.2"};
    in.python = "/usr/bin/python3.11";
    in.path_env = "/usr/bin:/bin";
    in.machine_fingerprint = "Some CPU; 2 logical cores; Linux 6.1.0 x86_64";
    return in;
  }

  std::string key(const std::string& file) const { return snippet_cache_key(snippet(file), inputs()); }

  // An edit that keeps what the file imports or includes.
  void append(const std::string& file, std::string_view text) const {
    std::ofstream(snippets() / file, std::ios::app) << text;
  }

  test::TempDir dir_;
};

TEST_F(CacheKeyTest, IsThirtyTwoHexDigitsAndStable) {
  std::string k = key("main.py");
  EXPECT_TRUE(is_cache_key(k)) << k;
  EXPECT_EQ(k, key("main.py"));
  EXPECT_NE(k, key("other.py"));
  EXPECT_FALSE(is_cache_key("../../etc/passwd"));
  EXPECT_FALSE(is_cache_key(std::string(32, 'A')));
}

// One test per input: a function that changes one thing must change the key.
using Change = std::function<void(PlannedSnippet&, CacheInputs&)>;

void expect_changes_key(const PlannedSnippet& base, const CacheInputs& in, const Change& change) {
  PlannedSnippet s = base;
  CacheInputs changed = in;
  change(s, changed);
  EXPECT_NE(snippet_cache_key(base, in), snippet_cache_key(s, changed));
}

TEST_F(CacheKeyTest, SourceChangesKey) {
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.source += "print(2)\n"; });
}

TEST_F(CacheKeyTest, ArgsChangeKey) {
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.args = {"--n", "10"}; });
  // Where one argument ends matters: ["a b"] is not ["a", "b"].
  PlannedSnippet one = snippet("main.py"), two = snippet("main.py");
  one.spec.args = {"a b"};
  two.spec.args = {"a", "b"};
  EXPECT_NE(snippet_cache_key(one, inputs()), snippet_cache_key(two, inputs()));
}

TEST_F(CacheKeyTest, EnvChangesKey) {
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.env["N"] = "10"; });
  PlannedSnippet a = snippet("main.py"), b = snippet("main.py");
  a.spec.env["N"] = "1";
  b.spec.env["N"] = "2";
  EXPECT_NE(snippet_cache_key(a, inputs()), snippet_cache_key(b, inputs()));
  expect_changes_key(snippet("main.py"), inputs(), [](auto&, auto& in) { in.path_env = "/opt/bin:/usr/bin:/bin"; });
}

TEST_F(CacheKeyTest, StdinChangesKey) {
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.stdin_data = "hello"; });
  // No stdin (the terminal's /dev/null) and empty stdin are different inputs.
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.stdin_data = ""; });
}

TEST_F(CacheKeyTest, InterpreterChangesKey) {
  expect_changes_key(snippet("main.py"), inputs(), [](auto&, auto& in) { in.tool.version = "Python 3.12.1"; });
  expect_changes_key(snippet("main.py"), inputs(), [](auto&, auto& in) { in.tool.path = "/opt/py/bin/python3"; });
  expect_changes_key(snippet("main.py"), inputs(), [](auto&, auto& in) { in.python = "/opt/py/bin/python3"; });
}

TEST_F(CacheKeyTest, CompilerChangesKey) {
  CacheInputs in = inputs();
  in.tool = {"c", "/usr/bin/gcc-12", "cc (Debian 12.2.0-14) 12.2.0"};
  expect_changes_key(snippet("prog.c"), in, [](auto&, auto& in) { in.tool.version = "cc (Debian 13.1.0) 13.1.0"; });
  expect_changes_key(snippet("prog.c"), in, [](auto& s, auto&) { s.language.compile.push_back("-march=native"); });
  expect_changes_key(snippet("prog.c"), in, [](auto& s, auto&) { s.language.run = {"taskset", "-c", "0", "{exe}"}; });
}

TEST_F(CacheKeyTest, MachineFingerprintChangesKey) {
  expect_changes_key(snippet("main.py"), inputs(),
                     [](auto&, auto& in) { in.machine_fingerprint = "Other CPU; 2 logical cores; Linux 6.1.0 x86_64"; });
}

// --cpus 0 and --cpus 1 are one CPU each: the fingerprint's counts cannot tell them apart,
// and one of them may be the CPU that takes the interrupts (or an E-core).
TEST_F(CacheKeyTest, TwoMasksOfOneSizeDoNotShareAResult) {
  CacheInputs zero = inputs(), one = inputs();
  zero.cpus = "0";
  one.cpus = "1";
  EXPECT_NE(snippet_cache_key(snippet("main.py"), zero), snippet_cache_key(snippet("main.py"), one));
  EXPECT_NE(snippet_cache_key(snippet("main.py"), zero), key("main.py"));
  // Under all of the machine's CPUs the key has no such field: those keys stay what they were.
  EXPECT_EQ(snippet_cache_text(snippet("main.py"), inputs()).find("\ncpus "), std::string::npos);
  // A program compiled under one mask serves the other: the compiler does not see it.
  CacheInputs c_zero = zero, c_one = one;
  c_zero.tool = c_one.tool = {"c", "/usr/bin/gcc-12", "cc (Debian 12.2.0-14) 12.2.0"};
  EXPECT_EQ(compile_cache_key(snippet("prog.c"), c_zero), compile_cache_key(snippet("prog.c"), c_one));
}

TEST_F(CacheKeyTest, RunsAndWarmupChangeKey) {
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.runs = 7; });
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.warmup = 0; });
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.timeout = std::chrono::seconds(5); });
}

TEST_F(CacheKeyTest, ExpectChangesKey) {
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.expect.exit_code = 3; });
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.expect.fails = true; });
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.expect.stdout_contains = "ok"; });
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.expect.stdout_matches = "o+k"; });
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.expect.stderr_contains = "ok"; });
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.expect.stderr_matches = "o+k"; });
}

TEST_F(CacheKeyTest, TraceFlagChangesKey) {
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.trace = true; });
}

TEST_F(CacheKeyTest, DeckgenVersionAndMeasurementChangeKey) {
  expect_changes_key(snippet("main.py"), inputs(), [](auto&, auto& in) { in.deckgen_version = "99.0.0"; });
  expect_changes_key(snippet("main.py"), inputs(), [](auto&, auto& in) { in.measurement = "alone"; });
}

TEST_F(CacheKeyTest, IdChangesKey) {
  // The id reaches the snippet as DECKGEN_SNIPPET_ID, and the stored result names it.
  expect_changes_key(snippet("main.py"), inputs(), [](auto& s, auto&) { s.spec.id = "renamed"; });
}

TEST_F(CacheKeyTest, ImportedModuleEditChangesKey) {
  for (const char* module : {"helper.py", "deep.py", "pkg/tools.py", "pkg/__init__.py"}) {
    std::string before = key("main.py");
    append(module, "# edited\n");
    EXPECT_NE(before, key("main.py")) << module;
  }
}

TEST_F(CacheKeyTest, LocalModuleShadowingAnInstalledOneChangesKey) {
  // `import json` found nothing local; a json.py added to the snippets folder is what
  // Python imports from then on.
  std::string before = key("main.py");
  dir_.write("snippets/json.py", "dumps = None\n");
  EXPECT_NE(before, key("main.py"));
}

TEST_F(CacheKeyTest, TraceHelperEditChangesKey) {
  // main.py does not import it; every Python snippet depends on it all the same.
  std::string before = key("main.py");
  dir_.write("snippets/deckgen_trace.py", "def metric(name, value, unit='s'): pass\n");
  EXPECT_NE(before, key("main.py"));
}

// The helpers compiled into deckgen are on every snippet's path, so their content is
// part of every key (a rebuilt deckgen with an edited helper reruns what may use it).
TEST_F(CacheKeyTest, EmbeddedTraceHelpersAreInEveryKey) {
  for (const char* file : {"main.py", "prog.c"}) {
    std::string text = snippet_cache_text(snippet(file), inputs());
    for (const TraceHelperFile& h : trace_helper_files()) {
      EXPECT_NE(text.find(fmt::format("helper {}\n{}\n", h.name.size(), h.name)), std::string::npos) << file;
      EXPECT_NE(text.find(fmt::format("helper.content {}\n{}\n", h.content.size(), h.content)), std::string::npos)
          << file << ": " << h.name;
    }
  }
  EXPECT_FALSE(trace_helper_files()[0].content.empty());
}

TEST_F(CacheKeyTest, IncludeEditChangesKey) {
  for (const char* header : {"local.h", "inner/more.h", "deckgen_trace.h"}) {
    std::string before = key("prog.c");
    append(header, "// edited\n");
    EXPECT_NE(before, key("prog.c")) << header;
  }
}

TEST_F(CacheKeyTest, UnrelatedEditsKeepKey) {
  std::string py = key("main.py"), c = key("prog.c");
  dir_.write("snippets/other.py", "print('edited')\n");       // another snippet
  dir_.write("snippets/unused.py", "w = 5\n");                 // not imported
  dir_.write("snippets/unused.h", "// edited\n");              // not included
  dir_.write("snippets/new_file.txt", "data\n");               // new, unused
  dir_.write("deck/slides.md", "# A slide\n\nEdited prose.\n"); // the deck
  EXPECT_EQ(py, key("main.py"));
  EXPECT_EQ(c, key("prog.c"));
  dir_.write("snippets/deckgen_trace.py", "# edited\n");        // only Python snippets use it
  EXPECT_EQ(c, key("prog.c"));
}

TEST_F(CacheKeyTest, WhatOnlyTheSlideShowsKeepsKey) {
  PlannedSnippet s = snippet("main.py");
  std::string before = snippet_cache_key(s, inputs());
  s.spec.show_code = !s.spec.show_code;
  s.spec.show_output = !s.spec.show_output;
  s.spec.show_timing = !s.spec.show_timing;
  s.spec.region = "core";
  s.shown_code = "print(helper.x)\n";
  s.spec.pos.line += 40;  // prose added above the run block moves it
  EXPECT_EQ(before, snippet_cache_key(s, inputs()));
}

TEST_F(CacheKeyTest, CompileKeyCoversOnlyWhatTheCompilerSees) {
  CacheInputs in = inputs();
  in.tool = {"c", "/usr/bin/gcc-12", "cc 12.2.0"};
  PlannedSnippet s = snippet("prog.c");
  std::string before = compile_cache_key(s, in);
  EXPECT_TRUE(is_cache_key(before));
  s.spec.args = {"100"};
  s.spec.runs = 20;
  s.spec.env["N"] = "1";
  EXPECT_EQ(before, compile_cache_key(s, in));
  dir_.write("snippets/local.h", "#define LOCAL 2\n");
  EXPECT_NE(before, compile_cache_key(s, in));
  EXPECT_EQ("", compile_cache_key(snippet("main.py"), inputs()));
}

// `watch` keeps each snippet's sources part between builds (cache/warm_cache.h): the
// keys it gives are the cold keys, an edited dependency is seen through its stamp, and
// a module created beside the others is seen once the watch forgets (as it does on any
// change that is not a slide).
TEST_F(CacheKeyTest, AWarmCacheGivesTheColdKeysAndSeesEdits) {
  WarmCache warm;
  auto warm_keys = [&](const std::string& file) {
    CacheInputs in = inputs();
    in.warm = &warm;
    return snippet_keys(snippet(file), in);
  };
  for (const char* file : {"main.py", "prog.c"}) {
    SnippetKeys first = warm_keys(file), again = warm_keys(file);
    EXPECT_EQ(first.result, key(file)) << file;
    EXPECT_EQ(again.result, key(file)) << file;
    EXPECT_EQ(again.text, snippet_cache_text(snippet(file), inputs())) << file;
    EXPECT_EQ(again.program, compile_cache_key(snippet(file), inputs())) << file;
  }
  for (const char* module : {"deep.py", "pkg/tools.py", "deckgen_trace.py"}) {
    std::string before = warm_keys("main.py").result;
    append(module, "# edited\n");
    EXPECT_NE(warm_keys("main.py").result, before) << module;
    EXPECT_EQ(warm_keys("main.py").result, key("main.py")) << module;
  }
  append("inner/more.h", "// edited\n");
  EXPECT_EQ(warm_keys("prog.c").result, key("prog.c"));

  dir_.write("snippets/json.py", "dumps = None\n");  // shadows `import json` from now on
  warm.forget_sources();
  EXPECT_EQ(warm_keys("main.py").result, key("main.py"));
}

TEST(DependencyScan, FindsPythonImports) {
  auto imports = scan_python_imports(
      "import a, b.c as d\n"
      "from e.f import g, h as i\n"
      "from . import j\n"
      "from ..k import (l,\n    m)\n"
      "  import n; from o import *  # comment import p\n"
      "x = 'not an import'\n"
      "important = 1\n");
  ASSERT_EQ(imports.size(), 7u);
  EXPECT_EQ(imports[0].module, "a");
  EXPECT_EQ(imports[1].module, "b.c");
  EXPECT_EQ(imports[2].module, "e.f");
  EXPECT_EQ(imports[2].names, (std::vector<std::string>{"g", "h"}));
  EXPECT_EQ(imports[3].level, 1);
  EXPECT_EQ(imports[3].module, "");
  EXPECT_EQ(imports[3].names, std::vector<std::string>{"j"});
  EXPECT_EQ(imports[4].level, 2);
  EXPECT_EQ(imports[4].module, "k");
  EXPECT_EQ(imports[4].names, std::vector<std::string>{"l"});
  EXPECT_EQ(imports[5].module, "n");
  EXPECT_EQ(imports[6].module, "o");
  EXPECT_TRUE(imports[6].names.empty());
}

TEST(DependencyScan, FindsIncludes) {
  auto includes = scan_includes("#include \"a.h\"\n  #  include <b/c.h>\n#define X\n#include MACRO\n#include_next <d.h>\n");
  ASSERT_EQ(includes.size(), 2u);
  EXPECT_EQ(includes[0].path, "a.h");
  EXPECT_TRUE(includes[0].quoted);
  EXPECT_EQ(includes[1].path, "b/c.h");
  EXPECT_FALSE(includes[1].quoted);
}

TEST(DependencyScan, ResolvesRelativeImportsAndStaysInTheSnippetsFolder) {
  test::TempDir dir;
  dir.write("outside.py", "");
  dir.write("snippets/app/main.py", "from .sibling import f\nfrom .. import top\nimport outside\n");
  dir.write("snippets/app/sibling.py", "");
  dir.write("snippets/top.py", "");
  auto deps = local_dependencies(dir.path() / "snippets/app/main.py", dir.path() / "snippets");
  std::vector<std::string> names;
  for (const auto& d : deps) names.push_back(d.lexically_relative(fs::canonical(dir.path() / "snippets")).generic_string());
  EXPECT_EQ(names, (std::vector<std::string>{"app/sibling.py", "top.py"}));
}

TEST(DependencyScan, SurvivesIncludeCycles) {
  test::TempDir dir;
  dir.write("snippets/a.h", "#include \"b.h\"\n");
  dir.write("snippets/b.h", "#include \"a.h\"\n");
  dir.write("snippets/main.c", "#include \"a.h\"\n");
  EXPECT_EQ(local_dependencies(dir.path() / "snippets/main.c", dir.path() / "snippets").size(), 2u);
}

}  // namespace
}  // namespace deckgen
