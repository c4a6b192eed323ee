#pragma once
// The deck as plain data: what the reader produces and every later stage consumes.
// It depends on nothing but the standard library and fmt; no stage's third-party
// types (cmark, yaml-cpp) leak into it.
#include <filesystem>
#include <map>
#include <memory>
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/claims.h"
#include "model/snippet.h"
#include "model/source_pos.h"

namespace deckgen {

enum class NodeType {
  // blocks
  paragraph, heading, block_quote, list, item, code_block, html_block,
  thematic_break, table, table_row, table_cell,
  // blocks the reader makes of fenced code after parsing (read/tree_transforms.h):
  // ```run, ```claim, ```chart and ```timeline; literal and info stay the fence's
  run_block, claim_block, chart_block, timeline_block,
  // inlines
  text, soft_break, line_break, code, html_inline, emph, strong,
  strikethrough, link, image,
  placeholder,  // {{...}} in text: literal is the trimmed text inside, info as written
  // made by the reader's layout transforms, not by the Markdown parser
  div,  // a fenced div (`::: columns`), or the content after a pause (class "fragment")
  span,  // a bracketed span (`[text]{.fragment}`): inline, its classes in attrs
  // TeX between dollars (read/math_syntax.h): literal is the TeX, delimiters left out
  math_inline,   // $...$
  math_display,  // $$...$$
};

enum class Align { none, left, center, right };

// Attributes in pandoc's brace syntax, `{#id .class key=value}`, as written on headings,
// images, code fences and fenced divs. Rare, so plain heap strings.
struct Attributes {
  std::vector<std::string> classes;
  std::vector<std::pair<std::string, std::string>> values;

  bool empty() const { return classes.empty() && values.empty(); }
  bool has_class(std::string_view name) const;
  // The value of `key`, or nullptr.
  const std::string* find(std::string_view key) const;
};

struct Node;
using NodeList = std::pmr::vector<Node>;

// What only links and images (url, title), code blocks and placeholders (info), tables
// (aligns) and the nodes the layout transforms mark (attrs) have.
// Kept out of Node: every other node would carry its 150 bytes, and a large deck has
// millions of nodes (issue 13: memory proportional to input).
struct NodeDetails {
  explicit NodeDetails(std::pmr::memory_resource* memory) : url(memory), title(memory), info(memory), aligns(memory) {}
  std::pmr::string url, title;    // link, image
  std::pmr::string info;          // code_block and the option blocks: the fence's info string;
                                  // placeholder: its text as written
  std::pmr::vector<Align> aligns; // table: one per column
  Attributes attrs;               // heading, image, code_block, div, span, item, html_block: from the reader's transforms
};

// A deck has tens of thousands of nodes, all living as long as the deck: their strings
// and child lists come from one memory resource (the deck's node_memory, a monotonic
// arena) rather than a malloc and a free each. A node made without one uses the heap.
// Its details, when it has any, come from the same resource as its literal; a copied
// node's are copied to the heap, as the copy of a pmr string is.
struct Node {
  Node() = default;
  explicit Node(std::pmr::memory_resource* memory) : literal(memory), children(memory) {}
  Node(const Node& other);
  Node(Node&& other) noexcept;
  Node& operator=(const Node& other);
  Node& operator=(Node&& other);
  ~Node();

  NodeType type = NodeType::paragraph;
  bool ordered = false;           // list
  bool tight = true;              // list
  bool header = false;            // table_row: the header row
  std::optional<bool> task;       // item: a task list item, checked or not
  int level = 0;                  // heading level
  int start = 1;                  // ordered list
  SourcePos pos;                  // start of the node in its file (blocks: exact; inlines: best effort)
  std::pmr::string literal;       // text, code, html; placeholder: its key
  NodeList children;              // made with the node's memory resource too

  // Empty when the node has no details.
  std::string_view url() const { return details_ ? std::string_view(details_->url) : std::string_view(); }
  std::string_view title() const { return details_ ? std::string_view(details_->title) : std::string_view(); }
  std::string_view info() const { return details_ ? std::string_view(details_->info) : std::string_view(); }
  size_t column_count() const { return details_ ? details_->aligns.size() : 0; }
  Align align(size_t column) const { return column < column_count() ? details_->aligns[column] : Align::none; }
  const Attributes& attrs() const;
  // For writing: made on first use, from the node's memory resource.
  NodeDetails& details();

