// bench_timeline: reads trace files, merges them and writes the timeline SVG to stdout,
// exactly as a slide would get it. For bench/timeline.sh and for looking at a trace:
//   bench_timeline trace-1.json [trace-2.json ...] > timeline.svg
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "render/timeline_svg.h"
#include "render/trace.h"
#include "util/files.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_timeline TRACE.json... > timeline.svg\n";
    return 2;
  }
  std::vector<std::string> texts;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    auto size = std::filesystem::file_size(argv[i], ec);
    if (ec) {
      std::cerr << argv[i] << ": " << ec.message() << "\n";
      return 1;
    }
    if (auto too_large = deckgen::check_trace_size(size)) {
      std::cerr << argv[i] << ": " << too_large->message << "\n";
      return 1;
    }
    std::string text;
    if (!deckgen::read_file(argv[i], text)) {
      std::cerr << argv[i] << ": cannot read\n";
      return 1;
    }
    texts.push_back(std::move(text));
  }
  auto merged = deckgen::merge_traces(texts);
  if (auto* error = std::get_if<deckgen::TraceError>(&merged)) {
    std::cerr << "error: " << error->message << "\n";
    return 1;
  }
  const auto& trace = std::get<deckgen::Trace>(merged);
  for (const auto& w : trace.warnings) std::cerr << "warning: " << w << "\n";
  std::cout << deckgen::timeline_svg(trace, {});
  return 0;
}
