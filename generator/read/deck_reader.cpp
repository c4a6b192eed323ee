#include "read/deck_reader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "model/input_error.h"
#include "read/block_lines.h"
#include "read/code_attributes.h"
#include "read/fenced_divs.h"
#include "read/file_context.h"
#include "read/front_matter.h"
#include "read/image_attributes.h"
#include "read/images.h"
#include "read/incremental.h"
#include "read/markdown.h"
#include "read/raw_html_images.h"
#include "read/slide_attributes.h"
#include "read/spans.h"
#include "read/stylesheet.h"
#include "read/swallowed_lines.h"
#include "read/tree_transforms.h"
#include "read/unsupported_syntax.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// A top-level `---` splits slides when it stands alone on its line after a blank line
// (or at the top). cmark already keeps `---` inside fences and under paragraphs
// (setext headings) out of the top level.
// `lines` indexes the body once: looking lines up by scanning from the top for every
// separator made splitting quadratic in the deck's length.
bool is_slide_separator(const Node& block, const std::vector<std::string_view>& lines, int first_line) {
  if (block.type != NodeType::thematic_break) return false;
  size_t line = static_cast<size_t>(block.pos.line - first_line);  // 0-based
  if (line >= lines.size() || trim_right(lines[line]) != "---") return false;
  return line == 0 || trim(lines[line - 1]).empty();
}

// A fence line of colons alone closes a fenced div; one naming a class opens one.
bool closes_div(std::string_view fence) { return trim(fence).find_first_not_of(':') == std::string_view::npos; }

// A paragraph whose text starts with "Note:" opens the speaker notes; the prefix goes.
bool take_notes_marker(Node& block) {
  if (block.type != NodeType::paragraph || block.children.empty()) return false;
  Node& first = block.children.front();
  if (first.type != NodeType::text || !first.literal.starts_with("Note:")) return false;
  size_t blanks = first.literal.find_first_not_of(" \t", 5);
  first.literal.erase(0, blanks == std::string::npos ? first.literal.size() : blanks);
  if (first.literal.empty()) {
    block.children.erase(block.children.begin());
    if (!block.children.empty() && block.children.front().type == NodeType::soft_break)
      block.children.erase(block.children.begin());
  }
  return true;
}

// A slide file must be a regular file (or a link to one): reading a FIFO blocked for ever,
// and a folder or dangling link named *.md was skipped without a word (issue 24).
void check_slide_file(const fs::path& path) {
  std::error_code ec;
  fs::file_status target = fs::status(path, ec);
  if (fs::is_regular_file(target)) return;
  std::string what = fs::is_symlink(fs::symlink_status(path, ec)) && !fs::exists(target) ? "a link to nothing"
                     : fs::is_directory(target)                                        ? "a folder"
                     : fs::is_fifo(target)                                             ? "a FIFO"
                                                                                       : "not a regular file";
  throw InputError({path.generic_string()}, fmt::format("this slide file is {}", what),
                   "make it a regular .md file, or rename or remove it");
}

std::vector<fs::path> markdown_files(const std::vector<fs::path>& inputs) {
  std::vector<fs::path> files;
  for (const fs::path& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      if (inputs.size() > 1)
        throw InputError({input.generic_string()}, "a deck folder cannot be combined with other inputs",
                         "pass either one folder or a list of .md files");
      std::vector<fs::path> found;
      for (const auto& entry : fs::directory_iterator(input, ec)) {
        const fs::path& p = entry.path();
        if (p.extension() != ".md" || p.filename().string().starts_with(".")) continue;
        check_slide_file(p);
        found.push_back(p);
      }
      if (ec) throw InputError({input.generic_string()}, fmt::format("cannot list the folder: {}", ec.message()));
      std::sort(found.begin(), found.end());
      if (found.empty())
        throw InputError({input.generic_string()}, "the deck folder holds no .md files",
                         "add slides as .md files (read in name order), or pass the files themselves");
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(fs::symlink_status(input, ec))) {
      check_slide_file(input);
      files.push_back(input);
    } else {
      throw InputError({input.generic_string()}, "no such file or folder",
                       "pass a deck folder or .md files (see `deckgen build --help`)");
    }
  }
  if (files.empty()) throw InputError({"(command line)"}, "no input given", "pass a deck folder or .md files");
  return files;
}

void collect_images(NodeList& nodes, std::vector<Node*>& out) {
  for (Node& n : nodes) {
    if (n.type == NodeType::image) out.push_back(&n);
    collect_images(n.children, out);
  }
}

