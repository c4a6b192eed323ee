#include "highlight/highlight.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <unistd.h>

#include "run/process.h"
#include "util/embedded.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

constexpr std::string_view kCacheMagic = "deckgen-highlight-1\n";

uint64_t block_key(const CodeBlock& b) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  std::string_view script = embedded_asset(Asset_id::highlight_py);
  XXH3_64bits_update(state, script.data(), script.size());
  XXH3_64bits_update(state, b.language.data(), b.language.size());
  XXH3_64bits_update(state, "\0", 1);
  XXH3_64bits_update(state, b.code.data(), b.code.size());
  uint64_t key = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return key;
}

// The cache is one file: magic, then records of (key, known, length, html). Anything
// that does not parse is treated as an empty cache: a miss, never a crash.
using CacheMap = std::map<uint64_t, std::optional<std::string>>;

CacheMap load_cache(const fs::path& file) {
  CacheMap cache;
  std::string data;
  if (file.empty() || !read_file(file, data) || !data.starts_with(kCacheMagic)) return cache;
  size_t at = kCacheMagic.size();
  while (at + 13 <= data.size()) {
    uint64_t key;
    uint32_t len;
    std::memcpy(&key, data.data() + at, 8);
    bool known = data[at + 8] != 0;
    std::memcpy(&len, data.data() + at + 9, 4);
    at += 13;
    if (len > data.size() - at) return {};
    if (known) cache[key] = data.substr(at, len);
    else cache[key] = std::nullopt;
    at += len;
  }
  return at == data.size() ? cache : CacheMap{};
}

void save_cache(const fs::path& file, const CacheMap& cache) {
  std::string data(kCacheMagic);
  for (const auto& [key, html] : cache) {
    uint32_t len = html ? static_cast<uint32_t>(html->size()) : 0;
    data.append(reinterpret_cast<const char*>(&key), 8);
    data += html ? '\1' : '\0';
    data.append(reinterpret_cast<const char*>(&len), 4);
    if (html) data += *html;
  }
  try {
    write_file_atomically(file, data);
  } catch (const std::exception&) {
    // A cache that cannot be written only costs time on the next build.
  }
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
  explicit PygmentsHighlighter(fs::path cache_file) : cache_file_(std::move(cache_file)) {}

  HighlightResult highlight(const std::vector<CodeBlock>& blocks) override {
    HighlightResult result;
    result.html.resize(blocks.size());
    CacheMap cache = load_cache(cache_file_);
    std::vector<uint64_t> keys;
    std::vector<size_t> missing;
    for (size_t i = 0; i < blocks.size(); ++i) {
      keys.push_back(block_key(blocks[i]));
      auto hit = cache.find(keys.back());
      if (hit != cache.end()) result.html[i] = hit->second;
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
    for (size_t k = 0; k < missing.size(); ++k) {
      const auto& h = reply["html"][k];
      std::optional<std::string> html = h.is_string() ? std::optional(h.get<std::string>()) : std::nullopt;
      result.html[missing[k]] = html;
      cache[keys[missing[k]]] = html;
    }
    // Keep only what this deck uses, so the cache does not grow without bound.
    CacheMap used;
    for (uint64_t k : keys) used[k] = cache[k];
    if (!cache_file_.empty()) save_cache(cache_file_, used);
    return result;
  }

 private:
  fs::path cache_file_;
};

}  // namespace

std::unique_ptr<Highlighter> make_pygments_highlighter(fs::path cache_file) {
  return std::make_unique<PygmentsHighlighter>(std::move(cache_file));
}

HighlightedCode highlight_blocks(Highlighter& highlighter, const std::vector<CodeBlock>& blocks, std::string* warning) {
  HighlightResult result = highlighter.highlight(blocks);
  if (warning) *warning = result.warning;
  HighlightedCode html;
  for (size_t i = 0; i < blocks.size() && i < result.html.size(); ++i)
    if (result.html[i]) html[blocks[i].pos] = std::move(*result.html[i]);
  return html;
}

}  // namespace deckgen
