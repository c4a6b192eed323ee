// Golden tests: every tests/golden/NAME.md is rendered to slide fragments and compared
// with tests/golden/NAME.html. Set DECKGEN_UPDATE_GOLDEN=1 to rewrite the expected
// files after an intended change (then review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "draw/diagrams.h"
#include "draw/math.h"
#include "plan/plan.h"
#include "read/deck_reader.h"
#include "render/slides.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// Run blocks show tests/golden/snippets/ files with a made-up passing result: the
// golden files test layout, not running.
std::map<std::string, SnippetResult> fake_results(const Plan& plan) {
  std::map<std::string, SnippetResult> results;
  for (const PlannedSnippet& s : plan.snippets) {
    SnippetResult& r = results[s.spec.id];
    r.id = s.spec.id;
    r.out.text = "output of " + s.spec.id + "\n";
  }
  return results;
}

// The slides' HTML, each after a comment with its line and what the page writer puts on
// its <section>, then the reader's warnings.
std::string render_for_golden(const fs::path& md) {
  Deck deck = read_deck({md});
  draw_diagrams(deck, nullptr, nullptr);
  typeset_math(deck, nullptr, nullptr);
  std::optional<Plan> plan;
  if (!deck.snippets.empty()) plan = make_plan(deck, fs::path(DECKGEN_TEST_DATA) / "golden" / "snippets");
  std::map<std::string, SnippetResult> results = plan ? fake_results(*plan) : std::map<std::string, SnippetResult>{};
  std::string out;
  for (const RenderedSlide& s : render_slides(deck, {}, {plan ? &*plan : nullptr, &results})) {
    out += fmt::format("<!-- slide {}", s.pos.line);
    if (!s.css_class.empty()) out += fmt::format(" class=\"{}\"", s.css_class);
    if (!s.background_color.empty()) out += fmt::format(" background-color=\"{}\"", s.background_color);
    if (!s.background_image.empty()) out += fmt::format(" background-image=\"{}\"", s.background_image);
    out += " -->\n";
    out += s.html;
    if (!s.notes.empty()) out += "<!-- notes -->\n" + s.notes;
  }
  if (!deck.warnings.empty()) out += "<!-- warnings\n";
  for (Warning w : deck.warnings) {  // named by the file's name alone: the checkout's folder varies
    w.pos.file = fs::path(w.pos.file.str()).filename().string();
    out += warning_message(w) + "\n";
  }
  if (!deck.warnings.empty()) out += "-->\n";
  return out;
}

std::vector<fs::path> golden_inputs() {
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(fs::path(DECKGEN_TEST_DATA) / "golden"))
    if (e.path().extension() == ".md") inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

class Golden : public ::testing::TestWithParam<fs::path> {};

TEST_P(Golden, RendersAsExpected) {
  fs::path md = GetParam();
  fs::path expected_file = fs::path(md).replace_extension(".html");
  std::string actual = render_for_golden(md);
  if (const char* update = std::getenv("DECKGEN_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(expected_file, std::ios::binary) << actual;
    GTEST_SKIP() << "updated " << expected_file;
  }
  std::string expected;
  ASSERT_TRUE(read_file(expected_file, expected)) << "missing " << expected_file
                                                  << " (run with DECKGEN_UPDATE_GOLDEN=1 to create it)";
  EXPECT_EQ(actual, expected) << "golden mismatch for " << md;
}

INSTANTIATE_TEST_SUITE_P(Files, Golden, ::testing::ValuesIn(golden_inputs()),
                         [](const auto& info) { return info.param.stem().string(); });

}  // namespace
}  // namespace deckgen