void load_images(std::vector<Slide>& slides, const FileContext& ctx, InputErrorList& errors) {
  std::vector<Node*> found;
  for (Slide& s : slides) {
    collect_images(s.body, found);
    collect_images(s.notes, found);
  }
  for (Node* image : found)
    errors.collect([&] { image->details().url.assign(load_local_image(image->url(), image->pos, ctx)); });
}

// One warning for every key of Quarto, Marp or presenterm the front matter holds.
void warn_foreign_keys(const FrontMatter& meta, std::vector<Warning>& warnings) {
  if (meta.foreign_keys.empty()) return;
  std::vector<std::string> names;
  for (const auto& [key, pos] : meta.foreign_keys) names.push_back(key);
  warnings.push_back({meta.foreign_keys.front().second,
                      fmt::format("front matter key{} of Quarto, Marp or presenterm ignored: {}",
                                  names.size() > 1 ? "s" : "", fmt::join(names, ", ")),
                      "deckgen reads only their slide level (`slide-level`, `headingDivider`); see \"Coming "
                      "from Quarto / Marp / presenterm\" in docs/quarto.md"});
}

// The reader's tree transforms, in order: each reads one kind of syntax that cmark
// leaves as text or paragraphs into the node tree (see each header).
void transform_slide(Slide& slide, const FileContext& ctx) {
  group_fenced_divs(slide.body, ctx);
  take_notes_divs(slide);
  read_slide_attributes(slide, ctx);
  apply_pauses(slide.body);
  mark_incremental_lists(slide.body, std::find(slide.classes.begin(), slide.classes.end(), "incremental") != slide.classes.end()
                                         ? Incremental::yes : Incremental::no);
  for (NodeList* nodes : {&slide.body, &slide.notes}) {
    read_code_attributes(*nodes, ctx);
    read_bracketed_spans(*nodes, ctx);
    read_image_attributes(*nodes, ctx);
    read_raw_html_images(*nodes, ctx);
    warn_unsupported_syntax(*nodes, ctx);
  }
}

// A line that can only be a slide separator: `---` after a blank line (or first).
bool looks_like_separator(const std::vector<std::string_view>& lines, size_t i) {
  return trim_right(lines[i]) == "---" && (i == 0 || trim(lines[i - 1]).empty());
}

// Calls take(block) for each of the body's top-level blocks, parsed a piece of at
// least kPieceBytes at a time: cmark's tree costs about 30 bytes per byte of text, and a
// 50 MB deck's whole tree took more memory than deckgen's own nodes (issue 13), while a
// piece's tree is dropped once its nodes are made. Decks under kPieceBytes (all but
// huge ones) are one piece, parsed exactly as before.
// A piece ends at a line that looks like a separator; parse_markdown_piece confirms
// that it is one at the top level (not inside a fence or an HTML block), which makes
// the pieces' blocks those of the whole body. Link reference definitions are the one
// thing shared across blocks, so a body that may hold one ("]:" anywhere) is parsed
// whole. A piece that does not end where expected grows to the next such line; after
// kMaxMissedSeparators in a row (a fence full of `---` lines) the rest is parsed whole,
// so no text is parsed more than that many times over.
constexpr size_t kPieceBytes = size_t{1} << 20;
constexpr int kMaxMissedSeparators = 8;

template <typename Take>
void parse_in_pieces(std::string_view body, const std::vector<std::string_view>& lines, const std::string& file,
                     int first_line, std::pmr::memory_resource* memory, Take&& take) {
  size_t start = 0;
  auto offset_of = [&](size_t line) {
    return line < lines.size() ? static_cast<size_t>(lines[line].data() - body.data()) : body.size();
  };
  if (body.find("]:") == std::string_view::npos) {
    int misses = 0;  // in a row: the piece grows to the next candidate, parsed again
    for (size_t i = 1; i < lines.size(); ++i) {
      if (offset_of(i + 1) - offset_of(start) < kPieceBytes || !looks_like_separator(lines, i)) continue;
      std::string_view piece = body.substr(offset_of(start), offset_of(i + 1) - offset_of(start));
      std::optional<NodeList> parsed =
          parse_markdown_piece(piece, file, first_line + int(start), first_line + int(i), memory);
      if (!parsed) {
        if (++misses > kMaxMissedSeparators) break;
        continue;
      }
      misses = 0;
      for (Node& block : *parsed) take(block);
      start = i + 1;
    }
  }
  for (Node& block : parse_markdown(body.substr(offset_of(start)), file, first_line + int(start), memory)) take(block);
}

}  // namespace

