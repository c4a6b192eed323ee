// Reading back what the page's fitting script marked (write/fit_report.h), from DOMs as
// Chromium serialises them.
#include "write/fit_report.h"

#include <gtest/gtest.h>

namespace deckgen {
namespace {

TEST(FitReport, OverflowingSlidesInOrderWithTheirPlace) {
  std::string dom =
      "<html><head></head><body class=\"deckgen theme-light\" data-fit-report=\"done\">"
      "<div class=\"reveal\"><div class=\"slides\">"
      "<section class=\"title-slide present\" data-fit=\"1\"><h1>T</h1></section>"
      "<section data-source=\"deck/01-a.md:3:1\" data-fit=\"0.8\" class=\"past\"><h2>fits</h2></section>"
      "<section data-source=\"deck/02-b &amp; c.md:10:1\" data-fit=\"0.6\" "
      "data-overflow=\"310 px below the bottom (about 12 lines of code)\" class=\"future\"><pre>x &gt; y</pre></section>"
      "<section class=\"measured-on future\" data-fit=\"0.6\" data-overflow=\"20 px past the right edge\"></section>"
      "</div></div></body></html>";
  FitReport r = read_fit_report(dom);
  EXPECT_TRUE(r.complete);
  ASSERT_EQ(r.overflowing.size(), 2u);
  EXPECT_EQ(r.overflowing[0].where, "deck/02-b & c.md:10:1");
  EXPECT_EQ(r.overflowing[0].hidden, "310 px below the bottom (about 12 lines of code)");
  EXPECT_EQ(r.overflowing[1].where, "the \"measured on\" slide");
  EXPECT_EQ(r.overflowing[1].hidden, "20 px past the right edge");
}

TEST(FitReport, APageWhoseScriptDidNotFinishIsIncomplete) {
  FitReport r = read_fit_report("<html><body class=\"deckgen\"><section data-source=\"a.md:1:1\"></section></body></html>");
  EXPECT_FALSE(r.complete);
  EXPECT_TRUE(r.overflowing.empty());
}

TEST(FitReport, MalformedMarkupEndsWithoutAHang) {
  for (const char* dom : {"<section", "<section data-overflow=\"", "<section =x data-overflow=y", "<body data-fit-report=done",
                          "<<<section/>", ""}) {
    FitReport r = read_fit_report(dom);
    (void)r;
  }
  FitReport r = read_fit_report("<body data-fit-report=done><section data-overflow=y data-source=a.md:1:1>");
  EXPECT_TRUE(r.complete);
  ASSERT_EQ(r.overflowing.size(), 1u);
  EXPECT_EQ(r.overflowing[0].where, "a.md:1:1");
}

}  // namespace
}  // namespace deckgen
