#include <gtest/gtest.h>

#include "model/input_error.h"
#include "read/deck_reader.h"
#include "render/html.h"
#include "render/slides.h"
#include "test_support.h"

namespace deckgen {
namespace {

const std::string kPng("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

class Images : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::string render_first(const Deck& deck) { return render_slides(deck, {}).at(0).html; }
};

TEST_F(Images, LocalImagesAreInlinedAsDataUris) {
  dir.write("d/img/a b.png", kPng);
  dir.write("d/pic.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  dir.write("d/gif.gif", "GIF89a....");
  dir.write("d/j.jpg", "\xFF\xD8\xFF\xE0rest");
  dir.write("d/1.md", "![A *b*](img/a%20b.png \"t\") ![s](pic.svg) ![g](gif.gif) ![j](j.jpg)\n");
  Deck deck = read_deck({dir.path() / "d"});
  std::string html = render_first(deck);
  EXPECT_NE(html.find("<img src=\"data:image/png;base64," + base64(kPng) + "\" alt=\"A b\" title=\"t\" />"),
            std::string::npos) << html;
  EXPECT_NE(html.find("data:image/svg+xml;base64,"), std::string::npos);
  EXPECT_NE(html.find("data:image/gif;base64,"), std::string::npos);
  EXPECT_NE(html.find("data:image/jpeg;base64,"), std::string::npos);
  EXPECT_EQ(deck.images.size(), 4u);
}

TEST_F(Images, TheSameImageTwiceIsReadOnce) {
  dir.write("d/a.png", kPng);
  dir.write("d/1.md", "![x](a.png)\n\n---\n\n![y](./a.png)\n");
  Deck deck = read_deck({dir.path() / "d"});
  EXPECT_EQ(deck.images.size(), 1u);
  EXPECT_NE(render_slides(deck, {}).at(1).html.find("data:image/png"), std::string::npos);
}

TEST_F(Images, MissingImageNamesFileLineAndColumn) {
  dir.write("d/1.md", "# Title\n\nSome text ![diagram](missing.png)\n");
  try {
    read_deck({dir.path() / "d"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 3);
    EXPECT_EQ(e.where().column, 22);
    EXPECT_NE(e.problem().find("cannot read image"), std::string::npos);
    EXPECT_NE(e.what_to_do().find("relative to the slide's .md file"), std::string::npos);
  }
}

TEST_F(Images, RemoteImagesAreRefusedBecauseTheDeckPresentsOffline) {
  dir.write("d/1.md", "![x](https://example.com/a.png)\n");
  try {
    read_deck({dir.path() / "d"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 1);
    EXPECT_NE(e.problem().find("not a local file"), std::string::npos);
  }
}

TEST_F(Images, UnsupportedFormatIsAnError) {
  dir.write("d/x.bmp", "BM......");
  dir.write("d/1.md", "![x](x.bmp)\n");
  EXPECT_THROW(read_deck({dir.path() / "d"}), InputError);
}

TEST_F(Images, DataUrisPassThrough) {
  dir.write("d/1.md", "![x](data:image/png;base64,AAAA)\n");
  Deck deck = read_deck({dir.path() / "d"});
  EXPECT_NE(render_first(deck).find("src=\"data:image/png;base64,AAAA\""), std::string::npos);
}

TEST(ImageMime, FromMagicBytes) {
  EXPECT_EQ(image_mime(kPng, "x.bin"), "image/png");
  EXPECT_EQ(image_mime("GIF87a", "x"), "image/gif");
  EXPECT_EQ(image_mime("<svg/>", "x.txt"), "");
  EXPECT_EQ(image_mime("<svg/>", "x.svg"), "image/svg+xml");
}

}  // namespace
}  // namespace deckgen