std::vector<Slide> split_slides(std::string_view body, const std::string& file, int first_line,
                                std::pmr::memory_resource* memory, std::optional<int> slide_level,
                                int* heading_level_used) {
  std::vector<std::string_view> lines;
  LineCursor cursor(body);
  for (std::string_view line; cursor.next(line);) lines.push_back(line);
  // The blocks first, then the slides: whether headings split depends on whether the
  // file has a `---` break anywhere.
  std::vector<Node> blocks;
  bool any_separator = false;
  parse_in_pieces(body, lines, file, first_line, memory, [&](Node& block) {
    any_separator = any_separator || is_slide_separator(block, lines, first_line);
    blocks.push_back(std::move(block));
  });
  int level = slide_level.value_or(any_separator ? 0 : 2);
  if (heading_level_used) *heading_level_used = level;

  std::vector<Slide> slides(1);
  slides.back().pos = {file, first_line, 1};
  bool in_notes = false;
  int open_divs = 0;  // a heading inside a fenced div (notes, a column) starts no slide
  auto start_slide = [&](SourcePos pos) {
    if (slides.back().body.empty() && slides.back().notes.empty()) slides.back().pos = std::move(pos);
    else slides.emplace_back().pos = std::move(pos);
    in_notes = false;
    open_divs = 0;
  };
  for (Node& block : blocks) {
    if (is_slide_separator(block, lines, first_line)) {
      start_slide({file, block.pos.line + 1, 1});
      continue;
    }
    if (const auto* line = lone_line(block); line && is_div_fence(*line))
      open_divs = closes_div(*line) ? std::max(open_divs - 1, 0) : open_divs + 1;
    if (block.type == NodeType::heading && block.level <= level && open_divs == 0) start_slide(block.pos);
    if (!in_notes && take_notes_marker(block)) in_notes = true;
    if (in_notes) {
      if (!block.children.empty() || block.type != NodeType::paragraph) slides.back().notes.push_back(std::move(block));
    } else {
      if (slides.back().body.empty()) slides.back().pos = block.pos;
      slides.back().body.push_back(std::move(block));
    }
  }
  // Separators at the very top or bottom, or two in a row, make no empty slides.
  std::erase_if(slides, [](const Slide& s) { return s.body.empty() && s.notes.empty(); });
  return slides;
}

Deck read_deck(const std::vector<fs::path>& inputs) {
  InputErrorList errors;
  Deck deck = read_deck(inputs, errors);
  errors.throw_if_any();
  return deck;
}

Deck read_deck(const std::vector<fs::path>& inputs, InputErrorList& errors) {
  Deck deck;
  bool first = true;
  std::vector<fs::path> files = markdown_files(inputs);
  std::error_code ec;
  deck.deck_dir = fs::is_directory(inputs.front(), ec) ? inputs.front() : files.front().parent_path();
  for (const fs::path& path : files) {
    std::string name = path.lexically_normal().generic_string();
    std::string text;
    {
      std::string raw;  // dropped before parsing: a large deck would hold it twice
      if (!read_file(path, raw)) {
        errors.add(InputError({name}, "cannot read the file", "check that it exists and is readable"));
        continue;
      }
      text = sanitize_utf8(raw);
    }
    normalize_text_start_and_line_ends(text);
    FrontMatterSplit split;
    errors.collect([&] { split = split_front_matter(text, name); });
    if (split.present) {
      if (!first)
        errors.add(InputError({name, 1, 1}, "front matter is read only from the deck's first file",
                              fmt::format("move it to the top of {}", deck.files.front())));
      else
        errors.collect([&] {
          deck.meta = parse_front_matter(split.yaml, name, split.yaml_first_line);
          load_stylesheet(deck.meta, deck.deck_dir);
        });
      if (first) warn_foreign_keys(deck.meta, deck.warnings);
    }
    FileContext ctx{path, text, deck.images, deck.warnings};
    warn_swallowed_lines(split.body, name, split.body_first_line, ctx);
    int heading_level = 0;
    std::vector<Slide> slides = split_slides(split.body, name, split.body_first_line, deck.node_memory.get(),
                                             deck.meta.slide_level, &heading_level);
    for (Slide& s : slides) errors.collect([&] { transform_slide(s, ctx); });
    if (heading_level == 0 && !deck.meta.slide_level)
      for (const Slide& s : slides) warn_unsplit_headings(s, ctx);
    load_images(slides, ctx, errors);
    for (Slide& s : slides) {
      make_typed_nodes(s.body, deck, errors);
      make_typed_nodes(s.notes, deck, errors);
    }
    for (Slide& s : slides) deck.slides.push_back(std::move(s));
    deck.files.push_back(name);
    first = false;
  }
  return deck;
}

}  // namespace deckgen
