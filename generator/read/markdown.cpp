#include "read/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

#include "read/block_lines.h"
#include "read/math_syntax.h"
#include "util/bump_arena.h"

namespace deckgen {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

// cmark allocates every node, every text chunk and every buffer on its own; all of it
// dies together once the tree is converted. So cmark gets a bump arena for one parse
// (through a thread_local: cmark_mem's functions carry no context pointer); what it
// frees while parsing is recycled, and the arena returns the rest at once.
thread_local BumpArena* current_arena = nullptr;

// cmark does not check what its allocator returns: a null pointer was a segfault. No
// exception may cross cmark's C frames, so running out of memory ends deckgen here, with
// a message (issue 24). Nothing has been written yet; the next run removes the private
// temp folders this exit leaves.
[[noreturn]] void out_of_memory() {
  static constexpr char kMessage[] =
      "deckgen: error: out of memory while parsing the slides' Markdown; nothing was written\n"
      "  split the largest slide file, or look for a runaway construct in it\n";
  [[maybe_unused]] ssize_t written = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  std::_Exit(2);
}

void* checked(void* block) {
  if (!block) out_of_memory();
  return block;
}

void* arena_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) out_of_memory();
  return checked(current_arena->allocate(count * size));
}
void* arena_realloc(void* block, size_t size) { return checked(current_arena->reallocate(block, size)); }
void arena_free(void* block) { current_arena->release(block); }

cmark_mem arena_mem{arena_calloc, arena_realloc, arena_free};

// Makes `arena` the one cmark allocates from while this lives.
class ArenaScope {
 public:
  explicit ArenaScope(BumpArena& arena) : outer_(current_arena) { current_arena = &arena; }
  ~ArenaScope() { current_arena = outer_; }
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;

 private:
  BumpArena* outer_;
};

// Sets a fresh node's field from cmark's string, which is null when absent.
void set(std::pmr::string& field, const char* value) {
  if (value) field.assign(value);
}

class Converter {
 public:
  // `original_line` maps the parsed text's lines to the input's when blank lines were
  // added around block lines (read/block_lines.h); empty when the text is the input.
  Converter(const std::string& file, int first_line, const std::vector<int>& original_line,
            std::pmr::memory_resource* memory)
      : file_(file), line_offset_(first_line - 1), original_line_(original_line), memory_(memory) {}

