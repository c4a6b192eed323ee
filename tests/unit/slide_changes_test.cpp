// What an open page is told to replace after a rebuild (serve/slide_changes.h), on
// pages as write_page writes them, with the slides' places it reports.
#include "serve/slide_changes.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "write/page.h"

namespace deckgen {
namespace {

RenderedSlide slide(std::string html, std::string css_class = "") {
  RenderedSlide s;
  s.html = std::move(html);
  s.css_class = std::move(css_class);
  return s;
}

PageVersion version_of(uint64_t version, const std::vector<RenderedSlide>& slides, FrontMatter meta = {},
                       std::vector<Attachment> attachments = {}) {
  PageVersion v;
  v.version = version;
  std::vector<TextSpan> spans;
  v.page = std::make_shared<const std::string>(write_page(meta, slides, attachments, &spans));
  v.slides = std::move(spans);
  return v;
}

nlohmann::json changes(const PageVersion* from, const PageVersion& now) {
  return nlohmann::json::parse(slide_changes_json(from, now));
}

TEST(PageSlides, WritePageSaysWhereEachSlideIs) {
  FrontMatter meta;
  meta.title = "Talk";
  PageVersion v = version_of(1, {slide("<p>one</p>\n"), slide("<p>two</p>\n", "centred")}, meta);
  ASSERT_EQ(v.slides.size(), 3u);  // the title slide first
  auto text = [&](size_t i) { return v.page->substr(v.slides[i].begin, v.slides[i].end - v.slides[i].begin); };
  EXPECT_EQ(text(0).rfind("<section class=\"title-slide\">", 0), 0u);
  EXPECT_EQ(text(1), "<section>\n<p>one</p>\n</section>\n");
  EXPECT_EQ(text(2), "<section class=\"centred\">\n<p>two</p>\n</section>\n");
  EXPECT_EQ(v.slides[1].end, v.slides[2].begin);
}

TEST(SlideChanges, OnlyTheSlidesThatChangedAreSent) {
  PageVersion before = version_of(4, {slide("<p>one</p>\n"), slide("<p>two</p>\n"), slide("<p>three</p>\n")});
  PageVersion after = version_of(5, {slide("<p>one</p>\n"), slide("<p>two, edited</p>\n"), slide("<p>three</p>\n")});
  nlohmann::json answer = changes(&before, after);
  EXPECT_EQ(answer["version"], 5);
  EXPECT_EQ(answer["count"], 3);
  EXPECT_FALSE(answer.contains("reload"));
  ASSERT_EQ(answer["slides"].size(), 1u);
  EXPECT_EQ(answer["slides"][0]["index"], 1);
  EXPECT_EQ(answer["slides"][0]["html"], "<section>\n<p>two, edited</p>\n</section>\n");
  EXPECT_TRUE(changes(&after, after)["slides"].empty());
}

TEST(SlideChanges, AMovedSourceLineIsSentWithTheSlide) {
  RenderedSlide a = slide("<p>one</p>\n"), b = slide("<p>one</p>\n");
  a.pos = {"deck/a.md", 3, 1};
  b.pos = {"deck/a.md", 4, 1};
  PageVersion before = version_of(1, {a});
  nlohmann::json answer = changes(&before, version_of(2, {b}));
  ASSERT_EQ(answer["slides"].size(), 1u) << answer;
  EXPECT_NE(answer["slides"][0]["html"].get<std::string>().find("data-source=\"deck/a.md:4:1\""), std::string::npos);
}

TEST(SlideChanges, MoreThanSlidesChangedReloads) {
  PageVersion two = version_of(1, {slide("<p>one</p>\n"), slide("<p>two</p>\n")});
  // Another number of slides, a slide's class, the page around the slides (an embedded
  // trace), and a version the server no longer knows: each is a reload.
  EXPECT_TRUE(changes(&two, version_of(2, {slide("<p>one</p>\n")}))["reload"]);
  EXPECT_TRUE(changes(&two, version_of(2, {slide("<p>one</p>\n"), slide("<p>two</p>\n", "centred")}))["reload"]);
  EXPECT_TRUE(changes(&two, version_of(2, {slide("<p>one</p>\n"), slide("<p>two</p>\n")}, {},
                                      {{"traces/x.json", "{}"}}))["reload"]);
  EXPECT_TRUE(changes(nullptr, two)["reload"]);
  PageVersion unknown_places = two;
  unknown_places.slides.clear();
  EXPECT_TRUE(changes(&unknown_places, two)["reload"]);
  EXPECT_EQ(changes(nullptr, two)["version"], 1);
}

TEST(SlideChanges, InvalidUtf8InASlideIsReplacedNotAnError) {
  PageVersion before = version_of(1, {slide("<p>a</p>\n")});
  PageVersion after = version_of(2, {slide("<pre>\xff\xfe</pre>\n")});
  nlohmann::json answer = changes(&before, after);
  ASSERT_EQ(answer["slides"].size(), 1u);
}

}  // namespace
}  // namespace deckgen
