#include <gtest/gtest.h>

#include "model/input_error.h"
#include "read/front_matter.h"

namespace deckgen {
namespace {

InputError error_of(std::string_view text) {
  try {
    auto split = split_front_matter(text, "deck/01.md");
    parse_front_matter(split.yaml, "deck/01.md", split.yaml_first_line);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an InputError for:\n" << text;
  return InputError({}, "");
}

TEST(FrontMatter, AbsentWhenTheFirstLineIsNotDashes) {
  auto split = split_front_matter("# Title\n---\n", "a.md");
  EXPECT_FALSE(split.present);
  EXPECT_EQ(split.body_first_line, 1);
}

TEST(FrontMatter, ValidKeysAreRead) {
  std::string_view text =
      "---\ntitle: Concurrency\nauthor: Ann\nevent: PyCon\ndate: 2024-05-15\ntheme: dark\n"
      "slide_numbers: false\ntransition: fade\naspect_ratio: \"4:3\"\n---\n# Slide\n";
  auto split = split_front_matter(text, "a.md");
  ASSERT_TRUE(split.present);
  EXPECT_EQ(split.body, "# Slide\n");
  EXPECT_EQ(split.body_first_line, 11);
  FrontMatter fm = parse_front_matter(split.yaml, "a.md", split.yaml_first_line);
  EXPECT_EQ(fm.title, "Concurrency");
  EXPECT_EQ(fm.author, "Ann");
  EXPECT_EQ(fm.event, "PyCon");
  EXPECT_EQ(fm.date, "2024-05-15");
  EXPECT_EQ(fm.theme, "dark");
  EXPECT_FALSE(fm.slide_numbers);
  EXPECT_EQ(fm.transition, "fade");
  EXPECT_EQ(fm.aspect_ratio, "4:3");
}

TEST(FrontMatter, ClosingDotsAndEmptyFrontMatterAreAccepted) {
  auto split = split_front_matter("---\n...\nbody\n", "a.md");
  ASSERT_TRUE(split.present);
  EXPECT_EQ(parse_front_matter(split.yaml, "a.md", 2).title, "");
  EXPECT_EQ(split.body_first_line, 3);
}

TEST(FrontMatter, UnknownKeyNamesTheKeyItsPositionAndANearMatch) {
  InputError e = error_of("---\ntitle: A\ntitel: B\n---\n");
  EXPECT_EQ(e.where(), (SourcePos{"deck/01.md", 3, 1}));
  EXPECT_EQ(e.problem(), "unknown front matter key 'titel'");
  EXPECT_NE(e.what_to_do().find("did you mean 'title'?"), std::string::npos);
}

TEST(FrontMatter, UnknownKeyFarFromAnyListsTheKnownOnes) {
  InputError e = error_of("---\nzzzzzzzz: 1\n---\n");
  EXPECT_EQ(e.what_to_do().rfind("known keys: aspect_ratio, author", 0), 0u);
}

TEST(FrontMatter, WrongValueNamesTheValueAndTheChoices) {
  InputError e = error_of("---\ntheme: neon\n---\n");
  EXPECT_EQ(e.where(), (SourcePos{"deck/01.md", 2, 8}));
  EXPECT_EQ(e.problem(), "'theme' cannot be 'neon'");
  EXPECT_EQ(e.what_to_do(), "use one of: light, dark, paper");
}

TEST(FrontMatter, NonBooleanSlideNumbers) {
  InputError e = error_of("---\nslide_numbers: maybe\n---\n");
  EXPECT_EQ(e.where().line, 2);
  EXPECT_EQ(e.problem(), "'slide_numbers' must be true or false, not 'maybe'");
}

// Issue 24, item 5: dot's time limit is read like a run block's compile_timeout.
TEST(FrontMatter, DotTimeoutIsSecondsUpToAnHour) {
  auto read = [](std::string_view text) {
    auto split = split_front_matter(text, "deck/01.md");
    return parse_front_matter(split.yaml, "deck/01.md", split.yaml_first_line);
  };
  EXPECT_EQ(read("---\ntitle: t\n---\n").dot_timeout, std::chrono::seconds(60));
  EXPECT_EQ(read("---\ndot_timeout: 0.5\n---\n").dot_timeout, std::chrono::milliseconds(500));
  EXPECT_EQ(read("---\ndot_timeout: 3600\n---\n").dot_timeout, std::chrono::hours(1));
  for (std::string_view bad : {"---\ndot_timeout: 0\n---\n", "---\ndot_timeout: 3601\n---\n", "---\ndot_timeout: soon\n---\n"}) {
    InputError e = error_of(bad);
    EXPECT_EQ(e.where(), (SourcePos{"deck/01.md", 2, 14})) << bad;
    EXPECT_NE(e.problem().find("dot_timeout"), std::string::npos) << e.problem();
  }
}

TEST(FrontMatter, ListWhereAValueBelongs) {
  InputError e = error_of("---\ntitle: [a, b]\n---\n");
  EXPECT_EQ(e.where(), (SourcePos{"deck/01.md", 2, 8}));
}

TEST(FrontMatter, BrokenYamlPointsAtTheLine) {
  InputError e = error_of("---\ntitle: A\nauthor: [unclosed\n---\n");
  EXPECT_GE(e.where().line, 3);
  EXPECT_NE(e.problem().find("not valid YAML"), std::string::npos);
}

TEST(FrontMatter, NotAMapping) {
  InputError e = error_of("---\n- a\n- b\n---\n");
  EXPECT_EQ(e.where().line, 2);
}

TEST(FrontMatter, UnclosedIsAnErrorAtTheFirstLine) {
  InputError e = error_of("---\ntitle: A\n# Slide\n");
  EXPECT_EQ(e.where(), (SourcePos{"deck/01.md", 1, 1}));
  EXPECT_NE(e.problem().find("never closed"), std::string::npos);
}

TEST(FrontMatter, QuartoAndMarpKeysAreAcceptedAndNamed) {
  auto split = split_front_matter(
      "---\ntitle: T\nformat:\n  revealjs:\n    slide-level: 1\nexecute:\n  echo: true\njupyter: python3\nmarp: true\n---\n",
      "a.md");
  FrontMatter fm = parse_front_matter(split.yaml, "a.md", split.yaml_first_line);
  EXPECT_EQ(fm.title, "T");
  ASSERT_EQ(fm.foreign_keys.size(), 4u);
  EXPECT_EQ(fm.foreign_keys[0].first, "format");
  EXPECT_EQ(fm.foreign_keys[0].second.line, 3);
  EXPECT_EQ(fm.foreign_keys[3].first, "marp");
  EXPECT_EQ(fm.slide_level, 1);  // from format: revealjs: slide-level
}

TEST(FrontMatter, DeckgensOwnSlideLevelWinsOverQuartos) {
  auto split = split_front_matter("---\nslide_level: 2\nheadingDivider: 1\n---\n", "a.md");
  EXPECT_EQ(parse_front_matter(split.yaml, "a.md", split.yaml_first_line).slide_level, 2);
  InputError e = error_of("---\nslide_level: 9\n---\n");
  EXPECT_NE(e.problem().find("from 0 to 6"), std::string::npos);
}

TEST(FrontMatter, ATypoOfADeckgenKeyIsStillAnErrorWithDidYouMean) {
  InputError e = error_of("---\nformat: revealjs\nslide_levle: 2\n---\n");
  EXPECT_EQ(e.where().line, 3);
  EXPECT_NE(e.problem().find("unknown front matter key 'slide_levle'"), std::string::npos);
  EXPECT_NE(e.what_to_do().find("did you mean 'slide_level'"), std::string::npos);
}

}  // namespace
}  // namespace deckgen