  // Fills `out`, a fresh node already in its place in the tree: building nodes in place
  // instead of returning and pushing them saves moving every node (five strings) twice.
  void convert(cmark_node* n, Node& out, const SourcePos& parent_pos, int depth = 0) {
    if (MathMatch math; read_math_node(n, math)) {
      out.type = math.display ? NodeType::math_display : NodeType::math_inline;
      out.literal.assign(math.tex);
      out.pos = position(math.line, math.column, parent_pos);
      return;
    }
    out.pos = position(n, parent_pos);
    if (depth > kMaxDepth) return flatten(n, out);
    out.type = type_of(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING: out.level = cmark_node_get_heading_level(n); break;
      case CMARK_NODE_LIST:
        out.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        out.tight = cmark_node_get_list_tight(n) != 0;
        out.start = cmark_node_get_list_start(n);
        break;
      case CMARK_NODE_ITEM:
        if (std::strcmp(cmark_node_get_type_string(n), "tasklist") == 0)
          out.task = cmark_gfm_extensions_get_tasklist_item_checked(n);
        break;
      case CMARK_NODE_CODE_BLOCK:
        if (const char* info = cmark_node_get_fence_info(n); info && *info) out.details().info.assign(info);
        set(out.literal, cmark_node_get_literal(n));
        break;
      case CMARK_NODE_HTML_BLOCK: case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_TEXT: case CMARK_NODE_CODE:
        set(out.literal, cmark_node_get_literal(n));
        break;
      case CMARK_NODE_LINK: case CMARK_NODE_IMAGE: {
        NodeDetails& details = out.details();
        set(details.url, cmark_node_get_url(n));
        set(details.title, cmark_node_get_title(n));
        break;
      }
      default: break;
    }
    if (out.type == NodeType::table) {
      uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
      std::pmr::vector<Align>& out_aligns = out.details().aligns;
      out_aligns.reserve(columns);
      const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
      for (uint16_t i = 0; i < columns; ++i) {
        uint8_t a = aligns ? aligns[i] : 0;
        out_aligns.push_back(a == 'l' ? Align::left : a == 'c' ? Align::center
                             : a == 'r' ? Align::right : Align::none);
      }
    }
    if (out.type == NodeType::table_row) out.header = cmark_gfm_extensions_get_table_row_is_header(n) != 0;
    if (size_t count = child_count(n)) out.children.reserve(count);  // most inlines have none
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      convert(c, out.children.emplace_back(memory_), out.pos, depth + 1);
      merge_last_text(out.children);
    }
  }

  // Nesting deeper than this (200,000 `>` or `*` in a row parse fine in cmark) would
  // overflow the stack of every recursive walk after the reader; no real slide nests
  // so deep, so the rest of such a subtree is kept as its plain text.
  static constexpr int kMaxDepth = 100;

  // The renderer walks an item's, a table row's and a cell's children for their content,
  // so one of those keeps its type and gets the text as a child: flattened to a bare text
  // node it rendered as an empty `<li>` (issue 13). Anything else becomes the text.
  void flatten(cmark_node* n, Node& out) const {
    NodeType type = type_of(n);
    Node* text = &out;
    if (type == NodeType::item || type == NodeType::table_cell || type == NodeType::table_row) {
      out.type = type;
      if (type == NodeType::table_row) {
        Node& cell = out.children.emplace_back(memory_);
        cell.type = NodeType::table_cell;
        cell.pos = out.pos;
        text = &cell;
      }
      text = &text->children.emplace_back(memory_);
      text->pos = out.pos;
    }
    text->type = NodeType::text;
    cmark_iter* iter = cmark_iter_new(n);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      cmark_node* cur = cmark_iter_get_node(iter);
      cmark_node_type t = cmark_node_get_type(cur);
      if (MathMatch math; ev == CMARK_EVENT_ENTER && read_math_node(cur, math)) {
        text->literal += math.display ? "$$" : "$";
        text->literal += math.tex;
        text->literal += math.display ? "$$" : "$";
      } else if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)) {
        if (const char* literal = cmark_node_get_literal(cur)) text->literal += literal;
      } else if ((ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) ||
                 (ev == CMARK_EVENT_EXIT &&
                  (t == CMARK_NODE_PARAGRAPH || std::strcmp(cmark_node_get_type_string(cur), "table_cell") == 0))) {
        // Words of separate lines and paragraphs stay apart.
        if (!text->literal.empty() && text->literal.back() != ' ') text->literal += ' ';
      }
    }
    cmark_iter_free(iter);
    while (!text->literal.empty() && text->literal.back() == ' ') text->literal.pop_back();
  }

  // Merges the node just converted into the text before it, if both are text (cmark
  // splits text at every special character it considered), which keeps the tree small
  // and the renderer's output tidy.
  static void merge_last_text(NodeList& list) {
    size_t size = list.size();
    if (size < 2 || list[size - 1].type != NodeType::text || list[size - 2].type != NodeType::text) return;
    list[size - 2].literal += list[size - 1].literal;
    list.pop_back();
  }

  // An upper bound on the node's children once text is merged: reserving it spares the
  // vector's regrowth, which moved every child again.
  static size_t child_count(cmark_node* n) {
    size_t count = 0;
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) ++count;
    return count;
  }

 private:
  SourcePos position(cmark_node* n, const SourcePos& parent) const {
    return position(cmark_node_get_start_line(n), cmark_node_get_start_column(n), parent);
  }

  // `line` and `column` in the parsed text (1-based; 0: unknown).
  SourcePos position(int line, int column, const SourcePos& parent) const {
    if (line <= 0) return parent;
    if (!original_line_.empty()) line = original_line_[std::min<size_t>(line, original_line_.size()) - 1];
    return SourcePos{file_, line + line_offset_, column > 0 ? column : 1};
  }

  static NodeType type_of(cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH: return NodeType::paragraph;
      case CMARK_NODE_HEADING: return NodeType::heading;
      case CMARK_NODE_BLOCK_QUOTE: return NodeType::block_quote;
      case CMARK_NODE_LIST: return NodeType::list;
      case CMARK_NODE_ITEM: return NodeType::item;
      case CMARK_NODE_CODE_BLOCK: return NodeType::code_block;
      case CMARK_NODE_HTML_BLOCK: return NodeType::html_block;
      case CMARK_NODE_THEMATIC_BREAK: return NodeType::thematic_break;
      case CMARK_NODE_TEXT: return NodeType::text;
      case CMARK_NODE_SOFTBREAK: return NodeType::soft_break;
      case CMARK_NODE_LINEBREAK: return NodeType::line_break;
      case CMARK_NODE_CODE: return NodeType::code;
      case CMARK_NODE_HTML_INLINE: return NodeType::html_inline;
      case CMARK_NODE_EMPH: return NodeType::emph;
      case CMARK_NODE_STRONG: return NodeType::strong;
      case CMARK_NODE_LINK: return NodeType::link;
      case CMARK_NODE_IMAGE: return NodeType::image;
      default: break;
    }
    // Extension nodes have dynamic type numbers; their names are stable.
    std::string_view name = cmark_node_get_type_string(n);
    if (name == "table") return NodeType::table;
    if (name == "table_header" || name == "table_row") return NodeType::table_row;
    if (name == "table_cell") return NodeType::table_cell;
    if (name == "strikethrough") return NodeType::strikethrough;
    // Anything else (footnotes, custom blocks) degrades to a paragraph of its children.
    return cmark_node_first_child(n) ? NodeType::paragraph : NodeType::text;
  }

  FileName file_;  // interned once: every node's position copies it
  int line_offset_;
  const std::vector<int>& original_line_;
  std::pmr::memory_resource* memory_;  // where the nodes' strings and lists go
};

}  // namespace

