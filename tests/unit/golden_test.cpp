// Golden tests: every tests/golden/NAME.md is rendered to slide fragments and compared
// with tests/golden/NAME.html. Set DECKGEN_UPDATE_GOLDEN=1 to rewrite the expected
// files after an intended change (then review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "read/deck_reader.h"
#include "render/slides.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

std::string render_for_golden(const fs::path& md) {
  Deck deck = read_deck({md});
  std::string out;
  for (const RenderedSlide& s : render_slides(deck, {})) {
    out += fmt::format("<!-- slide {} -->\n", s.pos.line);
    out += s.html;
    if (!s.notes.empty()) out += "<!-- notes -->\n" + s.notes;
  }
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
