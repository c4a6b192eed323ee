#include "draw/math.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "model/input_error.h"
#include "run/process.h"
#include "util/embedded.h"
#include "util/files.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

void collect(const NodeList& nodes, std::vector<const Node*>& out) {
  for (const Node& n : nodes) {
    if (n.type == NodeType::math_inline || n.type == NodeType::math_display) out.push_back(&n);
    collect(n.children, out);
  }
}

// A formula's HTML depends on its TeX, its mode, and the KaTeX and script that typeset it.
std::string key_of(const std::string& formula_key) {
  static const std::string typesetter =
      hash_hex(std::string(embedded_asset(Asset_id::katex_js)) + '\0' + std::string(embedded_asset(Asset_id::typeset_math_js)));
  return hash_hex("deckgen-math 1\n" + typesetter + '\n' + formula_key);
}

// KaTeX's HTML starts so, displayed or not; a kept entry that does not is not one deckgen
// wrote, and the page includes the HTML as it is.
bool is_katex_html(std::string_view html) { return html.starts_with("<span class=\"katex"); }

// Where in the file KaTeX's error is: `offset` bytes into the TeX, which starts after the
// formula's dollars. Lines after the first are counted from their start (best effort:
// a list item's indent is not known here).
SourcePos error_position(const Node& math, long long offset) {
  if (offset < 0 || static_cast<size_t>(offset) > math.literal.size()) return math.pos;
  std::string_view before = std::string_view(math.literal).substr(0, static_cast<size_t>(offset));
  size_t newline = before.rfind('\n');
  int delimiter = math.type == NodeType::math_display ? 2 : 1;
  if (newline == std::string_view::npos) return {math.pos.file, math.pos.line, math.pos.column + delimiter + int(offset)};
  int lines = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  return {math.pos.file, math.pos.line + lines, static_cast<int>(before.size() - newline)};
}

// Runs node once over every formula not typeset before; their HTML (or error) by index.
nlohmann::json run_katex(const fs::path& node, const std::vector<const Node*>& formulas) {
  nlohmann::json request = nlohmann::json::array();
  for (const Node* f : formulas)
    request.push_back({{"tex", std::string(f->literal)}, {"display", f->type == NodeType::math_display}});
  std::string input(embedded_asset(Asset_id::katex_js));
  input += '\0';
  input += request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  ProcessResult run = run_process(node, {"-e", std::string(embedded_asset(Asset_id::typeset_math_js))}, input,
                                  std::chrono::seconds(120));
  nlohmann::json reply = nlohmann::json::parse(run.out, nullptr, false);
  if (!run.started || run.exit_code != 0 || !reply.is_array() || reply.size() != formulas.size()) {
    std::string why = !run.started ? run.error : run.err.substr(run.err.size() > 400 ? run.err.size() - 400 : 0);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw InputError(formulas.front()->pos,
                     fmt::format("cannot typeset math: KaTeX failed under {} ({})", node.string(),
                                 run.timed_out ? "timed out" : why.empty() ? "no output" : why),
                     "check that `node --version` works (scripts/setup installs Node.js)");
  }
  return reply;
}

}  // namespace

void typeset_math(Deck& deck, const EntryStore* cache, std::vector<std::string>* cache_warnings) {
  std::vector<const Node*> found;
  for (const Slide& s : deck.slides) {
    collect(s.body, found);
    collect(s.notes, found);
  }
  auto warn = [&](std::string text) {
    if (cache_warnings && !text.empty()) cache_warnings->push_back(std::move(text));
  };
  // Each distinct formula once, the first place it is written standing for all.
  std::vector<const Node*> missing;
  std::vector<std::string> missing_keys;
  for (const Node* f : found) {
    std::string formula = formula_key(*f);
    if (deck.formulas.count(formula)) continue;
    std::string key = key_of(formula);
    if (cache) {
      std::string warning;
      std::optional<std::string> kept = cache->read(key, &warning);
      warn(warning);
      if (kept && is_katex_html(*kept)) {
        deck.formulas[formula] = std::move(*kept);
        continue;
      }
      if (kept) warn(fmt::format("math entry {} ignored: not a formula deckgen kept", key));
    }
    deck.formulas[formula];  // claimed: the same formula further on is not asked for twice
    missing.push_back(f);
    missing_keys.push_back(std::move(key));
  }
  if (missing.empty()) return;
  std::optional<fs::path> node = find_executable("node");
  if (!node)
    throw InputError(missing.front()->pos, "cannot typeset this formula: Node.js (`node`) is not installed",
                     "install it (Debian: apt-get install nodejs, or run scripts/setup); KaTeX itself is inside deckgen");
  nlohmann::json reply = run_katex(*node, missing);
  InputErrorList errors;
  std::vector<std::pair<std::string, std::string>> typeset;  // kept together below
  for (size_t i = 0; i < missing.size(); ++i) {
    const nlohmann::json& one = reply[i];
    const Node& f = *missing[i];
    if (one.contains("html") && one["html"].is_string() && is_katex_html(one["html"].get_ref<const std::string&>())) {
      std::string html = one["html"].get<std::string>();
      if (cache) typeset.emplace_back(missing_keys[i], html);
      deck.formulas[formula_key(f)] = std::move(html);
      continue;
    }
    std::string why = one.value("error", std::string("KaTeX gave no HTML"));
    long long offset = one.value("offset", -1LL);
    errors.add(InputError(error_position(f, offset), fmt::format("cannot typeset this formula: {}", why),
                          "fix the TeX (KaTeX's functions: https://katex.org/docs/supported.html); a dollar sign "
                          "that is not math is written \\$"));
  }
  // One flush of the disk for all of them (an fsync each made a deck of many formulas wait
  // on the disk once per formula), and before any error is thrown: the good ones are kept.
  std::string warning;
  if (!typeset.empty() && !cache->write_all(typeset, &warning)) warn("math not kept: " + warning);
  errors.throw_if_any();
}

}  // namespace deckgen
