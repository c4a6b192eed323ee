#include "cache/cache_key.h"

#include <fmt/format.h>

#include <algorithm>

#include "cache/dependencies.h"
#include "cache/warm_cache.h"
#include "plan/languages.h"
#include "run/trace_helpers.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// The NAME SP LENGTH LF VALUE LF record list the header describes.
class CanonicalText {
 public:
  explicit CanonicalText(std::string_view kind) { text_ = fmt::format("{} {}\n", kind, kCacheKeyFormat); }
  CanonicalText() = default;  // fields only, for a part that several texts share
  void fields(const CanonicalText& part) { text_ += part.text_; }
  void raw(const std::string& fields) { text_ += fields; }  // a part's text()
  void field(std::string_view name, std::string_view value) {
    text_ += fmt::format("{} {}\n", name, value.size());
    text_ += value;
    text_ += '\n';
  }
  void field(std::string_view name, long long value) { field(name, std::to_string(value)); }
  void list(std::string_view name, const std::vector<std::string>& items) {
    field(fmt::format("{}.count", name), static_cast<long long>(items.size()));
    for (const std::string& item : items) field(name, item);
  }
  void optional(std::string_view name, const std::optional<std::string>& value) {
    field(fmt::format("{}.present", name), value ? 1 : 0);
    field(name, value.value_or(""));
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

std::vector<std::string> resolved(const std::vector<std::string>& command, const PlannedSnippet& s,
                                  const CacheInputs& in) {
  return expand_command(command, {{"file", s.spec.file.string()},
                                  {"python", in.python},
                                  {"snippets", in.snippets_dir.string()},
                                  // expand_command would loop on a value holding its own token
                                  {"exe", "<exe>"},
                                  {"dir", "<dir>"}});
}

bool is_python_snippet(const PlannedSnippet& s) { return s.spec.file.extension() == ".py"; }

// Every local file the snippet depends on (by path relative to the snippets folder, with
// its content) and deckgen's own helpers: the part of the keys that reads files.
// `read`: each path it looked at, there or not.
CanonicalText dependencies_part(const PlannedSnippet& s, const CacheInputs& in, std::vector<fs::path>& read) {
  CanonicalText part;
  std::vector<fs::path> deps = local_dependencies(s.spec.file, in.snippets_dir);
  read = deps;
  read.push_back(s.spec.file);
  // A deck's own copy of the trace helper is how a Python snippet records metrics and
  // traces; depending on it always is cheap (it rarely changes) and covers imports the
  // scan cannot see.
  std::error_code ec;
  fs::path helper = fs::weakly_canonical(in.snippets_dir / "deckgen_trace.py", ec);
  read.push_back(in.snippets_dir / "deckgen_trace.py");
  if (is_python_snippet(s) && !ec && fs::is_regular_file(helper, ec) &&
      std::find(deps.begin(), deps.end(), helper) == deps.end() && helper != fs::weakly_canonical(s.spec.file, ec)) {
    deps.push_back(helper);
    std::sort(deps.begin(), deps.end());
  }
  fs::path base = fs::weakly_canonical(in.snippets_dir, ec);
  part.field("dep.count", static_cast<long long>(deps.size()));
  for (const fs::path& dep : deps) {
    std::string content;
    part.field("dep", dep.lexically_relative(base).generic_string());
    part.field("dep.content", read_file(dep, content) ? content : std::string("\0unreadable", 11));
  }
  // deckgen's own helpers are on every snippet's import and include path: a snippet that
  // uses them (without its own copy) depends on their content, whatever deckgen's version says.
  std::vector<TraceHelperFile> helpers = trace_helper_files();
  part.field("helper.count", static_cast<long long>(helpers.size()));
  for (const TraceHelperFile& h : helpers) {
    part.field("helper", h.name);
    part.field("helper.content", h.content);
  }
  return part;
}

// The source, then the dependencies' part: from the warm cache when the files it was
// made from are unchanged (cache/warm_cache.h).
void add_sources(CanonicalText& t, const PlannedSnippet& s, const CacheInputs& in) {
  t.field("source", s.source);
  const std::string name = s.spec.file.string() + '\0' + in.snippets_dir.string();
  if (in.warm) {
    if (std::optional<std::string> kept = in.warm->sources(name)) return t.raw(*kept);
  }
  std::vector<fs::path> read;
  CanonicalText part = dependencies_part(s, in, read);
  if (in.warm) {
    // Kept under stamps taken before a second reading that agrees with the first, so
    // that a file written in between is never kept under its new stamp with old content.
    FileStamps stamps = stamps_of(read);
    std::vector<fs::path> again;
    if (dependencies_part(s, in, again).text() == part.text() && again == read)
      in.warm->keep_sources(name, part.text(), std::move(stamps));
  }
  t.fields(part);
}

// What a stored result's figures mean. Bump it when that changes, so that results
// measured the old way are not shown beside new ones. 2: a run's CPU time includes the
// processes the snippet left behind.
constexpr int kMeasurementMethod = 2;
// The same for what `trace: threads` records. 2: a computing thread is judged waiting for a
// CPU over 40 ms of its process's clock, not over each 1 ms tick (which drew it waiting
// three ticks in four), and no more threads run at a tick than that clock's CPUs; the
// kernel's count of the threads started.
constexpr int kThreadSamplerMethod = 2;

std::string cache_text_with(const PlannedSnippet& s, const CacheInputs& in, const CanonicalText& sources) {
  CanonicalText t("deckgen-cache-key");
  t.field("deckgen_version", in.deckgen_version);
  t.field("method", std::to_string(kMeasurementMethod));
  t.field("machine", in.machine_fingerprint);
  // Only under a narrower mask, so that the keys of a build on all CPUs stay what they were.
  if (!in.cpus.empty()) t.field("cpus", in.cpus);
  t.field("measurement", in.measurement);
  t.field("id", s.spec.id);
  t.field("language", s.language.name);
  t.field("tool.path", in.tool.path);
  t.field("tool.version", in.tool.version);
  t.field("path_env", in.path_env);
  t.list("compile", resolved(s.language.compile, s, in));
  std::vector<std::string> run = resolved(s.language.run, s, in);
  run.insert(run.end(), s.spec.args.begin(), s.spec.args.end());
  t.list("run", run);
  std::vector<std::string> env;
  for (const auto& [name, value] : s.spec.env) env.push_back(name + "=" + value);  // a std::map: sorted
  t.list("env", env);
  t.optional("stdin", s.spec.stdin_data);
  t.field("timeout_ms", static_cast<long long>(s.spec.timeout.count()));
  t.field("runs", s.spec.runs);
  t.field("warmup", s.spec.warmup);
  t.field("trace", s.spec.trace ? 1 : 0);
  // Only when on, so that the keys of every other snippet stay what they were. Its value
  // is what the sampler's states mean (kThreadSamplerMethod).
  if (s.spec.trace_threads) t.field("trace.threads", kThreadSamplerMethod);
  const Expectation& e = s.spec.expect;
  t.field("expect.exit_code", e.exit_code);
  t.field("expect.fails", e.fails ? 1 : 0);
  t.optional("expect.stdout_contains", e.stdout_contains);
  t.optional("expect.stdout_matches", e.stdout_matches);
  t.optional("expect.stderr_contains", e.stderr_contains);
  t.optional("expect.stderr_matches", e.stderr_matches);
  t.fields(sources);
  return t.text();
}

std::string compile_key_with(const PlannedSnippet& s, const CacheInputs& in, const CanonicalText& sources) {
  if (s.language.compile.empty()) return {};
  CanonicalText t("deckgen-compile-key");
  t.field("deckgen_version", in.deckgen_version);
  t.field("machine", in.machine_fingerprint);
  t.field("tool.path", in.tool.path);
  t.field("tool.version", in.tool.version);
  t.field("path_env", in.path_env);
  t.list("compile", resolved(s.language.compile, s, in));
  t.fields(sources);
  return hash_hex(t.text());
}

CanonicalText sources_of(const PlannedSnippet& s, const CacheInputs& in) {
  CanonicalText sources;
  add_sources(sources, s, in);
  return sources;
}

}  // namespace

std::string snippet_cache_text(const PlannedSnippet& s, const CacheInputs& in) {
  return cache_text_with(s, in, sources_of(s, in));
}

std::string snippet_cache_key(const PlannedSnippet& s, const CacheInputs& in) {
  return hash_hex(snippet_cache_text(s, in));
}

std::string compile_cache_key(const PlannedSnippet& s, const CacheInputs& in) {
  return compile_key_with(s, in, sources_of(s, in));
}

SnippetKeys snippet_keys(const PlannedSnippet& s, const CacheInputs& in) {
  CanonicalText sources = sources_of(s, in);  // read and scanned once, for both keys
  SnippetKeys keys;
  keys.text = cache_text_with(s, in, sources);
  keys.result = hash_hex(keys.text);
  keys.program = compile_key_with(s, in, sources);
  return keys;
}

}  // namespace deckgen
