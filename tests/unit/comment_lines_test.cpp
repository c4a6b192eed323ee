// The page embeds deckgen's own CSS and JS without their comment lines (issue 12, item 9:
// the 60-slide deck under 400 KB); what a browser reads must stay exactly as written.
#include <gtest/gtest.h>

#include "util/comment_lines.h"
#include "util/embedded.h"

namespace deckgen {
namespace {

TEST(WithoutCommentLines, DropsBlockCommentsLineCommentsIndentationAndBlankLines) {
  EXPECT_EQ(without_comment_lines("/* why\n   more why */\n.a {\n  color: red;\n}\n\n", CommentSyntax::css),
            ".a {\ncolor: red;\n}\n");
  EXPECT_EQ(without_comment_lines("  // why\n  var x = 1;\n  /* a */ var y = 2; /* b */\n", CommentSyntax::js),
            "var x = 1;\nvar y = 2; /* b */\n");
  EXPECT_EQ(without_comment_lines("/* one */ /* two\n */ .b { }\n", CommentSyntax::css), ".b { }\n");
}

TEST(WithoutCommentLines, KeepsWhatIsNotACommentAtTheStartOfALine) {
  // A comment after code, URLs and regular expressions holding slashes, CSS escapes.
  const char* js = "var re = /[?&]fit\\b/; // trailing\nvar url = 'http://x/*y';\nx = a / b;\n";
  EXPECT_EQ(without_comment_lines(js, CommentSyntax::js), js);
  const char* css = ".t::after { content: \" \\25b8\"; }\n";
  EXPECT_EQ(without_comment_lines(css, CommentSyntax::css), css);
  // `//` begins no comment in CSS.
  EXPECT_EQ(without_comment_lines("//x\n", CommentSyntax::css), "//x\n");
  // "/*/" opens a comment; it does not close one.
  EXPECT_EQ(without_comment_lines("/*/ still\n*/ .c{}\n", CommentSyntax::css), ".c{}\n");
}

// The assumption the function rests on: our assets hold no template literal (a
// multi-line string whose lines could start with `//`).
TEST(WithoutCommentLines, DeckScriptHasNoTemplateLiterals) {
  std::string stripped = without_comment_lines(embedded_asset(Asset_id::deck_js), CommentSyntax::js);
  EXPECT_EQ(stripped.find('`'), std::string::npos);
  EXPECT_LT(stripped.size(), embedded_asset(Asset_id::deck_js).size());
}

}  // namespace
}  // namespace deckgen
