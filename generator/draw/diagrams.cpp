#include "draw/diagrams.h"

#include <fmt/format.h>

#include <regex>

#include "model/input_error.h"
#include "run/process.h"
#include "util/files.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

void collect(const NodeList& nodes, std::vector<const Node*>& out) {
  for (const Node& n : nodes) {
    if (n.type == NodeType::code_block && fence_language(n.info()) == "dot") out.push_back(&n);
    collect(n.children, out);
  }
}

// dot's defaults, changed to suit a slide: no white page behind the drawing (the dark
// theme shows through) and the theme's kind of type rather than Times.
const std::vector<std::string> kDotArgs = {"-Tsvg", "-Gbgcolor=transparent", "-Nfontname=sans-serif",
                                           "-Efontname=sans-serif", "-Gfontname=sans-serif"};

// Drawings are keyed by how dot is asked as well as by the source.
std::string key_of(std::string_view source) {
  std::string text = "deckgen-diagram 1\n";
  for (const std::string& a : kDotArgs) text += a + '\n';
  text += source;
  return hash_hex(text);
}

// dot's SVG starts with an XML declaration, a doctype and comments that have no place
// inside HTML: keep from <svg on.
std::string inline_svg(const std::string& svg) {
  size_t start = svg.find("<svg");
  return start == std::string::npos ? svg : svg.substr(start);
}

// "Error: <stdin>: syntax error in line 3 near 'x'" names a line of the block's text,
// which starts on the line after the fence.
SourcePos error_position(const Node& block, const std::string& message) {
  static const std::regex line(R"(line (\d+))");
  std::smatch m;
  if (std::regex_search(message, m, line)) return {block.pos.file, block.pos.line + std::stoi(m[1]), 1};
  return block.pos;
}

}  // namespace

void draw_diagrams(Deck& deck, const EntryStore* cache, std::vector<std::string>* cache_warnings,
                   std::optional<std::chrono::milliseconds> time_limit_asked) {
  const std::chrono::milliseconds time_limit = time_limit_asked.value_or(deck.meta.dot_timeout);
  std::vector<const Node*> blocks;
  for (const Slide& s : deck.slides) {
    collect(s.body, blocks);
    collect(s.notes, blocks);
  }
  auto warn = [&](std::string text) {
    if (cache_warnings && !text.empty()) cache_warnings->push_back(std::move(text));
  };
  // Drawings made here are kept together, with one flush of the disk (an fsync each made a
  // deck of many diagrams wait on the disk once per diagram), also when a later diagram
  // fails: the ones drawn are not drawn again.
  std::vector<std::pair<std::string, std::string>> drawn;
  auto keep_drawn = [&] {
    std::string warning;
    if (!drawn.empty() && !cache->write_all(drawn, &warning)) warn("diagram not kept: " + warning);
  };
  std::optional<fs::path> dot;
  try {
    for (const Node* block : blocks) {
      std::string key = key_of(block->literal);
      if (cache) {
        std::string warning;
        std::optional<std::string> kept = cache->read(key, &warning);
        warn(warning);
        if (kept && kept->starts_with("<svg")) {
          deck.diagrams[block->pos] = std::move(*kept);
          continue;
        }
        if (kept) warn(fmt::format("diagram entry {} ignored: not a drawing deckgen kept", key));
      }
      if (!dot) dot = find_executable("dot");
      if (!dot)
        throw InputError(block->pos, "cannot draw this diagram: Graphviz's `dot` is not installed",
                         "install it (Debian: apt-get install graphviz, or run scripts/setup)");
      ProcessResult run = run_process(*dot, kDotArgs, block->literal, time_limit);
      if (run.timed_out)
        throw InputError(block->pos,
                         fmt::format("dot did not finish drawing this diagram within {} s and was stopped",
                                     time_limit.count() / 1000.0),
                         "draw a smaller graph, or give the front matter a longer `dot_timeout:`; an image= or a file dot "
                         "reads that is a FIFO or a device waits forever");
      if (!run.started || run.exit_code != 0 || run.out.find("<svg") == std::string::npos) {
        std::string why = run.started ? run.err : run.error;
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        throw InputError(error_position(*block, why), fmt::format("dot cannot draw this diagram: {}", why.empty() ? "no output" : why),
                         "fix the diagram's dot source (https://graphviz.org/doc/info/lang.html)");
      }
      std::string svg = inline_svg(run.out);
      if (cache) drawn.emplace_back(std::move(key), svg);
      deck.diagrams[block->pos] = std::move(svg);
    }
  } catch (...) {
    keep_drawn();
    throw;
  }
  keep_drawn();
}

}  // namespace deckgen
