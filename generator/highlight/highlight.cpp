#include "highlight/highlight.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <unistd.h>

#include "run/process.h"
#include "util/embedded.h"
#include "util/files.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// Everything a block's HTML depends on: the script that lexes it (it names the
// Pygments options), the language and the text.
std::string block_key(const CodeBlock& b) {
  std::string text = "deckgen-highlight 1\n";
  text += embedded_asset(Asset_id::highlight_py);
  text += '\0';
  text += b.language;
  text += '\0';
  text += b.code;
  return hash_hex(text);
}

// An entry is "1" and the HTML, or "0" for a language Pygments does not know.
std::string entry_bytes(const std::optional<std::string>& html) { return html ? "1" + *html : "0"; }

std::optional<std::optional<std::string>> parse_entry(const std::string& bytes) {
  if (bytes == "0") return std::optional<std::string>();
  if (bytes.starts_with('1')) return std::optional<std::string>(bytes.substr(1));
  return std::nullopt;
}

// Whether `html` has only the shape highlight.py writes: escaped text (&lt; &#39; ...)
// and balanced <span class="..."> ... </span>. The page includes it as it is, so a
// cache entry with anything else (an appended <img onerror>, issue 24) is refused.
bool is_pygments_html(std::string_view html) {
  int open = 0;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '>' || c == '"') return false;  // Pygments escapes both in text
    if (c == '&') {
      size_t end = html.find(';', i);
      if (end == std::string_view::npos || end - i > 8) return false;
      std::string_view name = html.substr(i + 1, end - i - 1);
      bool numeric = name.size() > 1 && name[0] == '#' && name.find_first_not_of("0123456789", 1) == std::string_view::npos;
      bool named = !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
      if (!numeric && !named) return false;
      i = end;
    } else if (c == '<') {
      if (html.substr(i).starts_with("</span>")) {
        if (--open < 0) return false;
        i += 6;
        continue;
      }
      constexpr std::string_view kOpen = "<span class=\"";
      if (!html.substr(i).starts_with(kOpen)) return false;
      size_t end = html.find("\">", i + kOpen.size());
      if (end == std::string_view::npos) return false;
      std::string_view classes = html.substr(i + kOpen.size(), end - i - kOpen.size());
      if (classes.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-") !=
          std::string_view::npos)
        return false;
      ++open;
      i = end + 1;
    }
  }
  return open == 0;
}

// The interpreter with Pygments: $DECKGEN_HIGHLIGHT_PYTHON, else Debian's python3
// (scripts/setup installs python3-pygments for it), else python3 on PATH.
std::optional<fs::path> highlight_python() {
  if (const char* env = std::getenv("DECKGEN_HIGHLIGHT_PYTHON"); env && *env) return find_executable(env);
  if (::access("/usr/bin/python3", X_OK) == 0) return fs::path("/usr/bin/python3");
  return find_executable("python3");
}

class PygmentsHighlighter final : public Highlighter {
 public:
  explicit PygmentsHighlighter(const EntryStore* cache) : cache_(cache) {}

  HighlightResult highlight(const std::vector<CodeBlock>& blocks) override {
    HighlightResult result;
    result.html.resize(blocks.size());
    std::vector<std::string> keys;
    std::vector<size_t> missing;
    for (size_t i = 0; i < blocks.size(); ++i) {
      keys.push_back(block_key(blocks[i]));
      if (auto hit = lookup(keys.back(), result)) result.html[i] = *hit;
      else missing.push_back(i);
    }
    if (missing.empty()) return result;

    nlohmann::json request = nlohmann::json::array();
    for (size_t i : missing) request.push_back({{"lang", blocks[i].language}, {"code", blocks[i].code}});
    auto python = highlight_python();
    if (!python) {
      result.warning = "code is not highlighted: no python3 found (install python3-pygments, or set DECKGEN_HIGHLIGHT_PYTHON)";
      return result;
    }
    ProcessResult run = run_process(*python, {"-I", "-c", std::string(embedded_asset(Asset_id::highlight_py))},
                                    request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                                    std::chrono::seconds(120));
    nlohmann::json reply = nlohmann::json::parse(run.out, nullptr, false);
    if (!run.started || run.exit_code != 0 || !reply.is_object() || !reply["html"].is_array() ||
        reply["html"].size() != missing.size()) {
      std::string why = !run.started ? run.error : run.err.substr(run.err.size() > 400 ? run.err.size() - 400 : 0);
      result.warning = fmt::format("code is not highlighted: Pygments failed under {} ({}); install python3-pygments",
                                   python->string(), why.empty() ? "no output" : why);
      return result;
    }
    std::vector<std::pair<std::string, std::string>> new_entries;
    for (size_t k = 0; k < missing.size(); ++k) {
      const auto& h = reply["html"][k];
      std::optional<std::string> html = h.is_string() ? std::optional(h.get<std::string>()) : std::nullopt;
      result.html[missing[k]] = html;
      if (cache_) new_entries.emplace_back(keys[missing[k]], entry_bytes(html));
    }
    // Kept together, flushed to disk once (an fsync each made a first build of 100,000
    // blocks take minutes). A full or read-only disk fails them alike: said once.
    std::string warning;
    if (!new_entries.empty() && !cache_->write_all(new_entries, &warning))
      result.cache_warnings.push_back("highlighting not kept: " + warning);
    return result;
  }

 private:
  std::optional<std::optional<std::string>> lookup(const std::string& key, HighlightResult& result) const {
    if (!cache_) return std::nullopt;
    std::string warning;
    std::optional<std::string> bytes = cache_->read(key, &warning);
    if (!warning.empty()) result.cache_warnings.push_back(warning);
    if (!bytes) return std::nullopt;
    auto entry = parse_entry(*bytes);
    if (!entry) result.cache_warnings.push_back(fmt::format("highlighting entry {} ignored: not one deckgen wrote", key));
    if (entry && *entry && !is_pygments_html(**entry)) {
      result.cache_warnings.push_back(fmt::format("highlighting entry {} ignored: not HTML that Pygments writes", key));
      return std::nullopt;
    }
    return entry;
  }

  const EntryStore* cache_;
};

}  // namespace

std::unique_ptr<Highlighter> make_pygments_highlighter(const EntryStore* cache) {
  return std::make_unique<PygmentsHighlighter>(cache);
}

HighlightedCode highlight_blocks(Highlighter& highlighter, const std::vector<CodeBlock>& blocks, std::string* failure,
                                 std::vector<std::string>* cache_warnings) {
  HighlightResult result = highlighter.highlight(blocks);
  if (failure) *failure = result.warning;
  if (cache_warnings)
    for (std::string& w : result.cache_warnings) cache_warnings->push_back(std::move(w));
  HighlightedCode html;
  for (size_t i = 0; i < blocks.size() && i < result.html.size(); ++i)
    if (result.html[i]) html[blocks[i].pos] = std::move(*result.html[i]);
  return html;
}

}  // namespace deckgen
