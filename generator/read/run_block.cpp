#include "read/run_block.h"

#include <cmath>

#include "model/line_steps.h"
#include "read/yaml_values.h"
#include "util/pattern.h"

namespace deckgen {
namespace {

// An invalid pattern is found here, before anything runs, and named at its key.
void check_pattern(const YamlValues& v, const YAML::Node& expect, const std::string& key, const std::string& pattern) {
  std::optional<std::string> problem = pattern_problem(pattern);
  if (!problem) return;
  SourcePos at;
  for (const auto& entry : expect)
    if (entry.first.IsScalar() && entry.first.Scalar() == key) at = v.pos(entry.first);
  throw InputError(at, fmt::format("'{}' is not a valid regular expression: {}", pattern, *problem),
                   "patterns use RE2 syntax (no backreferences or lookaround); escape special characters "
                   "with a backslash");
}

Expectation read_expect(const YAML::Node& n, const YamlValues& v) {
  Expectation e;
  v.for_each_key(n, "expect", {"exit", "stdout", "stdout_matches", "stderr", "stderr_matches", "fails"},
                 [&](const std::string& key, const YAML::Node& value) {
                   if (key == "exit") e.exit_code = static_cast<int>(v.integer(value, key, 0, 255));
                   if (key == "fails") e.fails = v.boolean(value, key);
                   if (key == "stdout") e.stdout_contains = v.scalar(value, key);
                   if (key == "stderr") e.stderr_contains = v.scalar(value, key);
                   if (key == "stdout_matches") check_pattern(v, n, key, *(e.stdout_matches = v.scalar(value, key)));
                   if (key == "stderr_matches") check_pattern(v, n, key, *(e.stderr_matches = v.scalar(value, key)));
                 });
  return e;
}

// `trace:` is true/false (spans, as before threads could be sampled), `spans`,
// `threads`, or a list of those two.
void read_trace(const YAML::Node& n, const YamlValues& v, SnippetSpec& spec) {
  spec.trace = spec.trace_threads = false;
  auto take = [&](const YAML::Node& item) {
    std::string what = v.scalar(item, "trace");
    if (what == "spans") spec.trace = true;
    else if (what == "threads") spec.trace_threads = true;
    else if (n.IsSequence())
      throw InputError(v.pos(item), fmt::format("'trace' cannot hold '{}'", what), "list spans, threads or both");
    else spec.trace = v.boolean(item, "trace");
  };
  if (n.IsSequence()) {
    for (const auto& item : n) take(item);
  } else {
    try {
      take(n);
    } catch (const InputError& e) {
      throw InputError(e.where(), fmt::format("'trace' must be true, false, spans, threads or [spans, threads], not '{}'",
                                              n.IsScalar() ? n.Scalar() : std::string("a map")),
                       "spans: what deckgen_trace records; threads: every thread's state, sampled from outside");
    }
  }
}

}  // namespace

SnippetSpec parse_run_block(std::string_view yaml, const SourcePos& block) {
  SnippetSpec spec;
  spec.pos = block;
  YamlValues v(block.file, block.line + 1);
  YAML::Node root = v.load_block(yaml, block, "run block", "name the snippet to run: `file: example.py`");
  InputErrorList key_errors;
  v.collect_key_errors(key_errors);
  bool has_file = false;
  v.for_each_key(root, "run block",
                 {"file", "id", "lang", "args", "stdin", "env", "timeout", "compile_timeout", "runs", "warmup", "show", "region",
                  "trace", "expect", "lines", "output-location", "busy_notes"},
                 [&](const std::string& key, const YAML::Node& value) {
                   if (key == "file") spec.display_file = v.scalar(value, key), has_file = true, spec.file_pos = v.pos(value);
                   if (key == "id") {
                     spec.id = v.scalar(value, key);
                     spec.id_pos = v.pos(value);
                     bool ok = !spec.id.empty() && std::all_of(spec.id.begin(), spec.id.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
                     });
                     if (!ok) throw InputError(v.pos(value), fmt::format("id '{}' may only hold letters, digits, - and _", spec.id));
                   }
                   if (key == "lang") spec.language = v.scalar(value, key), spec.lang_pos = v.pos(value);
                   if (key == "args") spec.args = v.list(value, key);
                   if (key == "stdin") spec.stdin_data = v.scalar(value, key);
                   if (key == "env") spec.env = v.string_map(value, key);
                   if (key == "timeout")
                     spec.timeout = std::chrono::milliseconds(std::lround(v.number(value, key, 0.001, 3600) * 1000));
                   if (key == "compile_timeout")
                     spec.compile_timeout =
                         std::chrono::milliseconds(std::lround(v.number(value, key, 0.001, 3600) * 1000));
                   if (key == "runs") spec.runs = static_cast<int>(v.integer(value, key, 1, 1000));
                   if (key == "warmup") spec.warmup = static_cast<int>(v.integer(value, key, 0, 100));
                   if (key == "busy_notes") spec.busy_notes = v.boolean(value, key);
                   if (key == "region") spec.region = v.scalar(value, key), spec.region_pos = v.pos(value);
                   if (key == "trace") read_trace(value, v, spec);
                   if (key == "expect") spec.expect = read_expect(value, v);
                   if (key == "lines") {
                     spec.lines = v.scalar(value, key);
                     if (!parse_line_steps(spec.lines))
                       throw InputError(v.pos(value), fmt::format("'{}' is not a list of lines to highlight", spec.lines),
                                        "write lines and ranges, with | between steps: \"1-3|5\" or \"2,4-6\"");
                   }
                   if (key == "output-location") {
                     std::string where = v.scalar(value, key);
                     if (where == "column") spec.output_location = OutputLocation::column;
                     else if (where != "below")
                       throw InputError(v.pos(value), fmt::format("'output-location' cannot be '{}'", where),
                                        "use column (output beside the code) or below (the default)");
                   }
                   if (key == "show") {
                     spec.show_code = spec.show_output = spec.show_timing = false;
                     for (const std::string& what : v.list(value, key)) {
                       if (what == "code") spec.show_code = true;
                       else if (what == "output") spec.show_output = true;
                       else if (what == "timing") spec.show_timing = true;
                       else throw InputError(v.pos(value), fmt::format("'show' cannot hold '{}'", what),
                                             "use any of: code, output, timing");
                     }
                   }
                 });
  key_errors.throw_if_any();
  if (!has_file) throw InputError(block, "run block has no 'file'", "name the snippet to run: `file: example.py`");
  return spec;
}

}  // namespace deckgen
