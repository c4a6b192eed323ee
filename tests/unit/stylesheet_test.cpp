// The deck's own stylesheet (`css:`, read/stylesheet.h) and the built-in themes: the file
// is embedded after deckgen's CSS, and a path that cannot be used is an input error at
// the `css:` key.
#include <gtest/gtest.h>

#include "model/input_error.h"
#include "read/deck_reader.h"
#include "test_support.h"
#include "write/page.h"

namespace deckgen {
namespace {

InputError error_of(const test::TempDir& dir) {
  try {
    read_deck({dir.path() / "deck"});
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an InputError";
  return InputError({}, "");
}

TEST(Stylesheet, IsReadAndEmbeddedAfterDeckgensOwnCss) {
  test::TempDir dir;
  dir.write("deck/style.css", "body.deckgen { --heading: #c00; }\n");
  dir.write("deck/01.md", "---\ntheme: paper\ncss: style.css\n---\n# A\n");
  Deck deck = read_deck({dir.path() / "deck"});
  EXPECT_EQ(deck.meta.css, "body.deckgen { --heading: #c00; }\n");
  std::string page = write_page(deck.meta, {}, {});
  size_t own = page.find("--heading: #c00");
  ASSERT_NE(own, std::string::npos);
  EXPECT_GT(own, page.find("theme-paper) {")) << "the deck's rules come after the theme's, so they win";
  EXPECT_NE(page.find("<body class=\"deckgen theme-paper\">"), std::string::npos);
}

TEST(Stylesheet, AMissingFileIsAnErrorAtTheKey) {
  test::TempDir dir;
  dir.write("deck/01.md", "---\ntitle: T\ncss: nowhere.css\n---\n# A\n");
  InputError e = error_of(dir);
  EXPECT_EQ(e.where().line, 3);
  EXPECT_NE(e.problem().find("cannot read the stylesheet"), std::string::npos) << e.problem();
}

TEST(Stylesheet, NotCssOrEndingTheStyleElementIsAnError) {
  test::TempDir dir;
  dir.write("deck/style.txt", "x");
  dir.write("deck/01.md", "---\ncss: style.txt\n---\n# A\n");
  EXPECT_NE(error_of(dir).problem().find("is not a .css file"), std::string::npos);
  dir.write("deck/style.css", "a{}</STYLE><script>alert(1)</script>");
  dir.write("deck/01.md", "---\ncss: style.css\n---\n# A\n");
  EXPECT_NE(error_of(dir).problem().find("</style"), std::string::npos);
}

}  // namespace
}  // namespace deckgen
