#include "read/math_syntax.h"

#include <climits>
#include <cstring>
#include <mutex>

namespace deckgen {
namespace {

cmark_node_type math_inline_type = CMARK_NODE_NONE;
cmark_node_type math_display_type = CMARK_NODE_NONE;
cmark_mem* node_memory = nullptr;

// A match's TeX and position, kept as the node's user data (cmark's own literal field is
// for its own node types only). Allocated from the parse's arena, freed with it.
struct MathData {
  int line, column;
  size_t size;
  char tex[1];
};

bool blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Where no closer is left in the paragraph being parsed: a paragraph of a thousand "$a "
// would otherwise scan to its end from every one of them (quadratic time on hostile
// input). Valid for one paragraph (`parent`) of one parse.
struct ClosersGone {
  cmark_node* parent = nullptr;
  int single_from = INT_MAX, display_from = INT_MAX;
};
thread_local ClosersGone closers_gone;

class Scanner {
 public:
  explicit Scanner(cmark_inline_parser* in) : in_(in) {}
  // The byte at `i`, 0 at the end (cmark's input holds no NUL: it replaces them).
  unsigned char at(int i) {
    cmark_inline_parser_set_offset(in_, i);
    return cmark_inline_parser_peek_char(in_);
  }

 private:
  cmark_inline_parser* in_;
};

// The index of the closing `$` (or the first of `$$`), or -1. Backslash pairs are skipped:
// `\$` inside math is TeX's dollar sign.
int find_closer(Scanner& s, int from, bool display) {
  for (int i = from;; ++i) {
    unsigned char c = s.at(i);
    if (c == 0) return -1;
    if (c == '\\') {
      if (s.at(i + 1) == 0) return -1;
      ++i;
      continue;
    }
    if (c != '$') continue;
    if (display) {
      if (s.at(i + 1) == '$') return i;
      continue;
    }
    if (!blank(s.at(i - 1)) && !digit(s.at(i + 1))) return i;
  }
}

cmark_node* make_node(cmark_syntax_extension* ext, Scanner& s, bool display, int tex_from, int tex_to, int line,
                      int column) {
  size_t size = static_cast<size_t>(tex_to - tex_from);
  auto* data = static_cast<MathData*>(node_memory->calloc(1, sizeof(MathData) + size));
  data->line = line;
  data->column = column;
  data->size = size;
  for (int i = tex_from; i < tex_to; ++i) data->tex[i - tex_from] = static_cast<char>(s.at(i));
  cmark_node* node = cmark_node_new_with_mem_and_ext(display ? math_display_type : math_inline_type, node_memory, ext);
  cmark_node_set_user_data(node, data);
  return node;
}

cmark_node* match_math(cmark_syntax_extension* ext, cmark_parser*, cmark_node* parent, unsigned char character,
                       cmark_inline_parser* in) {
  if (character != '$') return nullptr;
  // GFM's table cells take only the inline types it knows: a formula appended to one
  // would be dropped without a word. It stays text there, and the reader warns
  // (read/unsupported_syntax.h).
  if (std::strcmp(cmark_node_get_type_string(parent), "table_cell") == 0) return nullptr;
  if (closers_gone.parent != parent) closers_gone = {parent};
  int start = cmark_inline_parser_get_offset(in);
  int line = cmark_inline_parser_get_line(in);
  int column = cmark_inline_parser_get_column(in);
  Scanner s(in);
  auto no_match = [&]() -> cmark_node* {
    cmark_inline_parser_set_offset(in, start);
    return nullptr;
  };
  if (s.at(start + 1) == '$') {  // $$...$$
    if (start + 2 >= closers_gone.display_from) return no_match();
    int close = find_closer(s, start + 2, true);
    if (close < 0) {
      closers_gone.display_from = start + 2;
      return no_match();
    }
    bool empty = true;
    for (int i = start + 2; i < close && empty; ++i) empty = blank(s.at(i));
    if (empty) return no_match();
    cmark_node* node = make_node(ext, s, true, start + 2, close, line, column);
    cmark_inline_parser_set_offset(in, close + 2);
    return node;
  }
  unsigned char first = s.at(start + 1);
  if (first == 0 || blank(first)) return no_match();
  if (start + 2 >= closers_gone.single_from) return no_match();
  int close = find_closer(s, start + 2, false);
  if (close < 0) {
    closers_gone.single_from = start + 2;
    return no_match();
  }
  cmark_node* node = make_node(ext, s, false, start + 1, close, line, column);
  cmark_inline_parser_set_offset(in, close + 1);
  return node;
}

const char* type_string(cmark_syntax_extension*, cmark_node* node) {
  return cmark_node_get_type(node) == math_display_type ? "math_display" : "math_inline";
}

}  // namespace

cmark_syntax_extension* math_syntax_extension(cmark_mem* memory) {
  static cmark_syntax_extension* ext = nullptr;
  static std::once_flag made;
  std::call_once(made, [memory] {
    node_memory = memory;
    math_inline_type = cmark_syntax_extension_add_node(1);
    math_display_type = cmark_syntax_extension_add_node(1);
    ext = cmark_syntax_extension_new("deckgen_math");
    cmark_syntax_extension_set_match_inline_func(ext, match_math);
    cmark_syntax_extension_set_get_type_string_func(ext, type_string);
    cmark_mem* heap = cmark_get_default_mem_allocator();
    cmark_llist* special = cmark_llist_append(heap, nullptr, reinterpret_cast<void*>(static_cast<uintptr_t>('$')));
    cmark_syntax_extension_set_special_inline_chars(ext, special);
  });
  closers_gone = {};  // a new parse: its paragraphs may sit where an earlier parse's did
  return ext;
}

bool read_math_node(cmark_node* node, MathMatch& out) {
  cmark_node_type type = cmark_node_get_type(node);
  if (type == CMARK_NODE_NONE || (type != math_inline_type && type != math_display_type)) return false;
  const auto* data = static_cast<const MathData*>(cmark_node_get_user_data(node));
  if (!data) return false;
  out.display = type == math_display_type;
  out.tex = std::string_view(data->tex, data->size);
  out.line = data->line;
  out.column = data->column;
  return true;
}

}  // namespace deckgen
