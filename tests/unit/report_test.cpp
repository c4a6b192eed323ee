// The JSON report and the JUnit file stay valid whatever bytes a snippet printed
// (issue 13, item 8): every byte 0..255 in its output, its failure and its compiler's.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "util/text.h"
#include "write/report.h"

namespace deckgen {
namespace {

std::string every_byte() {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  return bytes + "\xEF\xBF\xBE \xEF\xBF\xBF";  // U+FFFE, U+FFFF: valid UTF-8, not XML
}

struct HostileResults {
  HostileResults() {
    PlannedSnippet p;
    p.spec.id = "bytes";
    p.spec.language = "sh<&\x01>";
    plan.snippets.push_back(p);
    SnippetResult r;
    r.id = "bytes";
    r.outcome = Outcome::failed;
    r.failure = "exit status 1 " + every_byte();
    r.err.text = every_byte();
    r.out.text = every_byte();
    r.compile_output = every_byte();
    r.metric_problems = {every_byte()};
    snippets["bytes"] = r;
  }
  BuildResults results() const { return {plan, snippets, provenance, claims}; }
  Plan plan;
  std::map<std::string, SnippetResult> snippets;
  Provenance provenance;
  std::vector<ClaimResult> claims;
};

// The characters XML 1.0 allows: tab, newline, carriage return, U+0020 up, but not
// U+FFFE or U+FFFF, in valid UTF-8.
void expect_xml_characters(const std::string& xml) {
  EXPECT_EQ(sanitize_utf8(xml), xml) << "invalid UTF-8";
  for (size_t i = 0; i < xml.size(); ++i) {
    auto c = static_cast<unsigned char>(xml[i]);
    if (c < 0x20) {
      EXPECT_TRUE(c == '\t' || c == '\n' || c == '\r') << "byte " << int(c) << " at " << i;
    }
  }
  EXPECT_EQ(xml.find("\xEF\xBF\xBE"), std::string::npos);
  EXPECT_EQ(xml.find("\xEF\xBF\xBF"), std::string::npos);
}

TEST(JunitXml, HoldsOnlyCharactersXmlAllowsWhateverTheOutput) {
  HostileResults hostile;
  std::string xml = junit_xml(hostile.results());
  expect_xml_characters(xml);
  EXPECT_NE(xml.find("<failure message=\"exit status 1 "), std::string::npos);
  EXPECT_NE(xml.find("&lt;&amp;"), std::string::npos);  // markup in the text is escaped
  EXPECT_EQ(xml.find("<&"), std::string::npos);
}

TEST(ReportJson, ParsesWhateverTheOutput) {
  HostileResults hostile;
  std::string text;
  ASSERT_NO_THROW(text = report_json(hostile.results()));
  EXPECT_EQ(sanitize_utf8(text), text);
  auto doc = nlohmann::json::parse(text, nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  EXPECT_EQ(doc["snippets"][0]["metric_problems"].size(), 1u);
}

}  // namespace
}  // namespace deckgen