namespace {

// Parses `text` (spaced already: see read/block_lines.h) into cmark's tree, allocating
// from `arena` (which must outlive it).
cmark_node* parse_with_cmark(std::string_view text, BumpArena& arena) {
  static std::once_flag registered;
  std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
  ArenaScope scope(arena);
  // Raw HTML is kept in the tree (CMARK_OPT_UNSAFE): the author's HTML passes through
  // by design; everything else that reaches the page is escaped by the renderer.
  // No CMARK_OPT_VALIDATE_UTF8: the text is valid UTF-8 already (see markdown.h), and
  // cmark's check would copy it a character at a time to find nothing.
  std::unique_ptr<cmark_parser, ParserDeleter> parser(
      cmark_parser_new_with_mem(CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE, &arena_mem));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_attach_syntax_extension(parser.get(), math_syntax_extension(&arena_mem));
  cmark_parser_feed(parser.get(), text.data(), text.size());
  // Not freed with cmark_node_free: that walks the whole tree to recycle memory the
  // arena is about to return whole.
  return cmark_parser_finish(parser.get());
}

const std::vector<int>& line_map(const std::optional<SpacedText>& spaced) {
  static const std::vector<int> none;
  return spaced ? spaced->original_line : none;
}

NodeList convert_document(cmark_node* doc, BumpArena& arena, const std::string& file, int first_line,
                          const std::vector<int>& original_line, std::pmr::memory_resource* memory) {
  ArenaScope scope(arena);  // reading a literal may make cmark allocate
  Converter converter(file, first_line, original_line, memory);
  NodeList blocks(memory);
  blocks.reserve(Converter::child_count(doc));
  SourcePos start{file, first_line, 1};
  for (cmark_node* c = cmark_node_first_child(doc); c; c = cmark_node_next(c))
    converter.convert(c, blocks.emplace_back(memory), start);
  return blocks;
}

}  // namespace

NodeList parse_markdown(std::string_view text, const std::string& file, int first_line,
                        std::pmr::memory_resource* memory) {
  BumpArena arena;  // declared first: it outlives the parser and the tree
  std::optional<SpacedText> spaced = space_block_lines(text);
  cmark_node* doc = parse_with_cmark(spaced ? std::string_view(spaced->text) : text, arena);
  return convert_document(doc, arena, file, first_line, line_map(spaced), memory);
}

std::optional<NodeList> parse_markdown_piece(std::string_view text, const std::string& file, int first_line,
                                             int last_line, std::pmr::memory_resource* memory) {
  BumpArena arena;
  std::optional<SpacedText> spaced = space_block_lines(text);
  cmark_node* doc = parse_with_cmark(spaced ? std::string_view(spaced->text) : text, arena);
  cmark_node* last = cmark_node_last_child(doc);
  // Checked on cmark's tree, before any node of the deck is made from it.
  if (!last || cmark_node_get_type(last) != CMARK_NODE_THEMATIC_BREAK) return std::nullopt;
  int line = cmark_node_get_start_line(last);
  const std::vector<int>& original = line_map(spaced);
  if (!original.empty() && line > 0) line = original[std::min<size_t>(line, original.size()) - 1];
  if (line + first_line - 1 != last_line) return std::nullopt;
  return convert_document(doc, arena, file, first_line, original, memory);
}

}  // namespace deckgen
