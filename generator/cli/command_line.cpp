#include "cli/command_line.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "util/cpu_list.h"
#include "util/text.h"

namespace deckgen {
namespace {

constexpr const char* kExitCodes =
    "\nExit codes:\n"
    "  0  success\n"
    "  1  the deck was written, but something in it failed (a snippet, a contradicted claim;\n"
    "     with check or --strict, an undecided claim)\n"
    "  2  input or usage error: nothing was written, the previous output is untouched\n";

// The first word that is not an option: where a command must be.
const char* command_word(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i)
    if (argv[i][0] != '-') return argv[i];
  return nullptr;
}

// `deckgen help` shows the help; an unknown command gets "did you mean" (CLI11 would
// only say that a subcommand is required). nullopt: parse as usual.
std::optional<int> check_command_word(CLI::App& app, int argc, const char* const* argv) {
  const char* word = command_word(argc, argv);
  if (!word) return std::nullopt;
  std::map<std::string, int> commands;
  for (const CLI::App* sub : app.get_subcommands({})) commands[sub->get_name()] = 0;
  if (commands.count(word)) return std::nullopt;
  if (std::string_view(word) == "help") {
    fmt::print("{}", app.help());
    return exit_ok;
  }
  std::string names;
  for (const auto& [name, _] : commands) names += (names.empty() ? "" : ", ") + name;
  std::string near = closest_word(word, commands);
  fmt::print(stderr, "deckgen: error: unknown command '{}'\n  {}(commands: {}; deckgen --help says more)\n", word,
             near.empty() ? "" : fmt::format("did you mean '{}'? ", near), names);
  return exit_input_error;
}

}  // namespace

