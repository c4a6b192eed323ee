#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "model/input_error.h"
#include "plan/languages.h"
#include "plan/plan.h"
#include "read/deck_reader.h"
#include "test_support.h"

namespace deckgen {
namespace {

class Planning : public ::testing::Test {
 protected:
  test::TempDir dir;
  // Reads and plans as a build does: the errors of both stages come out together.
  Plan plan_of(const std::string& slides) {
    dir.write("deck/01.md", slides);
    InputErrorList errors;
    Deck deck = read_deck({dir.path() / "deck"}, errors);
    Plan plan = make_plan(deck, std::nullopt, errors);
    errors.throw_if_any();
    return plan;
  }
  InputError error_of(const std::string& slides) {
    try {
      plan_of(slides);
    } catch (const InputError& e) {
      return e;
    }
    ADD_FAILURE() << "expected an InputError";
    return InputError({}, "");
  }
};

TEST_F(Planning, SnippetsFolderBesideTheDeckAndDefaults) {
  dir.write("snippets/gil/threads.py", "print(1)\n");
  Plan plan = plan_of("# A\n\n```run\nfile: gil/threads.py\n```\n");
  ASSERT_EQ(plan.snippets.size(), 1u);
  const PlannedSnippet& s = plan.snippets[0];
  EXPECT_EQ(s.spec.id, "threads");
  EXPECT_EQ(s.spec.language, "python");
  EXPECT_EQ(s.spec.pos.line, 3);
  EXPECT_EQ(s.spec.file, (dir.path() / "snippets/gil/threads.py").lexically_normal());
  EXPECT_EQ(s.shown_code, "print(1)\n");
  EXPECT_EQ(plan.at(s.spec.pos), &s);
  EXPECT_EQ(plan.find("threads"), &s);
}

TEST_F(Planning, LanguageFromExtensionOrOverride) {
  dir.write("snippets/a.c", "int main(){}\n");
  dir.write("snippets/b.cc", "int main(){}\n");
  dir.write("snippets/c.txt", "echo\n");
  Plan plan = plan_of("```run\nfile: a.c\n```\n\n```run\nfile: b.cc\n```\n\n```run\nfile: c.txt\nlang: sh\n```\n");
  EXPECT_EQ(plan.snippets[0].spec.language, "c");
  EXPECT_EQ(plan.snippets[1].spec.language, "cpp");
  EXPECT_EQ(plan.snippets[2].spec.language, "sh");
}

TEST_F(Planning, FrontMatterAddsALanguage) {
  dir.write("snippets/x.awk", "BEGIN { print 1 }\n");
  Plan plan = plan_of("---\nlanguages:\n  awk: {extensions: [.awk], run: [awk, -f, \"{file}\"]}\n---\n```run\nfile: x.awk\n```\n");
  EXPECT_EQ(plan.snippets[0].language.run, (std::vector<std::string>{"awk", "-f", "{file}"}));
}

TEST_F(Planning, PathsLeavingTheSnippetsFolderAreInputErrors) {
  dir.write("secret.py", "print(1)\n");
  dir.write("snippets/a.py", "print(2)\n");  // the folder exists; the path leaves it
  InputError e = error_of("# A\n\n```run\nfile: ../secret.py\n```\n");
  EXPECT_EQ(e.where().line, 4);  // the `file:` line, not the fence
  EXPECT_NE(e.problem().find("outside the snippets folder"), std::string::npos);
  EXPECT_NE(error_of("```run\nfile: /etc/passwd\n```\n").problem().find("outside"), std::string::npos);
}

TEST_F(Planning, SymlinkLeavingTheFolderIsRefused) {
  dir.write("secret.py", "print(1)\n");
  std::filesystem::create_directories(dir.path() / "snippets");
  std::filesystem::create_symlink(dir.path() / "secret.py", dir.path() / "snippets/link.py");
  EXPECT_NE(error_of("```run\nfile: link.py\n```\n").problem().find("outside"), std::string::npos);
}

TEST_F(Planning, MissingFileDuplicateIdUnknownLanguageAndRegion) {
  dir.write("snippets/a.py", "# region main\nx = 1\n# endregion\n");
  dir.write("snippets/a.xyz", "");
  EXPECT_NE(error_of("```run\nfile: nope.py\n```\n").problem().find("does not exist"), std::string::npos);
  InputError dup = error_of("```run\nfile: a.py\n```\n\n```run\nfile: a.py\n```\n");
  EXPECT_EQ(dup.where().line, 5);
  EXPECT_NE(dup.problem().find("already used at"), std::string::npos);
  EXPECT_NE(error_of("```run\nfile: a.xyz\n```\n").problem().find("no language runs '.xyz'"), std::string::npos);
  EXPECT_NE(error_of("```run\nfile: a.py\nlang: cobol\n```\n").problem().find("unknown language"), std::string::npos);
  EXPECT_NE(error_of("```run\nfile: a.py\nregion: other\n```\n").problem().find("region 'other'"), std::string::npos);
}

// --- errors that point right, all in one pass (issue 14) ---------------------------

TEST_F(Planning, AMissingFileIsReportedAtItsFileLine) {
  dir.write("snippets/a.py", "x = 1\n");
  InputError e = error_of("# A\n\n```run\nid: x\nfile: nope.py\n```\n");
  EXPECT_EQ(e.where().line, 5);    // the `file:` line, not the fence (3)
  EXPECT_EQ(e.where().column, 7);  // its value
  InputError region = error_of("```run\nfile: a.py\nregion: main\n```\n");
  EXPECT_EQ(region.where().line, 3);
  EXPECT_NE(region.problem().find("region 'main' is not in a.py"), std::string::npos);
}

TEST_F(Planning, EveryInputErrorIsReportedInOnePass) {
  dir.write("snippets/a.py", "x = 1\n");
  try {
    plan_of("```run\nfile: a.py\nrunz: 3\n```\n\n"      // 1: unknown key (reading)
            "```run\nfile: gone.py\n```\n\n"            // 7: missing file, at `file:` (planning)
            "```claim\nfaster: a\n```\n\n"              // 10: no `than:` (reading)
            "```run\nfile: a.py\nid: b\nregion: r\n```\n");  // 16: unknown region (planning)
    ADD_FAILURE() << "expected InputErrors";
  } catch (const InputErrors& e) {
    std::vector<int> lines;
    for (const InputError& one : e.errors()) lines.push_back(one.where().line);
    std::sort(lines.begin(), lines.end());
    EXPECT_EQ(lines, (std::vector<int>{3, 7, 10, 17}));
    EXPECT_EQ(e.not_shown(), 0u);
  }
}

TEST_F(Planning, EveryMistakenKeyOfABlockIsReported) {
  dir.write("snippets/a.py", "x = 1\n");
  struct Case {
    const char* slides;
    int first_line;
  };
  for (const Case& c : {Case{"```run\nfile: a.py\nrunz: 3\nwarmup: lots\n```\n", 3},                   // a run block
                        Case{"---\ntitel: x\nthem: dark\n---\n# A\n\n```run\nfile: a.py\n```\n", 2}}) {  // front matter
    try {
      plan_of(c.slides);
      ADD_FAILURE() << "expected InputErrors for " << c.slides;
    } catch (const InputErrors& e) {
      ASSERT_EQ(e.errors().size(), 2u) << c.slides;
      EXPECT_EQ(e.errors()[0].where().line, c.first_line);
      EXPECT_EQ(e.errors()[1].where().line, c.first_line + 1);
    }
  }
}

TEST_F(Planning, InputErrorsStopBeingListedAtTheLimit) {
  dir.write("snippets/a.py", "x = 1\n");
  std::string slides;
  for (int i = 0; i < 25; ++i) slides += fmt::format("```run\nfile: missing{}.py\n```\n\n", i);
  try {
    plan_of(slides);
    ADD_FAILURE() << "expected InputErrors";
  } catch (const InputErrors& e) {
    EXPECT_EQ(e.errors().size(), InputErrorList::kDefaultLimit);
    EXPECT_EQ(e.not_shown(), 25 - InputErrorList::kDefaultLimit);
  }
}

TEST_F(Planning, AMissingSnippetsFolderIsOneErrorNamingTheFolder) {
  dir.write("deck/01.md", "```run\nfile: a.py\n```\n\n```run\nfile: b.py\n```\n");
  try {
    make_plan(read_deck({dir.path() / "deck"}), dir.path() / "nope");
    ADD_FAILURE() << "expected an InputError";
  } catch (const InputError& e) {
    if (auto* all = dynamic_cast<const InputErrors*>(&e)) {
      EXPECT_EQ(all->errors().size() + all->not_shown(), 1u);
    }
    EXPECT_EQ(e.problem(), fmt::format("the snippets folder {} does not exist", (dir.path() / "nope").generic_string()));
    EXPECT_EQ(e.where().file.str(), "--snippets");
  }
  InputError from_front_matter = error_of("---\nsnippets: code\n---\n```run\nfile: a.py\n```\n");
  EXPECT_NE(from_front_matter.problem().find("the snippets folder"), std::string::npos);
  EXPECT_EQ(from_front_matter.where().line, 2);
}

TEST_F(Planning, IndentationMistakesSaySoAndShowTheShape) {
  dir.write("snippets/a.py", "x = 1\n");
  InputError shifted = error_of("```run\nfile: a.py\n  runs: 3\n```\n");
  EXPECT_NE(shifted.problem().find("indentation"), std::string::npos) << shifted.problem();
  EXPECT_NE(shifted.what_to_do().find("expect:\n      exit: 0"), std::string::npos) << shifted.what_to_do();
  InputError flat = error_of("```run\nfile: a.py\nexpect:\nexit: 1\n```\n");
  EXPECT_NE(flat.problem().find("expect has nothing under it: are its entries indented?"), std::string::npos)
      << flat.problem();
  EXPECT_NE(flat.what_to_do().find("exit: 0"), std::string::npos);
}

TEST(Regions, ExtractedDedentedWithoutMarkers) {
  std::string_view src =
      "import x\n# region setup\nsetup()\n# endregion\ndef f():\n    # region body\n    a = 1\n"
      "    # region inner\n    b = 2\n    # endregion\n    return a\n    # endregion\n";
  EXPECT_EQ(extract_region(src, "body"), "a = 1\nb = 2\nreturn a\n");
  EXPECT_EQ(extract_region(src, "setup"), "setup()\n");
  EXPECT_EQ(extract_region(src, "missing"), std::nullopt);
  EXPECT_EQ(extract_region("// region r\nint x;\n// endregion\n", "r"), "int x;\n");
  EXPECT_EQ(strip_region_markers(src),
            "import x\nsetup()\ndef f():\n    a = 1\n    b = 2\n    return a\n");
}

}  // namespace
}  // namespace deckgen

namespace deckgen {
namespace {

TEST(Languages, ExpandCommandReplacesEveryTokenOnceEvenWhenAValueHoldsOne) {
  // A snippet path that itself contains "{file}" must not be expanded again (it looped).
  EXPECT_EQ(expand_command({"cc", "{file}", "-o", "{exe}", "-I{snippets}"},
                           {{"file", "/d/{file}.c"}, {"exe", "/b/x"}, {"snippets", "/s"}}),
            (std::vector<std::string>{"cc", "/d/{file}.c", "-o", "/b/x", "-I/s"}));
  EXPECT_EQ(expand_command({"{dir}/{dir}"}, {{"dir", "a"}}), (std::vector<std::string>{"a/a"}));
}

}  // namespace
}  // namespace deckgen
