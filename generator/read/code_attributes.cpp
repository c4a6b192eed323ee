#include "read/code_attributes.h"

#include <fmt/format.h>

#include <cctype>

#include "model/input_error.h"
#include "model/line_steps.h"
#include "read/attributes.h"
#include "util/text.h"

namespace deckgen {
namespace {

void set_lines(Node& code, std::string value, const SourcePos& pos) {
  if (!parse_line_steps(value))
    throw InputError(pos, fmt::format("'{}' is not a list of lines to highlight", value),
                     "write lines and ranges, with | between steps: {1-3|5} or {2,4-6}");
  code.details().attrs.values.emplace_back("lines", std::move(value));
}

void read_info(Node& code, const FileContext& ctx) {
  std::string_view info = trim(code.info());
  std::string language;
  std::string_view rest;
  if (info.starts_with('{')) {
    rest = info;  // {.python .numberLines}, {python}
  } else {
    size_t end = info.find_first_of(" \t{");
    language = std::string(info.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view{} : trim(info.substr(end));
  }
  if (is_deckgen_block(language) || (language.empty() && rest.empty())) return;
  SourcePos pos = code.pos;
  if (rest.starts_with('{') && rest.ends_with('}')) rest = trim(rest.substr(1, rest.size() - 2));
  // `python {2-3|5}`: the braces hold only line steps.
  if (!language.empty() && !rest.empty() && rest.find_first_not_of("0123456789-,| ") == std::string_view::npos) {
    std::string steps(rest);  // copied first: `rest` views the info string assigned next
    code.details().info.assign(language);
    return set_lines(code, std::move(steps), pos);
  }
  auto parsed = parse_attributes(rest, BareWords::allowed);
  if (!parsed) {
    ctx.warn(pos, fmt::format("cannot read the code block's attributes '{}': ignored", rest),
             "write them as {.python .numberLines} or python {1-3|5}");
    code.details().info.assign(language);
    return;
  }
  std::vector<std::string>& classes = parsed->attrs.classes;
  std::vector<std::string>& words = parsed->words;
  if (language.empty() && !classes.empty()) language = classes.front(), classes.erase(classes.begin());
  else if (language.empty() && !words.empty()) {
    language = words.front(), words.erase(words.begin());
    // ```{python}: a cell Quarto runs in one Jupyter kernel shared by the deck's cells.
    // deckgen runs each snippet alone, from a file, so that it can be timed and rerun;
    // running cells that may lean on each other's state would mislead, so it says how.
    ctx.warn(pos, fmt::format("```{{{}}} is a cell Quarto would run: deckgen only shows it, highlighted", language),
             fmt::format("to run it at build time (output and timing on the slide), save the code in the snippets "
                         "folder and write a ```run block with `file: NAME` (see docs/snippets.md)"));
  }
  code.details().info.assign(language);
  for (const std::string& c : classes) {
    if (c == "numberLines" || c == "number-lines" || c == "line-numbers") code.details().attrs.classes.emplace_back("numberLines");
    else ctx.warn(pos, fmt::format("unknown code block class '{}': ignored", c), "known: .numberLines");
  }
  for (const std::string& w : words) {
    if (std::isdigit(static_cast<unsigned char>(w[0]))) set_lines(code, w, pos);  // {2-3|5}, or a mistake in one
    else ctx.warn(pos, fmt::format("unknown word '{}' after the code block's language: ignored", w),
                  "the info string is the language, then {attributes}");
  }
  for (auto& [key, value] : parsed->attrs.values) {
    if (key == "lines" || key == "code-line-numbers" || key == "data-line-numbers") {
      if (value == "true") code.details().attrs.classes.emplace_back("numberLines");
      else if (value != "false") set_lines(code, value, pos);
    } else {
      ctx.warn(pos, fmt::format("unknown code block attribute '{}': ignored", key),
               "known: lines=\"1-3|5\" (or code-line-numbers=), .numberLines");
    }
  }
}

}  // namespace

void read_code_attributes(NodeList& nodes, const FileContext& ctx) {
  for (Node& n : nodes) {
    if (n.type == NodeType::code_block) {
      read_info(n, ctx);
      if (fence_language(n.info()) == "mermaid")
        ctx.warn(n.pos, "mermaid diagrams are not drawn (the deck ships no diagram script): shown as code",
                 "write the diagram in Graphviz's language in a ```dot block: deckgen draws it at build time");
    }
    read_code_attributes(n.children, ctx);
  }
}

}  // namespace deckgen
