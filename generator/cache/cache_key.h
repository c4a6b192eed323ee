#pragma once
// Cache keys: a snippet's result is reused only when everything that can change it is
// the same. The key is the XXH3-128 hash (32 lowercase hex digits) of a canonical text
// that lists every such input; the text is public so that a test, or a user asking why
// a snippet reran, can see exactly what went in.
//
// The canonical text is a first line "deckgen-cache-key 1" followed by fields, in a
// fixed order, each written as
//     NAME SP BYTE-LENGTH LF VALUE LF
// so that no value, whatever bytes it holds, can be mistaken for another field. A list
// is a field NAME.count followed by one field per item. The fields (snippet_cache_text):
//   deckgen_version, machine (the fingerprint), cpus (only when the affinity mask is
//   not all the machine's CPUs), measurement,
//   id, language, tool.path, tool.version, path_env,
//   compile (the compile command with {file} {python} {snippets} filled in, and {exe}
//   {dir} as "<exe>" "<dir>", since those are fresh temporary paths), run (the run command
//   likewise, then the args), env (sorted NAME=VALUE), stdin.present, stdin, timeout_ms,
//   runs, warmup, trace, trace.threads (only when on: the sampler's method), expect.*
//   (exit_code, fails, and each optional pattern as .present and value), source, then for each local dependency (dependencies.h, plus
//   the deck's own trace helper snippets/deckgen_trace.py, if any, for every Python
//   snippet) dep (its path relative to the snippets folder) and dep.content, then for each
//   trace helper compiled into deckgen (run/trace_helpers.h) helper (its name) and
//   helper.content.
// What only the slide shows (show_code, show_output, show_timing, region, the slide's
// prose) is not in it: changing those reruns nothing.
//
// Not in the key, by design (for docs/rebuilds.md, which lists them): libraries installed outside the
// snippets folder (a pip upgrade, a new libc), and files a snippet reads at run time
// without importing or including them.
#include <filesystem>
#include <string>

#include "cache/warm_cache.h"
#include "model/results.h"
#include "plan/plan.h"
#include "util/hash.h"  // hash_hex, is_cache_key: the keys are its hashes

namespace deckgen {

// Bump when the canonical text changes meaning, so that old entries become misses.
inline constexpr int kCacheKeyFormat = 1;

struct CacheInputs {
  std::filesystem::path snippets_dir;   // the plan's snippets folder
  ToolInfo tool;                        // the snippet's language's interpreter or compiler: path and version
  std::string python;                   // the resolved interpreter that replaces {python}
  std::string path_env;                 // PATH given to compilers and snippets
  std::string machine_fingerprint;      // machine_fingerprint(probe_machine())
  // Which CPUs the snippet may run on ("1", "0,2"), when the affinity mask (--cpus,
  // taskset, a cpuset) is not all of the machine's; empty when it is (the fingerprint's
  // count then names them). Not only how many: two masks of one size can measure
  // differently (a CPU that takes the interrupts, SMT siblings or not, P- and E-cores).
  std::string cpus;
  std::string deckgen_version = DECKGEN_VERSION;
  // Anything else that changes how runs are measured, as text the orchestrator chooses
  // (e.g. "alone" for a timed snippet run with nothing beside it, "shared" otherwise).
  std::string measurement;
  // A long-running deckgen's memory of the sources it read (cache/warm_cache.h); null: none.
  WarmCache* warm = nullptr;
};

// The canonical text described above.
std::string snippet_cache_text(const PlannedSnippet& snippet, const CacheInputs& inputs);

// XXH3-128 of snippet_cache_text, as 32 lowercase hex digits.
std::string snippet_cache_key(const PlannedSnippet& snippet, const CacheInputs& inputs);

// The key of the snippet's compiled program: only what the compiler sees (deckgen
// version, machine, tool, PATH, the compile command, the source and its local
// dependencies), so that changing a run's arguments or count does not recompile.
// Empty for an interpreted language.
std::string compile_cache_key(const PlannedSnippet& snippet, const CacheInputs& inputs);

// All three at once, reading and scanning the snippet's sources once: what a build asks.
struct SnippetKeys {
  std::string text;     // snippet_cache_text
  std::string result;   // snippet_cache_key
  std::string program;  // compile_cache_key
};
SnippetKeys snippet_keys(const PlannedSnippet& snippet, const CacheInputs& inputs);

}  // namespace deckgen