 private:
  void copy_details(const NodeDetails& from);
  void drop_details() noexcept;
  NodeDetails* details_ = nullptr;
};

// The language named by a code fence's info string: its first word ("python" in
// "python title=x"); empty when there is none.
inline std::string fence_language(std::string_view info) { return std::string(info.substr(0, info.find_first_of(" \t{"))); }

// Whether a fence language names one of deckgen's own blocks rather than code to show.
inline bool is_deckgen_block(std::string_view language) {
  return language == "run" || language == "claim" || language == "chart" || language == "timeline";
}

// What a typeset formula is found by: the same TeX in the same mode is typeset once.
inline std::string formula_key(const Node& math) {
  return (math.type == NodeType::math_display ? "display " : "inline ") + std::string(math.literal);
}

struct Slide {
  SourcePos pos;                // where the slide starts
  NodeList body;                // top-level blocks
  NodeList notes;               // speaker notes: from a line `Note:` to the end
  std::vector<std::string> classes;  // from the title's `{.center}`, a `.slide:` comment; "section" for a lone heading
  std::string background_image;      // a key of Deck::images; empty for none
  std::string background_color;      // a CSS colour; empty for none
};

// Something the reader understood but will not show as written (a mermaid block, an
// unknown attribute): the build goes on and the terminal says so.
struct Warning {
  SourcePos pos;
  std::string problem;
  std::string what_to_do;  // may be empty
};

// "file:line:col: warning: problem\n  what to do", the form of InputError::message().
std::string warning_message(const Warning& w);

// Presentation options and the talk's metadata, from YAML front matter.
struct FrontMatter {
  std::string title, author, event, date;
  std::string theme = "light";      // light | dark | paper
  std::string css;                  // `css:` the deck's own stylesheet, read by the reader (its text)
  SourcePos css_pos;                // where `css:` is written
  bool slide_numbers = true;
  std::string transition = "none";  // none | fade | slide | convex | concave | zoom
  std::string aspect_ratio = "16:9";  // 16:9 | 4:3
  std::string snippets;               // snippets folder, relative to the deck folder (default ../snippets)
  SourcePos snippets_pos;             // where `snippets:` is written
  std::string python = "python3";     // the interpreter Python snippets run with
  std::vector<Language> languages;    // added to (or replacing by name) the built-in table
  double confidence = 0.95;           // of every bound a claim is decided by
  // Headings of level 1..slide_level start a slide (0: none). Unset: a file with no `---`
  // slide break splits at `#` and `##` (Quarto's default), a file with one does not.
  std::optional<int> slide_level;
  // Where the "Measured on" slide goes: "end" (after every slide) or "before_last" (before
  // a closing slide such as "Questions?").
  std::string provenance = "end";
  // `busy_notes: false`: no slide says "machine busy" (a talk); the terminal and the
  // report still do.
  bool busy_notes = true;
  // How long `dot` may draw one diagram (`dot_timeout:`, seconds), then it is stopped:
  // an image= naming a FIFO blocks it forever (draw/diagrams.h).
  std::chrono::milliseconds dot_timeout{60000};
  // Keys of Quarto, Marp or presenterm that deckgen reads past (one warning names them).
  std::vector<std::pair<std::string, SourcePos>> foreign_keys;
  SourcePos pos;                      // where the front matter starts
};

// The slide's width in px: 1280 at 16:9, 960 at 4:3 (720 high either way).
int stage_width(const FrontMatter& meta);

// A local image, read once and inlined as a data: URI by the renderer.
struct Asset {
  std::string mime;
  std::string bytes;
};

// A monotonic arena whose large buffers are mapped in huge pages (util/huge_pages.h).
std::shared_ptr<std::pmr::memory_resource> make_node_memory();

struct Deck {
  // The arena the reader makes the slides' nodes in (see Node). First, so that it
  // outlives them; const, so that a deck cannot be assigned, which would drop the arena
  // before the nodes made in it. A copied deck shares it (copied nodes use the heap).
  const std::shared_ptr<std::pmr::memory_resource> node_memory = make_node_memory();
  FrontMatter meta;
  std::vector<Slide> slides;
  std::filesystem::path deck_dir;       // the deck folder (or the first file's folder)
  std::vector<SnippetSpec> snippets;    // every `run` block, in document order
  std::vector<ClaimSpec> claims;        // every `claim` block
  std::vector<ChartSpec> charts;        // every `chart` block
  std::vector<TimelineSpec> timelines;  // every `timeline` block
  std::vector<Placeholder> placeholders;  // every {{...}} in slide text and notes
  std::vector<std::string> files;       // the Markdown files read, in order
  std::map<std::string, Asset, std::less<>> images;  // key: the image's resolved path (Node::url after reading)
  std::map<SourcePos, std::string> diagrams;  // ```dot blocks drawn as inline SVG, by the block's position
  std::map<std::string, std::string> formulas;  // math typeset as HTML (draw/math.h), by formula_key
  std::vector<Warning> warnings;        // in reading order
};

}  // namespace deckgen