ParsedCommandLine parse_command_line(int argc, const char* const* argv) {
  ParsedCommandLine result;
  Options& o = result.options;

  CLI::App app{"deckgen: Markdown slides to one self-contained HTML deck, every example run "
               "and measured on this machine.",
               "deckgen"};
  app.set_version_flag("--version", std::string("deckgen ") + DECKGEN_VERSION);
  app.footer(kExitCodes);
  app.require_subcommand(1);

  std::vector<std::string> inputs;
  std::string output;

  CLI::App* build = app.add_subcommand("build", "Build the deck into one HTML file.");
  build->add_option("inputs", inputs, "A deck folder, or .md files in order (default: deck)");
  build->add_option("-o,--output", output, "The HTML file to write (default: output/deck.html)");
  build->footer(kExitCodes);

  CLI::App* check = app.add_subcommand("check", "Build everything, write nothing unless -o is given, "
                                       "and report what failed.");
  check->add_option("inputs", inputs, "A deck folder, or .md files in order (default: deck)");
  check->add_option("-o,--output", output, "Also write the deck to this file");
  check->footer(kExitCodes);

  std::vector<std::string> only;
  bool no_cache = false;
  CLI::App* clean = app.add_subcommand("clean", "Remove the deck's cache (DECK/.deckgen-cache), compiled programs "
                                       "included; only a folder deckgen made.");
  clean->add_option("inputs", inputs, "A deck folder, or its .md files (default: deck)");
  clean->add_option("-o,--output", output, "Accepted for compatibility and ignored: the cache is in the deck folder");
  clean->footer(kExitCodes);

  std::string snippets, report, junit, baseline, cpus, family = "each";
  double regression_percent = -1;
  for (CLI::App* sub : {build, check}) {
    sub->add_flag("--strict", o.strict, "Fail on doubt as well: claims that are fragile (one run decides "
                                        "them) or undecided, skipped claims without `skip_ok: true` and, with check, "
                                        "slides that do not fit their stage even at 60% size");
    sub->add_option("--family", family, "How the claims share their error: `each` (default: every claim is "
                                        "wrong at most 1 - confidence of the time) or `bonferroni` (all of them together)")
        ->check(CLI::IsMember({"each", "bonferroni"}));
    CLI::Option* against = sub->add_option("--baseline", baseline, "Compare every snippet with an earlier "
                                                                   "--report JSON and list the significant changes");
    sub->add_option("--fail-on-regression", regression_percent, "With --baseline: fail when a snippet got slower "
                                                                "by more than PCT percent, with confidence")
        ->check(CLI::Range(0.0, 1e6))
        ->needs(against);
    sub->add_option("--cpus", cpus, "Run on these CPUs only, as taskset -c would (1, 0-1, 0,2; all: every CPU "
                                    "deckgen may use); the report and the last slide record it. Several masks "
                                    "(1,all or 0/0-1) measure the deck once per mask and show each claim per mask")
        ->check([](const std::string& list) {
          std::vector<std::string> masks = split_cpu_masks(list);
          bool ok = !masks.empty() && std::all_of(masks.begin(), masks.end(), [](const std::string& mask) {
            return mask == "all" || parse_cpu_list(mask).has_value();
          });
          return ok ? std::string() : "--cpus takes CPU numbers and ranges (1, 0-1, 0,2) or all, masks apart by / (0/0-1)";
        });
    sub->add_flag("--no-cache", no_cache, "Neither read nor store anything in the cache (DECK/.deckgen-cache)");
    sub->add_flag("--force", o.force, "Compile and rerun every snippet, trusting nothing stored, and store the new results");
    sub->add_option("--only", only, "Rerun only these snippet ids; the others come from the cache");
    sub->add_flag("-q,--quiet", o.quiet, "Print only errors and the summary");
    sub->add_flag("-v,--verbose", o.verbose, "Also print each command run and why each snippet did not come from the cache");
    sub->add_option("--snippets", snippets, "The snippets folder (default: front matter `snippets:`, else "
                                            "a `snippets` folder beside the deck folder)");
    sub->add_option("--report", report, "Also write every snippet's runs, statistics and the machine as JSON");
    sub->add_option("--junit", junit, "Also write one JUnit test case per snippet, for CI dashboards");
  }

  // watch and pdf (issue 5): build like `build`, then serve or print the deck.
  CLI::App* watch = app.add_subcommand("watch", "Build, then rebuild on every change under the deck and snippets "
                                       "folders and serve the deck on HTTP; the open page reloads itself "
                                       "(Ctrl-C stops, exit 0).");
  watch->add_option("inputs", inputs, "A deck folder, or .md files in order (default: deck)");
  watch->add_option("-o,--output", output, "The HTML file each build writes (default: output/deck.html)");
  watch->add_option("--host", o.host, "The address to serve on (default: 127.0.0.1, this machine only)");
  watch->add_option("--port", o.port, "The port to serve on; 0 picks a free one (default: 8000)")
      ->check(CLI::Range(0, 65535));
  CLI::App* present = app.add_subcommand("present", "Serve the deck as watch does, with a ▶ on each run slide that "
                                         "reruns its snippet on this machine in front of the audience, streaming its "
                                         "output; only with the session's token, printed in the URL (Ctrl-C stops).");
  present->add_option("inputs", inputs, "A deck folder, or .md files in order (default: deck)");
  present->add_option("-o,--output", output, "The HTML file each build writes (default: output/deck.html)");
  present->add_option("--port", o.port, "The port to serve on, on 127.0.0.1 only; 0 picks a free one (default: 8000)")
      ->check(CLI::Range(0, 65535));
  CLI::App* pdf = app.add_subcommand("pdf", "Build the deck and print it to PDF, one slide per page, through "
                                     "headless Chromium (Debian's chromium; DECKGEN_CHROMIUM overrides the path).");
  pdf->add_option("inputs", inputs, "A deck folder, or .md files in order (default: deck)");
  pdf->add_option("-o,--output", output, "The PDF file to write (default: output/deck.pdf)");
  pdf->add_flag("--notes", o.pdf_notes, "Print each slide's speaker notes under it");
  for (CLI::App* sub : {watch, present, pdf}) {
    sub->add_flag("-q,--quiet", o.quiet, "Print only errors and the summary");
    sub->add_flag("-v,--verbose", o.verbose, "Also print each command run and why each snippet did not come from the cache");
    sub->add_option("--snippets", snippets, "The snippets folder (default: front matter `snippets:`, else "
                                            "a `snippets` folder beside the deck folder)");
    sub->footer(kExitCodes);
  }

  CLI::App* init = app.add_subcommand("init", "Write a small working talk to start from: deck/ with slides that "
                                      "show each feature, snippets/ with a Python and a C example. Writes over nothing.");
  std::string init_dir;
  init->add_option("dir", init_dir, "The folder to write it in (default: the current folder)");
  init->footer(kExitCodes);

  if (auto code = check_command_word(app, argc, argv)) {
    result.exit_code = code;
    return result;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints help/version on stdout with code 0 and usage errors on stderr;
    // a usage error is an input error, so it exits 2 like every other one.
    int code = app.exit(e);
    result.exit_code = code == 0 ? exit_ok : exit_input_error;
    return result;
  }

  o.command = check->parsed() ? Command::check : clean->parsed() ? Command::clean : Command::build;
  o.use_cache = !no_cache;
  o.only.insert(only.begin(), only.end());
  if (!inputs.empty()) o.inputs.assign(inputs.begin(), inputs.end());
  if (!output.empty()) o.output = output;
  o.write_deck = o.command == Command::build || !output.empty();
  if (!snippets.empty()) o.snippets_dir = snippets;
  if (!report.empty()) o.report = report;
  if (!junit.empty()) o.junit = junit;
  if (!baseline.empty()) o.baseline = baseline;
  if (!cpus.empty()) {
    std::vector<std::string> masks = split_cpu_masks(cpus);
    o.cpus = masks.front();
    o.compare_cpus.assign(masks.begin() + 1, masks.end());
  }
  if (regression_percent >= 0) o.fail_on_regression_percent = regression_percent;
  o.family = family == "bonferroni" ? ClaimFamily::bonferroni : ClaimFamily::each;
  if (watch->parsed()) o.command = Command::watch, o.write_deck = true;
  if (present->parsed()) o.command = Command::present, o.write_deck = true;  // o.host stays the loopback
  if (init->parsed()) {
    o.command = Command::init;
    if (!init_dir.empty()) o.init_dir = init_dir;
  }
  if (pdf->parsed()) {  // -o names the PDF; the HTML goes beside it (see pipeline/pdf_command.h)
    o.command = Command::pdf;
    if (!output.empty()) o.pdf_output = output;
  }
  return result;
}

}  // namespace deckgen
